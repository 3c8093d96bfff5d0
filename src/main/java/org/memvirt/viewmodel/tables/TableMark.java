package org.memvirt.viewmodel.tables;

/** Marks on a whole table (its heading row). */
public enum TableMark {
    /** The guest page holding this table is write-protected: a shadow table mirrors it. */
    WRITE_PROTECTED("write-protected"),
    /** It became write-protected in this step. */
    PROTECTED_NOW("protected now"),
    /** It stopped being write-protected in this step. */
    UNPROTECTED_NOW("unprotected now"),
    /** The hypervisor loaded this shadow root in this step (the guest wrote CR3). */
    ROOT_SWITCHED("root loaded"),
    /** The hypervisor discarded this shadow root in this step. */
    ROOT_DROPPED("root dropped");

    private final String label;

    TableMark(String label) {
        this.label = label;
    }

    /** The words on the mark's badge. */
    public String label() {
        return label;
    }
}
