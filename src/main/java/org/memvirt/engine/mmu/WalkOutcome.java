package org.memvirt.engine.mmu;

/** How one attempt to translate an access ended. */
public sealed interface WalkOutcome {

    /**
     * The access may proceed.
     *
     * @param gpa        guest-physical address (the PA natively)
     * @param hpa        host physical address
     * @param tlbShift   log2 of the translation's size as the TLB holds it
     * @param attributes effective rights, as {@link Rights} bits
     * @param references walk references of this attempt
     */
    record Done(long gpa, long hpa, int tlbShift, long attributes, int references) implements WalkOutcome {
    }

    /**
     * A page fault in the walked (guest, native or shadow) table.
     *
     * @param errorCode  the #PF error code
     * @param reason     the cause in words
     * @param references walk references made before the fault
     */
    record PageFault(int errorCode, String reason, int references) implements WalkOutcome {
    }

    /**
     * The EPT does not permit the access: exit reason 48.
     *
     * @param gpa           the guest-physical address
     * @param qualification the exit qualification
     * @param detail        the cause in words
     * @param references    walk references made before the exit
     */
    record EptViolation(long gpa, long qualification, String detail, int references) implements WalkOutcome {
    }

    /**
     * An EPT entry is malformed: exit reason 49.
     *
     * @param gpa        the guest-physical address
     * @param detail     what is wrong with the entry
     * @param references walk references made before the exit
     */
    record EptMisconfig(long gpa, String detail, int references) implements WalkOutcome {
    }
}
