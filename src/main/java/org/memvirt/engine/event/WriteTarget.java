package org.memvirt.engine.event;

/** What a guest store wrote to. */
public enum WriteTarget {
    /** Ordinary data. */
    DATA,
    /** An entry of one of the guest's page tables. */
    PAGE_TABLE
}
