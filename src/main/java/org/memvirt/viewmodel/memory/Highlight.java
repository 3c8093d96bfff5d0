package org.memvirt.viewmodel.memory;

import java.util.List;

/**
 * What the pointer is over and what belongs with it: a frame and the guest pages mapping it, or a
 * guest page and the frame (or swap slot) behind it. The view outlines all of them, so a student
 * sees the two sides of one mapping at once.
 *
 * @param frame      the host frame, or -1
 * @param guestPages the guest pages
 * @param swapSlot   the host swap slot, or -1
 */
public record Highlight(int frame, List<GuestRef> guestPages, int swapSlot) {
    /** Nothing under the pointer. */
    public static final Highlight NONE = new Highlight(-1, List.of(), -1);

    public Highlight {
        guestPages = List.copyOf(guestPages);
    }
}
