package org.memvirt.engine.mmu;

import org.memvirt.engine.event.GuestPageFault;

/**
 * The rights a translation grants, folded over every level of a walk as x86-64 does: writable
 * only if R/W is set at every level, user-accessible only if U/S is set at every level,
 * executable unless NX is set at some level. Kept as bits so the TLB can cache them.
 */
public final class Rights {
    public static final long WRITABLE = 1;
    public static final long USER = 2;
    public static final long NO_EXECUTE = 4;
    /** The leaf's dirty flag is set: a store needs no walk to set it. */
    public static final long DIRTY = 8;
    /** The EPT maps the page execute-only: loads and stores must walk (and exit). */
    public static final long EPT_NO_READ = 16;
    /** What a walk starts from before the first entry narrows it. */
    public static final long ALL = WRITABLE | USER;

    private Rights() {
    }

    /** Narrows {@code rights} by one x86-64 entry. */
    public static long fold(long rights, long entry) {
        long r = rights;
        if ((entry & 2) == 0) {
            r &= ~WRITABLE;
        }
        if ((entry & 4) == 0) {
            r &= ~USER;
        }
        if (entry < 0) {
            r |= NO_EXECUTE;
        }
        return r;
    }

    /**
     * The #PF error code bits for a denied access, or 0 when {@code rights} permit it
     * (supervisor writes obey R/W, as with CR0.WP set).
     */
    public static int denial(long rights, AccessKind kind, Privilege privilege) {
        boolean denied = (privilege == Privilege.USER && (rights & USER) == 0)
                || (kind == AccessKind.WRITE && (rights & WRITABLE) == 0)
                || (kind == AccessKind.FETCH && (rights & NO_EXECUTE) != 0);
        return denied ? GuestPageFault.P | accessBits(kind, privilege) : 0;
    }

    /** The W/R, U/S and I/D bits of an error code for this access. */
    public static int accessBits(AccessKind kind, Privilege privilege) {
        int code = 0;
        if (kind == AccessKind.WRITE) {
            code |= GuestPageFault.WR;
        }
        if (privilege == Privilege.USER) {
            code |= GuestPageFault.US;
        }
        if (kind == AccessKind.FETCH) {
            code |= GuestPageFault.ID;
        }
        return code;
    }

    /** Why an access was denied, in words. */
    public static String denialReason(long rights, AccessKind kind, Privilege privilege) {
        if (privilege == Privilege.USER && (rights & USER) == 0) {
            return "user access to a supervisor page (U/S clear)";
        }
        if (kind == AccessKind.WRITE && (rights & WRITABLE) == 0) {
            return "write to a read-only page (R/W clear)";
        }
        return "instruction fetch from a no-execute page (NX set)";
    }
}
