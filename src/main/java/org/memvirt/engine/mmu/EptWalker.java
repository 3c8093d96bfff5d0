package org.memvirt.engine.mmu;

import org.memvirt.engine.event.CacheKind;
import org.memvirt.engine.event.Dimension;
import org.memvirt.engine.event.LookupOutcome;
import org.memvirt.engine.event.TlbLookup;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.Levels;

/**
 * The host dimension of a nested walk: translates one guest-physical address through the EPT,
 * reference by reference, checking permissions and the entry formats the SDM calls
 * misconfigurations. A nested TLB, when on, answers repeated GPAs without a walk.
 */
final class EptWalker {
    private static final int[] SHIFTS = {12, 21, 30};
    private final HostMemory memory;
    private final MmuConfig config;
    private final TranslationCache nestedTlb;
    private WalkOutcome failure;
    private final long reservedHigh;

    EptWalker(HostMemory memory, MmuConfig config, TranslationCache nestedTlb) {
        this.memory = memory;
        this.config = config;
        this.nestedTlb = nestedTlb;
        this.reservedHigh = EptEntry.ADDRESS_MASK & -(1L << config.maxPhyAddr());
    }

    /** Why the last {@link #translate} returned -1. */
    WalkOutcome failure() {
        return failure;
    }

    /**
     * The host physical address of {@code gpa}, or -1 with {@link #failure()} set.
     *
     * @param finalAccess   true for the data address, false for a guest table address
     * @param forGuestLevel the guest level whose table is being located (0 for data)
     * @param shiftOut      receives log2 of the host page size that maps {@code gpa} in [0] and the
     *                      R/W/X rights the EPT grants for it in [1]
     */
    long translate(CpuContext ctx, long gpa, AccessKind kind, boolean finalAccess, int forGuestLevel,
                   WalkTrace trace, int[] shiftOut) {
        int needed = neededRights(kind, finalAccess, ctx.eptAccessDirty());
        // With EPT A/D on, a write must reach the leaf to set its dirty flag unless the cached
        // translation already records it (as the TLB does for the guest's dirty flag).
        long mustRecord = ctx.eptAccessDirty() && (needed & EptEntry.W) != 0 ? EptEntry.DIRTY : 0;
        if (config.walkCache()) {
            for (int shift : SHIFTS) {
                int slot = nestedTlb.find(ctx.vpid(), gpa, shift);
                if (slot >= 0 && (nestedTlb.attributes(slot) & (needed | mustRecord)) == (needed | mustRecord)) {
                    emitLookup(trace, ctx, gpa, LookupOutcome.HIT);
                    shiftOut[0] = shift;
                    shiftOut[1] = (int) (nestedTlb.attributes(slot) & EptEntry.RWX);
                    return nestedTlb.target(slot) | (gpa & ((1L << shift) - 1));
                }
            }
            emitLookup(trace, ctx, gpa, LookupOutcome.MISS);
        }
        long table = ctx.eptRoot();
        int allowed = 7;
        for (int level = ctx.hostLevels(); level >= 1; level--) {
            int index = Levels.index(gpa, level);
            long entryAddress = table + 8L * index;
            long e = memory.readWord(entryAddress);
            boolean present = EptEntry.present(e);
            trace.reference(Dimension.HOST, level, forGuestLevel, table, index, e, present);
            String misconfig = present && !plainlyWellFormed(e, level) ? EptEntry.misconfiguration(e, level,
                    config.executeOnlyEpt(), config.maxPhyAddr()) : null;
            if (misconfig != null) {
                failure = new WalkOutcome.EptMisconfig(gpa, Levels.eptName(level) + " entry: " + misconfig,
                        trace.references());
                return -1;
            }
            allowed &= EptEntry.rwx(e);
            if (!present) {
                failure = violation(gpa, kind, finalAccess, ctx, allowed,
                        Levels.eptName(level) + " entry not present", trace);
                return -1;
            }
            if (ctx.eptAccessDirty() && (e & EptEntry.ACCESSED) == 0) {
                e |= EptEntry.ACCESSED;
                memory.writeWord(entryAddress, e);
            }
            if (EptEntry.isLeaf(e, level)) {
                if ((allowed & needed) != needed) {
                    failure = violation(gpa, kind, finalAccess, ctx, allowed,
                            "EPT allows " + EptEntry.bits(allowed) + ", access needs " + EptEntry.bits(needed), trace);
                    return -1;
                }
                if (mustRecord != 0 && (e & EptEntry.DIRTY) == 0) {
                    e |= EptEntry.DIRTY;
                    memory.writeWord(entryAddress, e);
                }
                int shift = 12 + 9 * (level - 1);
                long base = EptEntry.address(e, level);
                if (config.walkCache()) {
                    nestedTlb.insert(ctx.vpid(), gpa, shift, base, 0, allowed | (e & EptEntry.DIRTY));
                }
                shiftOut[0] = shift;
                shiftOut[1] = allowed;
                return base | (gpa & ((1L << shift) - 1));
            }
            table = EptEntry.address(e, level);
        }
        throw new IllegalStateException("EPT walk fell off level 1");
    }

