package org.memvirt.lesson;

import java.util.List;

import org.memvirt.engine.paging.PageSize;

/**
 * Pages a process has mapped before step 1.
 *
 * @param vm            the VM
 * @param pid           the process
 * @param gva           the first page's virtual address
 * @param size          page size
 * @param count         consecutive pages
 * @param flags         x86-64 leaf flags (P included)
 * @param gpa           guest-physical address to map the first page to, or -1 for fresh pages
 * @param samePageAs    another process's page to share, or null
 * @param contents      what to write into the pages, or null
 * @param backedOffsets under demand paging, offsets (from {@code gva}) whose host page is backed
 *                      before step 1; empty: none
 * @param at            where the mapping is written
 */
public record MappingSetup(int vm, int pid, long gva, PageSize size, int count, long flags, long gpa,
                           PageRef samePageAs, PageContents contents, List<Long> backedOffsets, SourceLocation at) {
    public MappingSetup {
        backedOffsets = List.copyOf(backedOffsets);
    }

    /** Bytes the mapping covers. */
    public long bytes() {
        return size.bytes() * count;
    }

    /**
     * A page of another process, named by its virtual address.
     *
     * @param pid the process
     * @param gva an address in the page
     * @param at  where it is written
     */
    public record PageRef(int pid, long gva, SourceLocation at) {
    }
}
