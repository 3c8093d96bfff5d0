package org.memvirt.viewmodel.tables;

/**
 * A run of present entries left out so a long table stays short.
 *
 * @param depth      the depth of their table
 * @param count      how many present entries are left out
 * @param firstIndex the lowest index left out
 * @param lastIndex  the highest index left out
 */
public record HiddenEntries(int depth, int count, int firstIndex, int lastIndex) implements TableRow {

    /** "⋯ 37 more present entries, [5] to [41]". */
    public String text() {
        return count == 1 ? "⋯ 1 more present entry [" + firstIndex + "]"
                : "⋯ " + count + " more present entries, [" + firstIndex + "] to [" + lastIndex + "]";
    }
}
