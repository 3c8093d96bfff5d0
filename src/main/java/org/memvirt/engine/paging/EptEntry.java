package org.memvirt.engine.paging;

/**
 * The EPT paging-structure entry layout (Intel SDM vol. 3C, 29.3.2): R 0, W 1, X 2, memory
 * type 5:3 (leaf), ignore-PAT 6, large page 7, accessed 8 and dirty 9 (when the EPTP enables
 * A/D), address in bits 12..MAXPHYADDR-1. An entry is not present when bits 2:0 are all zero.
 */
public final class EptEntry {
    public static final long R = 1L;
    public static final long W = 1L << 1;
    public static final long X = 1L << 2;
    public static final long RWX = R | W | X;
    public static final int MEMTYPE_SHIFT = 3;
    public static final long MEMTYPE_MASK = 7L << MEMTYPE_SHIFT;
    public static final long IGNORE_PAT = 1L << 6;
    public static final long LARGE = 1L << 7;
    public static final long ACCESSED = 1L << 8;
    public static final long DIRTY = 1L << 9;
    /** Write-back, the memory type of ordinary RAM. */
    public static final int MEMTYPE_WB = 6;
    public static final long ADDRESS_MASK = X86Entry.ADDRESS_MASK;

    private EptEntry() {
    }

    /** Present means any of R, W, X is set. */
    public static boolean present(long e) {
        return (e & RWX) != 0;
    }

    /** The R/W/X permission bits (bits 2:0). */
    public static int rwx(long e) {
        return (int) (e & RWX);
    }

    /** The memory type field of a leaf. */
    public static int memoryType(long e) {
        return (int) ((e & MEMTYPE_MASK) >>> MEMTYPE_SHIFT);
    }

    /** True when the entry at {@code level} maps a page rather than pointing to a table. */
    public static boolean isLeaf(long e, int level) {
        return level == 1 || ((level == 2 || level == 3) && (e & LARGE) != 0);
    }

    /** The host physical address the entry holds (table or page base). */
    public static long address(long e, int level) {
        long a = e & ADDRESS_MASK;
        if (isLeaf(e, level) && level > 1) {
            a &= ~PageSize.ofLeafLevel(level).offsetMask();
        }
        return a;
    }

    /** A non-leaf entry: R, W and X all allowed, the leaf narrows them. */
    public static long table(long tableAddress) {
        return (tableAddress & ADDRESS_MASK) | RWX;
    }

    /** A leaf for host memory at {@code level} with permissions {@code rwx} and write-back type. */
    public static long leaf(long hostAddress, int level, int rwx) {
        return (hostAddress & ADDRESS_MASK) | (rwx & RWX) | ((long) MEMTYPE_WB << MEMTYPE_SHIFT)
                | (level > 1 ? LARGE : 0);
    }

    /**
     * Why a present entry is an EPT misconfiguration (exit reason 49), or null when it is not:
     * W without R (010b, 110b), X-only where the CPU lacks execute-only support, a reserved bit
     * set, or a leaf memory type of 2, 3 or 7 (SDM 29.3.3.1).
     */
    public static String misconfiguration(long e, int level, boolean executeOnlySupported, int maxPhyAddr) {
        int rwx = rwx(e);
        if (rwx == 0 || isWellFormed(e, level, maxPhyAddr)) {
            return null;
        }
        if ((rwx & 1) == 0 && (rwx & 2) != 0) {
            return "write permission without read (RWX=" + bits(rwx) + ")";
        }
        if (rwx == 4 && !executeOnlySupported) {
            return "execute-only entry on a CPU without execute-only support";
        }
        long reservedAddress = ADDRESS_MASK & ~((1L << maxPhyAddr) - 1);
        if ((e & reservedAddress) != 0) {
            return "reserved address bit set above MAXPHYADDR " + maxPhyAddr;
        }
        boolean leaf = isLeaf(e, level);
        if (level >= 4 && (e & LARGE) != 0) {
            return "large-page bit set in an " + Levels.eptName(level) + " entry (reserved)";
        }
        if (!leaf && (e & (MEMTYPE_MASK | IGNORE_PAT)) != 0) {
            return "reserved bits 6:3 set in a non-leaf " + Levels.eptName(level) + " entry";
        }
        if (leaf && level > 1 && (e & PageSize.ofLeafLevel(level).offsetMask() & ~0xFFFL) != 0) {
            return "reserved low address bits set in a large-page leaf";
        }
        if (leaf) {
            int type = memoryType(e);
            if (type == 2 || type == 3 || type == 7) {
                return "leaf memory type " + type + " is reserved";
            }
        }
        return null;
    }

    /** The common case, checked first: readable, no reserved bit, write-back (leaf) or clean (table). */
    private static boolean isWellFormed(long e, int level, int maxPhyAddr) {
        if ((e & R) == 0 || (e & ADDRESS_MASK & -(1L << maxPhyAddr)) != 0) {
            return false;
        }
        if (level == 1) {
            return memoryType(e) == MEMTYPE_WB;
        }
        return (e & (LARGE | MEMTYPE_MASK | IGNORE_PAT)) == 0;
    }

    /** RWX as three letters, e.g. "R-X" or "-W-". */
    public static String bits(int rwx) {
        return ((rwx & 1) != 0 ? "R" : "-") + ((rwx & 2) != 0 ? "W" : "-") + ((rwx & 4) != 0 ? "X" : "-");
    }

    /** Short flag list such as "R W X MT=6 A D" for narration and logs. */
    public static String describe(long e, int level) {
        if (!present(e)) {
            return "not present";
        }
        StringBuilder sb = new StringBuilder(bits(rwx(e)));
        if (isLeaf(e, level)) {
            sb.append(" MT=").append(memoryType(e));
        }
        if ((e & LARGE) != 0) {
            sb.append(" LARGE");
        }
        if ((e & ACCESSED) != 0) {
            sb.append(" A");
        }
        if ((e & DIRTY) != 0) {
            sb.append(" D");
        }
        return sb.toString();
    }
}
