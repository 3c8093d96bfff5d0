package org.memvirt.engine.mmu;

import org.memvirt.engine.event.CacheKind;
import org.memvirt.engine.event.Counters;
import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.event.LookupOutcome;
import org.memvirt.engine.event.TlbLookup;
import org.memvirt.engine.memory.Epoch;
import org.memvirt.engine.memory.HostMemory;

/**
 * The memory-management unit of the one physical CPU: the TLB (tagged by VPID and PCID), the
 * page-walk cache and nested TLB, and the walkers. Like real hardware it is not coherent with
 * the tables: a translation stays cached until it is invalidated (INVLPG, a CR3 write without
 * PCID, INVVPID, INVEPT), so a stale entry is used if software forgets.
 */
public final class Mmu {
    private static final int[] SHIFTS = {12, 21, 30};
    private final MmuConfig config;
    private final Counters counters;
    private final TranslationCache tlb;
    private final TranslationCache walkCache;
    private final TranslationCache nestedTlb;
    private final PageWalker walker;
    private final WalkTrace trace;

    /** An MMU over {@code memory} that reports into {@code counters}; cache snapshots share {@code epoch}. */
    public Mmu(HostMemory memory, MmuConfig config, Counters counters, Epoch epoch) {
        this.config = config;
        this.counters = counters;
        this.tlb = new TranslationCache(epoch, config.tlbEntries(), config.tlbWays());
        this.walkCache = new TranslationCache(epoch, config.walkCacheEntries(), config.walkCacheEntries());
        this.nestedTlb = new TranslationCache(epoch, config.nestedTlbEntries(), 4);
        this.walker = new PageWalker(memory, config, walkCache, new EptWalker(memory, config, nestedTlb));
        this.trace = new WalkTrace(counters);
    }

    public MmuConfig config() {
        return config;
    }

    /**
     * Translates one access: a TLB lookup, then on a miss the walk. A TLB hit that would be
     * denied, or a store to a page the TLB holds as clean, walks again as the hardware must.
     *
     * @param stale decides, when events are recorded, whether a TLB hit disagrees with the
     *              current tables (only then is the lookup reported as {@code STALE_HIT})
     */
    public WalkOutcome translate(CpuContext ctx, long va, AccessKind kind, Privilege privilege, EventSink sink,
                                 StaleCheck stale) {
        trace.start(ctx.vm(), sink);
        if (config.tlb()) {
            long tag = ctx.tlbTag();
            for (int shift : SHIFTS) {
                int slot = tlb.find(tag, va, shift);
                if (slot < 0) {
                    continue;
                }
                long rights = tlb.attributes(slot);
                boolean needsWalk = Rights.denial(rights, kind, privilege) != 0
                        || (kind == AccessKind.WRITE && (rights & Rights.DIRTY) == 0)
                        || (kind != AccessKind.FETCH && (rights & Rights.EPT_NO_READ) != 0);
                if (needsWalk) {
                    tlb.invalidateAddress(tag, va);
                    break;
                }
                long offset = va & ((1L << shift) - 1);
                long hpa = tlb.target(slot) | offset;
                long gpa = tlb.extra(slot) | offset;
                counters.tlbHit();
                if (sink.recording()) {
                    boolean isStale = stale.isStale(ctx, va, hpa, rights);
                    sink.emit(new TlbLookup(ctx.vm(), va, CacheKind.TLB,
                            isStale ? LookupOutcome.STALE_HIT : LookupOutcome.HIT, 0));
                }
                return new WalkOutcome.Done(gpa, hpa, shift, rights, 0);
            }
            if (sink.recording()) {
                sink.emit(new TlbLookup(ctx.vm(), va, CacheKind.TLB, LookupOutcome.MISS, 0));
            }
        }
        counters.tlbMiss();
        WalkOutcome outcome = walker.walk(ctx, va, kind, privilege, trace);
        if (config.tlb() && outcome instanceof WalkOutcome.Done done) {
            long mask = (1L << done.tlbShift()) - 1;
            tlb.insert(ctx.tlbTag(), va, done.tlbShift(), done.hpa() & ~mask, done.gpa() & ~mask, done.attributes());
        }
        return outcome;
    }

    /** INVLPG: drops the TLB entries for {@code va} in this context and the walk cache of the context. */
    public void invalidatePage(CpuContext ctx, long va) {
        tlb.invalidateAddress(ctx.tlbTag(), va);
        walkCache.invalidateTag(ctx.tlbTag(), -1L);
    }

    /** A CR3 write without PCID preservation: flushes this address space's TLB and walk cache. */
    public void flushAddressSpace(CpuContext ctx) {
        tlb.invalidateTag(ctx.tlbTag(), -1L);
        walkCache.invalidateTag(ctx.tlbTag(), -1L);
    }

    /** INVVPID of a whole VPID: every address space of the VM. */
    public void flushVm(int vpid) {
        long tag = (long) vpid << 16;
        long mask = ~0xFFFFL;
        tlb.invalidateTag(tag, mask);
        walkCache.invalidateTag(tag, mask);
    }

    /** INVEPT: the nested TLB entries of a VM (and, as on real CPUs, its combined TLB entries). */
    public void flushEpt(int vpid) {
        nestedTlb.invalidateTag(vpid, -1L);
        flushVm(vpid);
    }

    /** The three caches as they are now, for a snapshot (shares structure with earlier ones). */
    public CacheImages images() {
        return new CacheImages(tlb.freeze(), walkCache.freeze(), nestedTlb.freeze());
    }

    /**
     * Decides whether a TLB hit still agrees with the page tables.
     */
    @FunctionalInterface
    public interface StaleCheck {
        /** Never stale: for callers that do not look. */
        StaleCheck NEVER = (ctx, va, hpa, rights) -> false;

        /** True when the tables now translate {@code va} differently from the cached {@code hpa}. */
        boolean isStale(CpuContext ctx, long va, long hpa, long rights);
    }

    /**
     * The caches at one step.
     *
     * @param tlb       the TLB
     * @param walkCache the page-walk cache
     * @param nestedTlb the nested TLB
     */
    public record CacheImages(TranslationCache.Image tlb, TranslationCache.Image walkCache,
                              TranslationCache.Image nestedTlb) {
    }
}
