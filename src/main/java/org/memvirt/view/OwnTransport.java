package org.memvirt.view;

import java.util.Optional;

import org.memvirt.viewmodel.Playhead;

/**
 * A view that runs a machine of its own (the Compare view's workload, the walk explorer's walk)
 * rather than showing the lesson's step. While it is on screen the lesson window hides its own
 * transport, so that there is one transport bar, and sends the stepping keys (Space, the arrows,
 * Page Down and Page Up, Home, End) to this playhead.
 */
public interface OwnTransport {

    /** The playhead the view's own transport moves; empty when the view follows the lesson. */
    Optional<Playhead> ownPlayhead();
}
