package org.memvirt.viewmodel.tables;

import java.util.List;

/**
 * One column of the Tables view: one tree of tables.
 *
 * @param kind     which table
 * @param title    "Guest page table"
 * @param subtitle what it translates, where its root is and who walks it
 * @param rows     the tree, flattened in reading order; empty when there is no such table
 * @param note     why the column is empty, or empty
 */
public record TableColumn(TableKind kind, String title, String subtitle, List<TableRow> rows, String note) {
    public TableColumn {
        rows = List.copyOf(rows);
    }

    /** The entry rows only. */
    public List<EntryRow> entries() {
        return rows.stream().filter(EntryRow.class::isInstance).map(EntryRow.class::cast).toList();
    }

    /** The table headings only. */
    public List<TableHeading> headings() {
        return rows.stream().filter(TableHeading.class::isInstance).map(TableHeading.class::cast).toList();
    }
}
