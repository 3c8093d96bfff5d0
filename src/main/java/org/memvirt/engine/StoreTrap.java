package org.memvirt.engine;

/** Intercepts a guest kernel store to guest-physical memory (shadow paging's write protection). */
@FunctionalInterface
interface StoreTrap {
    /** No store traps. */
    StoreTrap NONE = (gpa, value) -> false;

    /** Handles the store if it traps and returns true; false lets it go to memory. */
    boolean trap(long gpa, long value);
}
