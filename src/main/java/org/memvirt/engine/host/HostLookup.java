package org.memvirt.engine.host;

/**
 * What KVM found for a guest frame when it asked the host kernel (memslot, then the process's
 * page table, then a host page fault if needed).
 *
 * @param outcome what was found
 * @param hva     the host virtual address, or -1 without a memslot
 * @param hpa     the host physical address of the access, or -1 when there is none
 * @param writable whether the process's page-table entry allows writes (false for a KSM page)
 */
public record HostLookup(Outcome outcome, long hva, long hpa, boolean writable) {

    /** The kinds of answer. */
    public enum Outcome {
        /** No memslot covers the address: MMIO, emulated. */
        NO_MEMSLOT,
        /** A write to a read-only memslot: an MMIO exit to the hypervisor process. */
        READ_ONLY_SLOT,
        /** The page was present in the process's page table. */
        PRESENT,
        /** The host kernel faulted the page in (a zeroed frame or a swap-in). */
        FAULTED_IN
    }

    /** Whether there is a frame to map. */
    public boolean backed() {
        return outcome == Outcome.PRESENT || outcome == Outcome.FAULTED_IN;
    }
}
