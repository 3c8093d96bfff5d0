package org.memvirt.engine.event;

import java.util.List;

/**
 * The balloon driver pinned guest pages and reported them to the host (one virtio message:
 * at most 256 page numbers).
 *
 * @param vm         the VM
 * @param gfns       the guest page frame numbers in this message
 * @param framesFreed host frames the host freed behind them (fewer when some were unbacked or shared)
 * @param balloonSize pages in the balloon afterwards ("actual")
 * @param target     the host's target ("num_pages")
 */
public record BalloonInflate(int vm, List<Long> gfns, int framesFreed, long balloonSize, long target)
        implements Event {
    public BalloonInflate {
        gfns = List.copyOf(gfns);
    }

    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitBalloonInflate(this);
    }
}
