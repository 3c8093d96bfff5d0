package org.memvirt.engine.event;

/**
 * The hypervisor backed a guest-physical page with host memory by writing an EPT leaf.
 *
 * @param vm       the VM
 * @param gpa      base of the guest-physical page
 * @param hpa      base of the host memory behind it
 * @param pageSize the size of the EPT mapping ("4K", "2M", "1G")
 */
public record EptFill(int vm, long gpa, long hpa, String pageSize) implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitEptFill(this);
    }
}
