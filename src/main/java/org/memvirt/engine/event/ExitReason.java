package org.memvirt.engine.event;

/** VM exit reasons with their VMX basic exit-reason numbers, named as Linux spells them. */
public enum ExitReason {
    /** Exception or NMI (a page fault under shadow paging). */
    EXCEPTION_NMI(0),
    /** The guest executed INVLPG (exits only when the VMM asks, as shadow paging does). */
    INVLPG(14),
    /** A control-register access, such as a CR3 write under shadow paging. */
    CR_ACCESS(28),
    /** The EPT walk found no permission for the access. */
    EPT_VIOLATION(48),
    /** The EPT walk found an entry that is malformed (KVM uses this for MMIO). */
    EPT_MISCONFIG(49);

    private final int code;

    ExitReason(int code) {
        this.code = code;
    }

    /** The number in the VMCS exit-reason field. */
    public int code() {
        return code;
    }
}
