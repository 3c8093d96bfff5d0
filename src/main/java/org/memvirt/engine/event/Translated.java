package org.memvirt.engine.event;

/**
 * An access completed: the address it used at every stage.
 *
 * @param vm         the VM (0 on a native machine)
 * @param gva        the virtual address
 * @param gpa        the guest-physical address (equal to hpa on a native machine)
 * @param hpa        the host physical address of the data
 * @param references walk references this access made (0 on a TLB hit)
 * @param pageSize   the size of the translation the TLB holds: the smaller of guest and host page
 */
public record Translated(int vm, long gva, long gpa, long hpa, int references, String pageSize) implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitTranslated(this);
    }
}
