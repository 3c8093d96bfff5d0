package org.memvirt.viewmodel;

import java.util.List;

import org.memvirt.engine.event.WalkStep;

/**
 * One cell of the walk grid: where it is, what it stands for, and the text it shows.
 *
 * @param row       row index in {@link WalkGrid#rows()}
 * @param column    column index in {@link WalkGrid#columns()}
 * @param kind      reference, data, or why the walk does not use it
 * @param reference the entry read, for a {@link CellKind#REFERENCE} cell; otherwise null
 * @param badge     the reference's ordinal ("#21"), "DATA", or an empty string
 * @param title     what the cell is: "EPT PD", "Guest PML4", "Data"
 * @param lines     detail lines: table, index and entry read, or the reason it is unused
 */
public record GridCell(int row, int column, CellKind kind, WalkStep reference, String badge, String title,
                       List<String> lines) {
    public GridCell {
        lines = List.copyOf(lines);
    }

    /** The ordinal of the reference, or 0 for a cell that is not one. */
    public int ordinal() {
        return reference == null ? 0 : reference.reference();
    }

    /** A reference whose entry was not present: where the walk faulted. */
    public boolean fault() {
        return reference != null && !reference.present();
    }
}
