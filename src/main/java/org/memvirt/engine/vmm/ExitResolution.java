package org.memvirt.engine.vmm;

/**
 * What the hypervisor did with a VM exit, and what the guest does next.
 *
 * @param next   how the interrupted access continues
 * @param action what the hypervisor did, in words
 */
public record ExitResolution(Next next, String action) {

    /** How the guest's access continues after the VM entry. */
    public enum Next {
        /** The hypervisor fixed the cause; the guest re-executes the access. */
        RETRY,
        /** The hypervisor performed the access itself (MMIO emulation); the guest moves on. */
        EMULATED,
        /** The hypervisor could not satisfy the access; it does not complete. */
        FAILED
    }
}
