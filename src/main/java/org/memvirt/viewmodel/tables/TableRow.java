package org.memvirt.viewmodel.tables;

/**
 * One line of a table tree, flattened in reading order: a table's heading, then its entries, an
 * expanded entry followed by the table it points to one level deeper.
 */
public sealed interface TableRow permits TableHeading, EntryRow, HiddenEntries, RowNote {
    /** How deep in the tree: 0 for the root table. */
    int depth();
}
