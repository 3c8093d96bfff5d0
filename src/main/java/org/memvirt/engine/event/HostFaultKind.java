package org.memvirt.engine.event;

/** How the host kernel served a page fault in the hypervisor process. */
public enum HostFaultKind {
    /** The page was never touched: a fresh zeroed frame (anonymous memory). */
    ZERO_FILL,
    /** The host kernel had swapped the page out: it reads it back from its swap device. */
    SWAP_IN
}
