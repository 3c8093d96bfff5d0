package org.memvirt.engine.event;

/**
 * Host frames were allocated.
 *
 * @param pfn    the first frame
 * @param frames how many contiguous frames
 * @param use    what they now hold (a {@code FrameUse} name)
 * @param vm     the new owner (0 = hypervisor or host)
 */
public record FrameAlloc(int pfn, int frames, String use, int vm) implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitFrameAlloc(this);
    }
}
