package org.memvirt.engine.event;

/**
 * A guest wrote to a shared page: the host copied it to a private frame (copy-on-write).
 *
 * @param vm          the VM
 * @param gpa         the guest-physical page written
 * @param sharedFrame the shared frame it left
 * @param newFrame    its new private frame
 * @param refsLeft    guest pages still mapping the shared frame
 */
public record CowBreak(int vm, long gpa, int sharedFrame, int newFrame, int refsLeft) implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitCowBreak(this);
    }
}
