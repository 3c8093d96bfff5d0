package org.memvirt.viewmodel;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One cell of the walk grid: its fixed content and where it stands as the walk is stepped. */
public final class WalkCellViewModel {
    private final GridCell cell;
    private final ReadOnlyObjectWrapper<CellState> state = new ReadOnlyObjectWrapper<>(this, "state");

    WalkCellViewModel(GridCell cell, int position, int referenceCount) {
        this.cell = cell;
        update(position, referenceCount);
    }

    /** What the cell shows. */
    public GridCell cell() {
        return cell;
    }

    public ReadOnlyObjectProperty<CellState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public CellState getState() {
        return state.get();
    }

    /** Moves the cell to position {@code position} of a walk of {@code referenceCount} references. */
    void update(int position, int referenceCount) {
        state.set(stateAt(cell, position, referenceCount));
    }

    /** The state of {@code cell} after {@code position} of {@code referenceCount} references. */
    static CellState stateAt(GridCell cell, int position, int referenceCount) {
        return switch (cell.kind()) {
            case REFERENCE -> cell.ordinal() < position ? CellState.DONE
                    : cell.ordinal() == position ? CellState.CURRENT : CellState.PENDING;
            case DATA -> position == referenceCount ? CellState.DONE : CellState.PENDING;
            case LARGE_PAGE, WALK_CACHE, NESTED_TLB, TLB, NOT_REACHED -> CellState.UNUSED;
        };
    }
}
