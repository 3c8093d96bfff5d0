package org.memvirt.engine.host;

/**
 * One KVM memory slot ({@code struct kvm_memory_slot}): a run of guest frames that the
 * hypervisor process backs with a run of its own virtual memory. KVM turns a guest frame into
 * a host virtual address with {@code __gfn_to_hva_memslot}: hva = userspace_addr + (gfn − base_gfn) · 4096.
 *
 * @param id          the slot number
 * @param baseGfn     the first guest frame number
 * @param pages       how many 4 KiB guest frames the slot covers
 * @param userAddress the process virtual address of the first frame ({@code userspace_addr})
 * @param readOnly    whether guest writes are refused (KVM_MEM_READONLY: they exit as MMIO)
 */
public record Memslot(int id, long baseGfn, long pages, long userAddress, boolean readOnly) {
    public Memslot {
        if (pages < 1) {
            throw new IllegalArgumentException("a memslot covers at least one page, not " + pages);
        }
        if ((userAddress & 0xFFF) != 0) {
            throw new IllegalArgumentException(String.format("a memslot's user address must be page aligned: 0x%x",
                    userAddress));
        }
    }

    /** Whether the slot covers guest-physical address {@code gpa}. */
    public boolean contains(long gpa) {
        long gfn = gpa >>> 12;
        return gfn >= baseGfn && gfn - baseGfn < pages;
    }

    /** The host virtual address of {@code gpa} (the same offset inside the page). */
    public long hva(long gpa) {
        return userAddress + (((gpa >>> 12) - baseGfn) << 12) + (gpa & 0xFFF);
    }

    /** The guest-physical address that {@code hva} backs (inverse of {@link #hva}). */
    public long gpa(long hva) {
        return ((baseGfn << 12) + (hva - userAddress));
    }
}
