package org.memvirt.engine.mmu;

/** The privilege of the code making an access (CPL 3 or CPL 0). */
public enum Privilege {
    /** User mode: needs U/S set at every level. */
    USER,
    /** Kernel mode. */
    SUPERVISOR
}
