package org.memvirt.engine.event;

/**
 * The sharing scanner hashed one guest page.
 *
 * @param vm      the VM
 * @param gpa     the guest-physical page
 * @param hash    its 64-bit content hash
 * @param outcome what came of it
 */
public record PageScan(int vm, long gpa, long hash, ScanOutcome outcome) implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitPageScan(this);
    }
}
