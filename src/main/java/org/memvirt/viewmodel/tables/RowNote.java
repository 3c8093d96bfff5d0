package org.memvirt.viewmodel.tables;

/**
 * A line of explanation in a tree: a table that cannot be read, or rows left out for length.
 *
 * @param depth where it sits
 * @param text  what it says
 */
public record RowNote(int depth, String text) implements TableRow {
}
