package org.memvirt.engine.event;

/**
 * A guest store.
 *
 * @param vm      the VM (0 on a native machine)
 * @param address the guest-physical address written (for a page-table entry, the entry's address)
 * @param gva     the virtual address the store targeted, or for a table entry the address it maps
 * @param value   the 64-bit value stored
 * @param target  data, or a page-table entry
 */
public record GuestWrite(int vm, long address, long gva, long value, WriteTarget target) implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitGuestWrite(this);
    }
}
