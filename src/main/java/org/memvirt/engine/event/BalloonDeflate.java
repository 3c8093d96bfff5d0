package org.memvirt.engine.event;

import java.util.List;

/**
 * The balloon driver told the host it takes pages back, then returned them to the guest.
 *
 * @param vm          the VM
 * @param gfns        the guest page frame numbers in this message (at most 256)
 * @param balloonSize pages in the balloon afterwards
 * @param target      the host's target
 * @param reason      why (the host lowered the target, or the guest ran out of memory)
 */
public record BalloonDeflate(int vm, List<Long> gfns, long balloonSize, long target, String reason)
        implements Event {
    public BalloonDeflate {
        gfns = List.copyOf(gfns);
    }

    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitBalloonDeflate(this);
    }
}
