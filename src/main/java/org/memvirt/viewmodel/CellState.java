package org.memvirt.viewmodel;

/** Where a cell stands at the current position of the walk. */
public enum CellState {
    /** A reference still to come. */
    PENDING,
    /** The reference just made: the entry the side panel decodes. */
    CURRENT,
    /** A reference already made (or, for the data cell, the access completed). */
    DONE,
    /** A cell the walk does not use at all: skipped, cached or not reached. */
    UNUSED
}
