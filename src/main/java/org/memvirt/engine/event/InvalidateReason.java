package org.memvirt.engine.event;

/** Why the host kernel changed a page of the hypervisor process behind KVM's back. */
public enum InvalidateReason {
    /** The host kernel swapped the page out. */
    SWAP_OUT,
    /** KSM merged the page with an identical one (the process madvised it MERGEABLE). */
    KSM_MERGE,
    /** The page was given back (balloon: the hypervisor discarded it with MADV_DONTNEED). */
    DISCARD,
    /** The host kernel moved the page to another frame. */
    MIGRATE
}
