package org.memvirt.engine.mmu;

import org.memvirt.engine.event.CacheKind;
import org.memvirt.engine.event.Dimension;
import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.event.LookupOutcome;
import org.memvirt.engine.event.TlbLookup;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.X86Entry;

/**
 * The hardware walk of an x86-64 table, in the order real hardware makes its references. Under
 * nested paging every table address (CR3 included) and the final data address are guest-physical
 * and go through the EPT first (as QEMU's {@code mmu_translate} does): for an n-level guest and
 * an m-level host with nothing cached that is n·m + n + m references. Natively, and for shadow
 * tables, table addresses are host-physical: n references.
 */
final class PageWalker {
    private final HostMemory memory;
    private final MmuConfig config;
    private final TranslationCache walkCache;
    private final EptWalker ept;
    private final int[] shift = new int[2];
    private final long reservedHigh;

    PageWalker(HostMemory memory, MmuConfig config, TranslationCache walkCache, EptWalker ept) {
        this.memory = memory;
        this.config = config;
        this.walkCache = walkCache;
        this.ept = ept;
        this.reservedHigh = X86Entry.ADDRESS_MASK & -(1L << config.maxPhyAddr());
    }

    WalkOutcome walk(CpuContext ctx, long va, AccessKind kind, Privilege privilege, WalkTrace trace) {
        boolean nested = ctx.mode() == PagingMode.NESTED;
        Dimension dimension = switch (ctx.mode()) {
            case NATIVE -> Dimension.NATIVE;
            case NESTED -> Dimension.GUEST;
            case SHADOW -> Dimension.SHADOW;
        };
        long table = ctx.root();
        int level = ctx.levels();
        long rights = Rights.ALL;
        if (config.walkCache()) {
            for (int cached = 2; cached <= ctx.levels(); cached++) {
                int slot = walkCache.find(ctx.tlbTag(), va, cacheShift(cached));
                if (slot >= 0) {
                    table = walkCache.target(slot);
                    rights = walkCache.attributes(slot);
                    level = cached - 1;
                    break;
                }
            }
            if (trace.sink().recording()) {
                boolean hit = level < ctx.levels();
                trace.sink().emit(new TlbLookup(ctx.vm(), va, CacheKind.WALK_CACHE,
                        hit ? LookupOutcome.HIT : LookupOutcome.MISS, hit ? level + 1 : 0));
            }
        }
        long leafEntryHpa;
        long leaf;
        int leafLevel;
        while (true) {
            long tableHpa = table;
            if (nested) {
                tableHpa = ept.translate(ctx, table, kind, false, level, trace, shift);
                if (tableHpa < 0) {
                    return ept.failure();
                }
            }
            int index = Levels.index(va, level);
            long entryHpa = tableHpa + 8L * index;
            long e = memory.readWord(entryHpa);
            boolean present = X86Entry.present(e);
            trace.reference(dimension, level, level, table, index, e, present);
            if (!present) {
                return new WalkOutcome.PageFault(Rights.accessBits(kind, privilege),
                        Levels.name(level) + " entry not present", trace.references());
            }
            boolean mayBeReserved = (e & reservedHigh) != 0 || (level > 1 && (e & X86Entry.PS) != 0);
            if (mayBeReserved && X86Entry.reservedBits(e, level, config.maxPhyAddr()) != 0) {
                return new WalkOutcome.PageFault(GuestPageFault.P | GuestPageFault.RSVD
                        | Rights.accessBits(kind, privilege), "reserved bit set in " + Levels.name(level) + " entry",
                        trace.references());
            }
            rights = Rights.fold(rights, e);
            if ((e & X86Entry.A) == 0) {
                e |= X86Entry.A;
                memory.writeWord(entryHpa, e);
            }
            if (X86Entry.isLeaf(e, level)) {
                leafEntryHpa = entryHpa;
                leaf = e;
                leafLevel = level;
                break;
            }
            table = X86Entry.address(e, level);
            if (config.walkCache()) {
                walkCache.insert(ctx.tlbTag(), va, cacheShift(level), table, 0, rights);
            }
            level--;
        }
        int denied = Rights.denial(rights, kind, privilege);
        if (denied != 0) {
            return new WalkOutcome.PageFault(denied, Rights.denialReason(rights, kind, privilege),
                    trace.references());
        }
        int guestShift = 12 + 9 * (leafLevel - 1);
        long pa = X86Entry.address(leaf, leafLevel) | (va & ((1L << guestShift) - 1));
        long hpa = pa;
        int tlbShift = guestShift;
        if (nested) {
            hpa = ept.translate(ctx, pa, kind, true, 0, trace, shift);
            if (hpa < 0) {
                return ept.failure();
            }
            tlbShift = Math.min(guestShift, shift[0]);
            // A combined TLB entry caches what both dimensions allow: a page the EPT maps
            // read-only (a shared frame) must not be written through the TLB.
            if ((shift[1] & 2) == 0) {
                rights &= ~Rights.WRITABLE;
            }
            if ((shift[1] & 4) == 0) {
                rights |= Rights.NO_EXECUTE;
            }
            if ((shift[1] & 1) == 0) {
                rights |= Rights.EPT_NO_READ;
            }
        }
        if (kind == AccessKind.WRITE && (leaf & X86Entry.D) == 0) {
            leaf |= X86Entry.D;
            memory.writeWord(leafEntryHpa, leaf);
        }
        if ((leaf & X86Entry.D) != 0) {
            rights |= Rights.DIRTY;
        }
        return new WalkOutcome.Done(pa, hpa, tlbShift, rights, trace.references());
    }

    /** The page-walk cache keys an entry of {@code level} by the address bits above it. */
    static int cacheShift(int level) {
        return 12 + 9 * (level - 1);
    }
}
