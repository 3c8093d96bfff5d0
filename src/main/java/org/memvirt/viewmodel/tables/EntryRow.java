package org.memvirt.viewmodel.tables;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.memvirt.viewmodel.BitChip;

/**
 * One entry of a table, decoded.
 *
 * @param depth     the depth of the table it belongs to
 * @param ref       the entry's kind of table and address
 * @param level     the level of its table
 * @param index     its index, 0..511
 * @param value     the raw 64-bit entry
 * @param valueText the raw entry in grouped hex
 * @param chips     its flag bits by name (off chips are drawn faded)
 * @param target    what it points to, in words: "→ PDPT at", "→ 4K page at", "not present"
 * @param address   the address it points to ("gPA 0x10_2000"), empty when not present
 * @param holds     what the host page it maps holds ("data", "a guest table"), or empty
 * @param maps      whether it maps a page (a leaf) rather than pointing to a table
 * @param present   whether it is present
 * @param expanded  whether the table it points to follows, one level deeper
 * @param marks     why it is highlighted
 * @param reads     the order in which this step's walks read it (1 = first reference), may be empty
 * @param links     numbers of the shadow fills or updates it took part in (as source or result)
 */
public record EntryRow(int depth, EntryRef ref, int level, int index, long value, String valueText,
                       List<BitChip> chips, String target, String address, String holds, boolean maps, boolean present, boolean expanded,
                       Set<EntryMark> marks, List<Integer> reads, List<Integer> links) implements TableRow {
    public EntryRow {
        chips = List.copyOf(chips);
        EnumSet<EntryMark> ordered = EnumSet.noneOf(EntryMark.class);
        ordered.addAll(marks);
        marks = Collections.unmodifiableSet(ordered);
        reads = List.copyOf(reads);
        links = List.copyOf(links);
    }

    /** What it points to as one line: "→ 4K page at hPA 0xf1_5000 (data)". */
    public String targetText() {
        return target + (address.isEmpty() ? "" : " " + address) + (holds.isEmpty() ? "" : " (" + holds + ")");
    }

    /** Whether the entry carries {@code mark}. */
    public boolean has(EntryMark mark) {
        return marks.contains(mark);
    }
}
