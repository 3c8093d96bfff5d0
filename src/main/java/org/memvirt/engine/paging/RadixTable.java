package org.memvirt.engine.paging;

/**
 * Builds and reads a radix page table (x86-64 or EPT) in software, as an OS kernel or a
 * hypervisor does when it edits its tables. The hardware's own walks are in the MMU, which
 * counts every reference; these software accesses count nothing.
 */
public final class RadixTable {
    private final TableSpace space;
    private final TableFormat format;
    private final int levels;
    private final long root;

    /** A table of {@code levels} (4 or 5) rooted at {@code root} inside {@code space}. */
    public RadixTable(TableSpace space, TableFormat format, int levels, long root) {
        this.space = space;
        this.format = format;
        this.levels = Levels.checkLevels(levels, format == TableFormat.EPT ? "EPT" : "paging");
        this.root = root;
    }

    /** The address of the top-level table. */
    public long root() {
        return root;
    }

    /** Number of levels (4 or 5). */
    public int levels() {
        return levels;
    }

    /**
     * Maps the page of {@code size} containing {@code va} to the page at {@code pa}, creating
     * intermediate tables as needed. An existing leaf at the same place is replaced.
     *
     * @return the address of the leaf entry written
     * @throws MappingConflict when a large page already covers {@code va}, or a table already
     *                         occupies the slot where a large page should go
     */
    public long map(long va, long pa, PageSize size, long attributes) {
        if ((pa & size.offsetMask()) != 0) {
            throw new MappingConflict(String.format("address 0x%x is not aligned to a %s page", pa, size));
        }
        long table = root;
        for (int level = levels; level > size.leafLevel(); level--) {
            long entryAddress = table + 8L * Levels.index(va, level);
            long e = space.readEntry(entryAddress);
            if (!format.present(e)) {
                long next = space.newTable();
                space.writeEntry(entryAddress, format.table(next));
                table = next;
            } else if (format.isLeaf(e, level)) {
                throw new MappingConflict(String.format("0x%x is already inside a %s page mapped at %s level",
                        va, PageSize.ofLeafLevel(level), Levels.name(level)));
            } else {
                table = format.address(e, level);
            }
        }
        int leafLevel = size.leafLevel();
        long entryAddress = table + 8L * Levels.index(va, leafLevel);
        long old = space.readEntry(entryAddress);
        if (leafLevel > 1 && format.present(old) && !format.isLeaf(old, leafLevel)) {
            throw new MappingConflict(String.format("cannot map a %s page at 0x%x: smaller pages are mapped there",
                    size, va));
        }
        space.writeEntry(entryAddress, format.leaf(pa, leafLevel, attributes));
        return entryAddress;
    }

    /** The address of the entry that maps {@code va} at {@code level}, or -1 if no table reaches there. */
    public long entryAddress(long va, int level) {
        long table = root;
        for (int l = levels; l > level; l--) {
            long e = space.readEntry(table + 8L * Levels.index(va, l));
            if (!format.present(e) || format.isLeaf(e, l)) {
                return -1;
            }
            table = format.address(e, l);
        }
        return table + 8L * Levels.index(va, level);
    }

    /** Walks the table in software; null when {@code va} is not mapped. */
    public Mapping lookup(long va) {
        long table = root;
        for (int level = levels; level >= 1; level--) {
            long entryAddress = table + 8L * Levels.index(va, level);
            long e = space.readEntry(entryAddress);
            if (!format.present(e)) {
                return null;
            }
            if (format.isLeaf(e, level)) {
                PageSize size = PageSize.ofLeafLevel(level);
                return new Mapping(format.address(e, level) | (va & size.offsetMask()), size, e, entryAddress);
            }
            table = format.address(e, level);
        }
        throw new IllegalStateException("walk fell off level 1");
    }
}