    /** The common case on the hot path: readable, no reserved bit, write-back leaf or clean table. */
    private boolean plainlyWellFormed(long e, int level) {
        if ((e & EptEntry.R) == 0 || (e & reservedHigh) != 0) {
            return false;
        }
        return level == 1 ? ((e >>> EptEntry.MEMTYPE_SHIFT) & 7) == EptEntry.MEMTYPE_WB : (e & 0xF8) == 0;
    }

    /** EPT rights an access needs; with EPT A/D on, guest table reads count as writes. */
    private static int neededRights(AccessKind kind, boolean finalAccess, boolean accessDirty) {
        if (!finalAccess) {
            return accessDirty ? (int) (EptEntry.R | EptEntry.W) : (int) EptEntry.R;
        }
        if (kind == AccessKind.READ) {
            return (int) EptEntry.R;
        }
        return kind == AccessKind.WRITE ? (int) (EptEntry.R | EptEntry.W) : (int) EptEntry.X;
    }

    /**
     * The exit qualification of an EPT violation (SDM 28.2.1, table 28-7): bits 0-2 the access,
     * bits 3-5 the rights the walk allowed, bit 7 a linear address is valid, bit 8 set for the
     * final data access and clear for an access to a guest paging structure.
     */
    static long qualification(AccessKind kind, boolean finalAccess, boolean accessDirty, int allowed) {
        long q;
        if (!finalAccess) {
            // A guest paging-structure access is a read; with EPT A/D on it is treated as a write
            // as well, and the CPU then sets both bit 0 and bit 1 (SDM table 28-7, note 1).
            q = accessDirty ? 3 : 1;
        } else {
            q = switch (kind) {
                case READ -> 1;
                case WRITE -> 2;
                case FETCH -> 4;
            };
        }
        q |= (long) (allowed & 7) << 3;
        q |= 1L << 7;
        if (finalAccess) {
            q |= 1L << 8;
        }
        return q;
    }

    private WalkOutcome violation(long gpa, AccessKind kind, boolean finalAccess, CpuContext ctx, int allowed,
                                  String why, WalkTrace trace) {
        String target = finalAccess ? "data page" : "guest page-table page";
        return new WalkOutcome.EptViolation(gpa,
                qualification(kind, finalAccess, ctx.eptAccessDirty(), allowed),
                why + " (" + target + ")", trace.references());
    }

    private static void emitLookup(WalkTrace trace, CpuContext ctx, long gpa, LookupOutcome outcome) {
        if (trace.sink().recording()) {
            trace.sink().emit(new TlbLookup(ctx.vm(), gpa, CacheKind.NESTED_TLB, outcome, 0));
        }
    }
}
