package org.memvirt.engine.guest;

import org.memvirt.engine.memory.Page;

/**
 * What the guest kernel asks of the (virtual) CPU when it manages memory: touching whole pages
 * and invalidating TLB entries. Every one of these can exit to the hypervisor (a host-swapped
 * page is read back first: double paging), which the machine reports as events.
 */
public interface GuestCpu {
    /** Reads a guest-physical page's contents. */
    Page readPage(long gpa);

    /** Overwrites a guest-physical page's contents. */
    void writePage(long gpa, Page contents);

    /** INVLPG for the current address space. */
    void invalidatePage(long gva);
}
