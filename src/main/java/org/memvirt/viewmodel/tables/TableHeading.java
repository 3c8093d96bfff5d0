package org.memvirt.viewmodel.tables;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The heading of one table in a tree.
 *
 * @param depth        0 for the root table
 * @param ref          the table's kind and base address
 * @param level        its level (4 = PML4 ... 1 = PT)
 * @param name         "PML4", "EPT PD", "Shadow PT"
 * @param addressText  "gPA 0x10_0000"
 * @param hostText     where a guest table lives in host memory ("in hPA 0x2d_2000"), or empty
 * @param presentCount how many of its 512 entries are present
 * @param marks        write-protected, root loaded, ...
 */
public record TableHeading(int depth, EntryRef ref, int level, String name, String addressText, String hostText,
                           int presentCount, Set<TableMark> marks) implements TableRow {
    public TableHeading {
        EnumSet<TableMark> ordered = EnumSet.noneOf(TableMark.class);
        ordered.addAll(marks);
        marks = Collections.unmodifiableSet(ordered);
    }

    /** Whether the guest page holding the table is write-protected (shadow paging). */
    public boolean writeProtected() {
        return marks.contains(TableMark.WRITE_PROTECTED);
    }
}
