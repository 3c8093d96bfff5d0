package org.memvirt.engine.paging;

/**
 * The memory a radix table lives in, as its owner sees it: guest tables live in guest-physical
 * memory (written by the guest kernel), EPT tables in host memory (written by the hypervisor).
 * These are software accesses: they make no walk references.
 */
public interface TableSpace {
    /** Reads the 64-bit entry at an address of this space. */
    long readEntry(long entryAddress);

    /** Writes the 64-bit entry at an address of this space. */
    void writeEntry(long entryAddress, long value);

    /** Allocates a zeroed page for a new table and returns its address in this space. */
    long newTable();
}
