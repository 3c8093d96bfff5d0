package org.memvirt.engine.paging;

/**
 * The x86-64 paging-structure entry layout (Intel SDM vol. 3A, 4.5): P 0, R/W 1, U/S 2,
 * PWT 3, PCD 4, A 5, D 6, PS 7 (PAT in a 4 KiB PTE), G 8, PAT of a large page 12, NX 63,
 * frame address in bits 12..MAXPHYADDR-1. These are pure functions over the raw 64-bit value.
 */
public final class X86Entry {
    public static final long P = 1L;
    public static final long RW = 1L << 1;
    public static final long US = 1L << 2;
    public static final long PWT = 1L << 3;
    public static final long PCD = 1L << 4;
    public static final long A = 1L << 5;
    public static final long D = 1L << 6;
    public static final long PS = 1L << 7;
    public static final long G = 1L << 8;
    public static final long PAT_LARGE = 1L << 12;
    public static final long NX = 1L << 63;
    /** Bits 12..51: the widest possible frame address field. */
    public static final long ADDRESS_MASK = 0x000F_FFFF_FFFF_F000L;

    private X86Entry() {
    }

    public static boolean present(long e) {
        return (e & P) != 0;
    }

    public static boolean writable(long e) {
        return (e & RW) != 0;
    }

    public static boolean user(long e) {
        return (e & US) != 0;
    }

    public static boolean noExecute(long e) {
        return (e & NX) != 0;
    }

    /** True when the entry at {@code level} maps a page rather than pointing to a table. */
    public static boolean isLeaf(long e, int level) {
        return level == 1 || ((level == 2 || level == 3) && (e & PS) != 0);
    }

    /** The physical address the entry holds (table base, or page base of a leaf). */
    public static long address(long e, int level) {
        long a = e & ADDRESS_MASK;
        if (isLeaf(e, level) && level > 1) {
            a &= ~PageSize.ofLeafLevel(level).offsetMask();
        }
        return a;
    }

    /**
     * Bits that must be zero in a present entry but are set (a RSVD page fault), for a CPU whose
     * physical addresses have {@code maxPhyAddr} bits: address bits above MAXPHYADDR, PS in a
     * PML4/PML5 entry, and the low address bits of a large page (below its size, above PAT).
     */
    public static long reservedBits(long e, int level, int maxPhyAddr) {
        long reserved = ADDRESS_MASK & ~((1L << maxPhyAddr) - 1);
        if (level >= 4) {
            reserved |= PS;
        } else if (isLeaf(e, level) && level > 1) {
            reserved |= PageSize.ofLeafLevel(level).offsetMask() & ~0x1FFFL;
        }
        return e & reserved;
    }

    /** An entry pointing to the next table: present, writable, user (the leaf decides rights). */
    public static long table(long tableAddress) {
        return (tableAddress & ADDRESS_MASK) | P | RW | US;
    }

    /** A leaf entry for a page at {@code level} with the given flag bits. */
    public static long leaf(long pageAddress, int level, long flags) {
        return (pageAddress & ADDRESS_MASK) | flags | (level > 1 ? PS : 0);
    }

    /** Short flag list such as "P RW US A D" for narration and logs. */
    public static String describe(long e, int level) {
        StringBuilder sb = new StringBuilder();
        flag(sb, e, P, "P");
        flag(sb, e, RW, "RW");
        flag(sb, e, US, "US");
        flag(sb, e, PWT, "PWT");
        flag(sb, e, PCD, "PCD");
        flag(sb, e, A, "A");
        flag(sb, e, D, "D");
        if (level == 2 || level == 3) {
            flag(sb, e, PS, "PS");
        }
        flag(sb, e, G, "G");
        flag(sb, e, NX, "NX");
        return sb.length() == 0 ? "-" : sb.toString().trim();
    }

    private static void flag(StringBuilder sb, long e, long bit, String name) {
        if ((e & bit) != 0) {
            sb.append(name).append(' ');
        }
    }
}
