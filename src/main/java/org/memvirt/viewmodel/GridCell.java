package org.memvirt.viewmodel;

import java.util.List;

import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.paging.Levels;

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
 * @param fault     the fault this reference stopped the walk with (not present, protection, reserved
 *                  bit, EPT violation or misconfiguration), empty when it did not fault
 * @param earlier   what an earlier try of the access did at this cell ("try 1 faulted here"), or empty
 */
public record GridCell(int row, int column, CellKind kind, WalkStep reference, String badge, String title,
                       List<String> lines, String fault, String earlier) {
    public GridCell {
        lines = List.copyOf(lines);
    }

    /** The ordinal of the reference, or 0 for a cell that is not one. */
    public int ordinal() {
        return reference == null ? 0 : reference.reference();
    }

    /** The reference where the walk faulted, whatever the kind of fault. */
    public boolean faulted() {
        return !fault.isEmpty();
    }

    /**
     * The cell in one line, for a cell too small for its details: the reference's number and the
     * table it read ("7 · gPT", "21 · ePD"), "DATA", or why the cell is unused ("skipped").
     */
    public String compactText() {
        return switch (kind) {
            case REFERENCE -> reference.reference() + " · " + tableShortName();
            case DATA -> "DATA";
            case LARGE_PAGE, WALK_CACHE, NESTED_TLB, TLB, NOT_REACHED -> title;
        };
    }

    /**
     * The table a reference read in a few letters: g for the guest's tables, e for the EPT, s for a
     * shadow table, plain natively ("gPML4", "ePT", "sPD", "PT"); empty for a cell that is no reference.
     */
    public String tableShortName() {
        if (reference == null) {
            return "";
        }
        String name = Levels.name(reference.level());
        return switch (reference.dimension()) {
            case GUEST -> "g" + name;
            case HOST -> "e" + name;
            case SHADOW -> "s" + name;
            case NATIVE -> name;
        };
    }

    /** Whether an earlier try of the access faulted at this cell before the retry read it. */
    public boolean faultedBefore() {
        return !earlier.isEmpty();
    }
}
