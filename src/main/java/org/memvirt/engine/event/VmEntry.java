package org.memvirt.engine.event;

/**
 * The hypervisor resumed the guest.
 *
 * @param vm     the VM
 * @param action what the hypervisor did before resuming, in words
 */
public record VmEntry(int vm, String action) implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitVmEntry(this);
    }
}
