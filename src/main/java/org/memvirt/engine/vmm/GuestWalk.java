package org.memvirt.engine.vmm;

import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.mmu.Rights;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.X86Entry;

/**
 * The hypervisor's software walk of a guest table (KVM's {@code walk_addr}): the same checks
 * the hardware makes, on guest-physical memory read through the P2M. It makes no hardware
 * references, so it counts nothing.
 */
final class GuestWalk {
    private static final int MAX_PHY_ADDR = 46;
    private final long[] entries = new long[6];
    private final long[] entryAddresses = new long[6];
    private int leafLevel;
    private long rights = Rights.ALL;
    private long gpa;
    private int faultCode = -1;
    private String faultReason;

    private GuestWalk() {
    }

    static GuestWalk of(GuestMemoryAccess guest, long cr3, int levels, long gva, AccessKind kind,
                        Privilege privilege) {
        GuestWalk w = new GuestWalk();
        long table = cr3 & X86Entry.ADDRESS_MASK;
        for (int level = levels; level >= 1; level--) {
            long address = table + 8L * Levels.index(gva, level);
            long e = guest.read(address);
            w.entries[level] = e;
            w.entryAddresses[level] = address;
            if (!X86Entry.present(e)) {
                w.faultCode = Rights.accessBits(kind, privilege);
                w.faultReason = "guest " + Levels.name(level) + " entry not present: the guest's own page fault";
                return w;
            }
            if (X86Entry.reservedBits(e, level, MAX_PHY_ADDR) != 0) {
                w.faultCode = GuestPageFault.P | GuestPageFault.RSVD | Rights.accessBits(kind, privilege);
                w.faultReason = "reserved bit set in the guest " + Levels.name(level) + " entry";
                return w;
            }
            w.rights = Rights.fold(w.rights, e);
            if (X86Entry.isLeaf(e, level)) {
                w.leafLevel = level;
                w.gpa = X86Entry.address(e, level) | (gva & (Levels.span(level) - 1));
                int denied = Rights.denial(w.rights, kind, privilege);
                if (denied != 0) {
                    w.faultCode = denied;
                    w.faultReason = "the guest's own tables forbid it: "
                            + Rights.denialReason(w.rights, kind, privilege);
                }
                return w;
            }
            table = X86Entry.address(e, level);
        }
        throw new IllegalStateException("guest walk fell off level 1");
    }

    /** The error code to inject, or -1 when the guest mapping permits the access. */
    int faultCode() {
        return faultCode;
    }

    String faultReason() {
        return faultReason;
    }

    int leafLevel() {
        return leafLevel;
    }

    long rights() {
        return rights;
    }

    long gpa() {
        return gpa;
    }

    long entry(int level) {
        return entries[level];
    }

    long entryAddress(int level) {
        return entryAddresses[level];
    }

    long leafEntry() {
        return entries[leafLevel];
    }

    /** Sets the guest's A flags on the entries used and D on the leaf for a store, as hardware would. */
    void setAccessedDirty(GuestMemoryAccess guest, AccessKind kind) {
        for (int level = 5; level >= leafLevel; level--) {
            if (entryAddresses[level] == 0 && entries[level] == 0) {
                continue;
            }
            long e = entries[level];
            long wanted = e | X86Entry.A;
            if (level == leafLevel && kind == AccessKind.WRITE) {
                wanted |= X86Entry.D;
            }
            if (wanted != e) {
                guest.write(entryAddresses[level], wanted);
                entries[level] = wanted;
            }
        }
    }

    /** Whether some 4 KiB page inside the guest's large page at {@code level} is a protected table. */
    boolean largeRegionHasProtectedFrame(ShadowTables tables, int level) {
        long first = (gpa & ~(Levels.span(level) - 1)) >>> 12;
        long count = Levels.span(level) >>> 12;
        for (long gfn : tables.protectedGfns()) {
            if (gfn >= first && gfn < first + count) {
                return true;
            }
        }
        return false;
    }
}
