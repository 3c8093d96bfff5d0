package org.memvirt.engine.guest;

/** What a guest-physical page is used for, as the guest kernel's page array records it. */
public enum GuestPageUse {
    /** One of the guest's page tables. */
    TABLE,
    /** A process's data page. */
    DATA,
    /** Pinned by the balloon driver and given to the host. */
    BALLOON
}
