package org.memvirt.engine.event;

/**
 * A host frame went back to the free pool.
 *
 * @param pfn the frame
 * @param use what it held
 * @param vm  its owner until now
 */
public record FrameFree(int pfn, String use, int vm) implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitFrameFree(this);
    }
}
