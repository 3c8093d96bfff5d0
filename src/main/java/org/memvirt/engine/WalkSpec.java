package org.memvirt.engine;

import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.PageSize;

/**
 * What the {@code walk} command is asked to do (DESIGN.md, "Command line").
 *
 * @param mode        native, nested or shadow
 * @param guestLevels guest (or native) table levels, 4 or 5
 * @param hostLevels  EPT levels, 4 or 5
 * @param guestPage   the guest's page size
 * @param hostPage    the host's page size
 * @param tlb         TLB on
 * @param walkCache   page-walk cache and nested TLB on
 * @param pages       P distinct pages accessed round-robin
 * @param accesses    N accesses
 * @param processes   Q processes with their own tables over the same pages
 * @param switchEvery K accesses between CR3 switches
 * @param shadowRoots R shadow roots kept by the VMM (shadow mode)
 * @param seed        seed for frame placement and offsets
 */
public record WalkSpec(PagingMode mode, int guestLevels, int hostLevels, PageSize guestPage, PageSize hostPage,
                       boolean tlb, boolean walkCache, int pages, long accesses, int processes, long switchEvery,
                       int shadowRoots, long seed) {
    public WalkSpec {
        Levels.checkLevels(guestLevels, "--guest-levels: guest");
        Levels.checkLevels(hostLevels, "--host-levels: host");
        if (pages < 1 || pages > 1 << 20) {
            throw new IllegalArgumentException("--pages must be 1 to 1048576, not " + pages);
        }
        if (accesses < 0) {
            throw new IllegalArgumentException("--accesses must not be negative, not " + accesses);
        }
        if (processes < 1 || processes > 4096) {
            throw new IllegalArgumentException("--processes must be 1 to 4096, not " + processes);
        }
        if (switchEvery < 1) {
            throw new IllegalArgumentException("--switch-every must be at least 1, not " + switchEvery);
        }
        if (shadowRoots < 1) {
            throw new IllegalArgumentException("--shadow-roots must be at least 1, not " + shadowRoots);
        }
    }

    /**
     * The references one uncached walk makes: n natively; for the nested walk n_used + Σ d_i
     * over the n_used + 1 guest-physical addresses translated (CR3's table, each next table,
     * the data), where a large page ends a walk early in its own dimension.
     */
    public int uncachedReferences() {
        int nUsed = guestLevels - (guestPage.leafLevel() - 1);
        if (mode != PagingMode.NESTED) {
            return nUsed;
        }
        int hostDepth = hostLevels - (hostPage.leafLevel() - 1);
        return nUsed + (nUsed + 1) * hostDepth;
    }
}
