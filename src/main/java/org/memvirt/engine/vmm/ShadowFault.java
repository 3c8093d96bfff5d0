package org.memvirt.engine.vmm;

/**
 * What the hypervisor made of a page fault on the shadow table.
 *
 * @param outcome   what happens next
 * @param errorCode for an injected fault, the error code the guest sees
 * @param gpa       for an emulated store, the guest-physical address written
 * @param detail    the cause or the fix, in words
 */
public record ShadowFault(Outcome outcome, int errorCode, long gpa, String detail) {

    /** How a shadow page fault ends. */
    public enum Outcome {
        /** The guest mapping allows the access: the shadow entry was filled (a hidden fault); retry. */
        FILLED,
        /** The guest mapping does not allow it: the fault is injected into the guest. */
        INJECTED,
        /** A store to a write-protected guest table: the hypervisor emulates it. */
        EMULATE_STORE
    }
}
