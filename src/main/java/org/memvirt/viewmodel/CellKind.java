package org.memvirt.viewmodel;

/** What one cell of the walk grid stands for. */
public enum CellKind {
    /** A memory reference of this walk: one table entry read. */
    REFERENCE("reference"),
    /** The access itself, once the walk has found the data page (not a walk reference). */
    DATA("data"),
    /** Not needed: a large page ended the walk (guest or host) above this level. */
    LARGE_PAGE("skipped: large page"),
    /** Not needed: the page-walk cache supplied this guest entry. */
    WALK_CACHE("cached: walk cache"),
    /** Not needed: the nested TLB already knew this guest-physical address. */
    NESTED_TLB("cached: nested TLB"),
    /** Not needed: the TLB held the whole translation. */
    TLB("cached: TLB hit"),
    /** The walk stopped (a fault) before it got here. */
    NOT_REACHED("not reached");

    private final String label;

    CellKind(String label) {
        this.label = label;
    }

    /** A short label a cell shows, so that its look never relies on colour alone. */
    public String label() {
        return label;
    }

    /** Whether a cache made the cell unnecessary. */
    public boolean cached() {
        return this == WALK_CACHE || this == NESTED_TLB || this == TLB;
    }
}
