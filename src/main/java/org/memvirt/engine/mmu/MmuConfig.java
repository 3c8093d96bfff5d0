package org.memvirt.engine.mmu;

/**
 * The MMU's caches and address widths.
 *
 * @param tlb                 whether the TLB is on
 * @param tlbEntries          TLB entries
 * @param tlbWays             TLB associativity
 * @param walkCache           whether the page-walk cache and the nested TLB are on
 * @param walkCacheEntries    page-walk cache entries (fully associative)
 * @param nestedTlbEntries    nested TLB entries (4-way)
 * @param maxPhyAddr          physical address bits (MAXPHYADDR), for reserved-bit checks
 * @param executeOnlyEpt      whether EPT execute-only entries are supported
 */
public record MmuConfig(boolean tlb, int tlbEntries, int tlbWays, boolean walkCache, int walkCacheEntries,
                        int nestedTlbEntries, int maxPhyAddr, boolean executeOnlyEpt) {

    /** A 64-entry 4-way TLB, 32-entry caches, 46-bit physical addresses. */
    public static MmuConfig defaults() {
        return new MmuConfig(true, 64, 4, false, 32, 32, 46, true);
    }

    public MmuConfig withTlb(boolean on) {
        return new MmuConfig(on, tlbEntries, tlbWays, walkCache, walkCacheEntries, nestedTlbEntries, maxPhyAddr,
                executeOnlyEpt);
    }

    public MmuConfig withTlbSize(int entries, int ways) {
        return new MmuConfig(tlb, entries, ways, walkCache, walkCacheEntries, nestedTlbEntries, maxPhyAddr,
                executeOnlyEpt);
    }

    public MmuConfig withWalkCache(boolean on) {
        return new MmuConfig(tlb, tlbEntries, tlbWays, on, walkCacheEntries, nestedTlbEntries, maxPhyAddr,
                executeOnlyEpt);
    }
}
