package org.memvirt.viewmodel;

import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.PageSize;

/**
 * What the student chose for the walk screen: the machine's shape, its caches, and the address
 * to translate. A value; the scenario turns it into a machine and the walk of one access.
 *
 * @param mode         native or nested paging (shadow is not offered yet)
 * @param guestLevels  levels of the guest's (or native process's) tables: 4 or 5
 * @param hostLevels   EPT levels: 4 or 5 (ignored natively)
 * @param guestPage    the size of the page the guest maps at {@code gva}
 * @param hostPage     the size of the host pages backing guest memory (ignored natively)
 * @param tlb          whether the TLB is on
 * @param walkCache    whether the page-walk cache and the nested TLB are on; when on, the
 *                     scenario first reads a neighbouring page so that they are warm
 * @param repeatAccess whether the walk shown is the second access to the same address
 * @param gva          the virtual address the access reads
 */
public record WalkSettings(PagingMode mode, int guestLevels, int hostLevels, PageSize guestPage, PageSize hostPage,
                           boolean tlb, boolean walkCache, boolean repeatAccess, long gva) {

    /** The address translated with 4-level tables: PML4 254, PDPT 232, PD 226, PT 2. */
    public static final long DEFAULT_GVA_4_LEVELS = 0x0000_7f3a_1c40_2000L;
    /** The address translated with 5-level tables: the same, plus PML5 18. */
    public static final long DEFAULT_GVA_5_LEVELS = 0x0012_7f3a_1c40_2000L;

    /** Nested 4/4 with 4 KiB pages, caches off: the classic 24-reference walk. */
    public static WalkSettings defaults() {
        return new WalkSettings(PagingMode.NESTED, 4, 4, PageSize.SIZE_4K, PageSize.SIZE_4K, false, false, false,
                DEFAULT_GVA_4_LEVELS);
    }

    /** The default address for tables of {@code levels} levels. */
    public static long defaultAddress(int levels) {
        return levels == 5 ? DEFAULT_GVA_5_LEVELS : DEFAULT_GVA_4_LEVELS;
    }

    /** Whether the walk has a host (EPT) dimension. */
    public boolean nested() {
        return mode == PagingMode.NESTED;
    }

    /**
     * References a walk makes with nothing cached: n·m + n + m nested (each level shortened by
     * large pages), n natively.
     */
    public int uncachedReferences() {
        int guestRefs = guestLevels - guestPage.leafLevel() + 1;
        if (!nested()) {
            return guestRefs;
        }
        int hostRefs = hostLevels - hostPage.leafLevel() + 1;
        return guestRefs * hostRefs + guestRefs + hostRefs;
    }

    /** Whether {@code gva} is canonical for this many guest levels (bits above the top all equal). */
    public boolean canonical() {
        int bits = Levels.addressBits(guestLevels);
        return (gva >> (bits - 1)) == 0 || (gva >> (bits - 1)) == -1;
    }

    public WalkSettings withMode(PagingMode m) {
        return new WalkSettings(m, guestLevels, hostLevels, guestPage, hostPage, tlb, walkCache, repeatAccess, gva);
    }

    public WalkSettings withLevels(int guest, int host) {
        return new WalkSettings(mode, guest, host, guestPage, hostPage, tlb, walkCache, repeatAccess, gva);
    }

    public WalkSettings withPages(PageSize guest, PageSize host) {
        return new WalkSettings(mode, guestLevels, hostLevels, guest, host, tlb, walkCache, repeatAccess, gva);
    }

    public WalkSettings withCaches(boolean tlbOn, boolean walkCacheOn) {
        return new WalkSettings(mode, guestLevels, hostLevels, guestPage, hostPage, tlbOn, walkCacheOn, repeatAccess,
                gva);
    }

    public WalkSettings withRepeatAccess(boolean on) {
        return new WalkSettings(mode, guestLevels, hostLevels, guestPage, hostPage, tlb, walkCache, on, gva);
    }

    public WalkSettings withAddress(long address) {
        return new WalkSettings(mode, guestLevels, hostLevels, guestPage, hostPage, tlb, walkCache, repeatAccess,
                address);
    }
}
