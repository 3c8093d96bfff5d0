package org.memvirt.engine.event;

/** Who moved a page to or from a swap device. */
public enum Swapper {
    /** The hypervisor, behind the guest's back (uncooperative swapping). */
    HOST,
    /** The guest kernel, by its own page replacement. */
    GUEST
}
