package org.memvirt.engine.event;

/**
 * On an EPT violation KVM looks up the memslot that covers the guest frame: the slot turns the
 * guest-physical address into a user virtual address of the hypervisor process
 * (hva = userspace_addr + (gfn − base_gfn) · 4096). No slot means no RAM there: MMIO.
 *
 * @param vm   the VM
 * @param gpa  the guest-physical address looked up
 * @param slot the memslot's number, or -1 when no memslot covers {@code gpa}
 * @param hva  the host virtual address in the hypervisor process, or -1 without a slot
 */
public record MemslotLookup(int vm, long gpa, int slot, long hva) implements Event {
    /** Whether a memslot covers the address (otherwise the access is MMIO). */
    public boolean found() {
        return slot >= 0;
    }

    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitMemslotLookup(this);
    }
}
