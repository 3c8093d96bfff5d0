package org.memvirt.viewmodel.tables;

/** Why an entry row is highlighted; each mark has words as well as a look. */
public enum EntryMark {
    /** On the translation path of the address the view follows: the entry in use. */
    PATH("in use"),
    /** The hardware walk read it in this step. */
    READ("read"),
    /** The walk read it and found it not present: the walk stopped with a fault. */
    FAULT("not present: fault"),
    /** The hypervisor filled it in this step (a shadow entry, or an EPT leaf). */
    FILLED("filled"),
    /** The hypervisor rewrote it after a trapped guest store to the entry it mirrors. */
    UPDATED("updated"),
    /** The hypervisor cleared it; it is refilled on demand. */
    ZAPPED("zapped"),
    /** The guest kernel stored a new value to it in this step. */
    WRITTEN("written by guest"),
    /** A shadow entry filled or updated in this step was made from it. */
    SOURCE("source");

    private final String label;

    EntryMark(String label) {
        this.label = label;
    }

    /** The words on the mark's badge. */
    public String label() {
        return label;
    }

    /** Marks that say the entry changed in this step (the view pulses them). */
    public boolean isChange() {
        return this == FILLED || this == UPDATED || this == ZAPPED || this == WRITTEN;
    }
}
