package org.memvirt.engine.paging;

/**
 * Names and index bits of the levels of an x86-64 (or EPT) radix table: level 1 is the PT,
 * level 5 the PML5 of LA57. Each level selects its entry with 9 bits of the address.
 */
public final class Levels {
    private static final String[] GUEST_NAMES = {"", "PT", "PD", "PDPT", "PML4", "PML5"};
    private static final String[] EPT_NAMES = {"", "EPT PT", "EPT PD", "EPT PDPT", "EPT PML4", "EPT PML5"};

    private Levels() {
    }

    /** The index (0..511) that {@code address} selects in a table of {@code level}. */
    public static int index(long address, int level) {
        return (int) ((address >>> (12 + 9 * (level - 1))) & 0x1FF);
    }

    /** Bytes covered by one entry of a table at {@code level}. */
    public static long span(int level) {
        return 1L << (12 + 9 * (level - 1));
    }

    /** The x86 name of a level: PML5, PML4, PDPT, PD, PT. */
    public static String name(int level) {
        return GUEST_NAMES[level];
    }

    /** The EPT name of a level ("EPT PML4", ...). */
    public static String eptName(int level) {
        return EPT_NAMES[level];
    }

    /** Highest canonical address bit + 1 for a given number of levels: 48 or 57. */
    public static int addressBits(int levels) {
        return 12 + 9 * levels;
    }

    /** Checks that a walk has 4 or 5 levels. */
    public static int checkLevels(int levels, String what) {
        if (levels != 4 && levels != 5) {
            throw new IllegalArgumentException(what + " levels must be 4 or 5, not " + levels);
        }
        return levels;
    }
}
