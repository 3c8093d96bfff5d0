package org.memvirt.engine.event;

/**
 * Identical pages now map one read-only host frame.
 *
 * @param vm         the VM whose page was merged
 * @param gpa        its guest-physical page
 * @param frame      the shared host frame
 * @param freedFrame the frame that became free (-1 when none)
 * @param refs       guest pages mapping the shared frame now
 */
public record PageMerge(int vm, long gpa, int frame, int freedFrame, int refs) implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitPageMerge(this);
    }
}
