package org.memvirt.engine.paging;

import java.util.Locale;

/** The three x86-64 page sizes, with the level of the table whose entry maps them. */
public enum PageSize {
    /** A 4 KiB page, mapped by a PT entry (level 1). */
    SIZE_4K(12, 1, "4K"),
    /** A 2 MiB page, mapped by a PD entry with PS (level 2). */
    SIZE_2M(21, 2, "2M"),
    /** A 1 GiB page, mapped by a PDPT entry with PS (level 3). */
    SIZE_1G(30, 3, "1G");

    private final int shift;
    private final int leafLevel;
    private final String label;

    PageSize(int shift, int leafLevel, String label) {
        this.shift = shift;
        this.leafLevel = leafLevel;
        this.label = label;
    }

    /** log2 of the size in bytes. */
    public int shift() {
        return shift;
    }

    /** Size in bytes. */
    public long bytes() {
        return 1L << shift;
    }

    /** Mask of the offset bits inside such a page. */
    public long offsetMask() {
        return bytes() - 1;
    }

    /** How many 4 KiB frames one such page spans. */
    public int frames() {
        return 1 << (shift - 12);
    }

    /** The table level whose entry maps a page of this size (PT = 1, PD = 2, PDPT = 3). */
    public int leafLevel() {
        return leafLevel;
    }

    /** "4K", "2M" or "1G". */
    public String label() {
        return label;
    }

    /** The page size a leaf entry at {@code level} maps. */
    public static PageSize ofLeafLevel(int level) {
        for (PageSize s : values()) {
            if (s.leafLevel == level) {
                return s;
            }
        }
        throw new IllegalArgumentException("no page size ends a walk at level " + level);
    }

    /** The smaller of two page sizes: what a TLB can hold for a nested translation. */
    public static PageSize min(PageSize a, PageSize b) {
        return a.shift <= b.shift ? a : b;
    }

    /** Parses "4K", "2M", "1G" (case-insensitive, "KiB"/"MiB"/"GiB" also accepted). */
    public static PageSize parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        for (PageSize s : values()) {
            if (s.label.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("page size must be 4K, 2M or 1G, not '" + text + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
