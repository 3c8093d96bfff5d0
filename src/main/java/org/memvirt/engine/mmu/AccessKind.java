package org.memvirt.engine.mmu;

/** What the CPU does with the bytes at an address. */
public enum AccessKind {
    /** A load. */
    READ,
    /** A store. */
    WRITE,
    /** An instruction fetch. */
    FETCH
}
