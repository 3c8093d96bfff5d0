package org.memvirt.engine.guest;

import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.TableSpace;

/**
 * Physical memory as a guest kernel sees it: where its page tables live and where it allocates
 * pages. In a VM these are guest-physical addresses the hypervisor backs; on a native machine
 * they are host physical addresses.
 */
public interface GuestPhysical extends TableSpace {
    /** Allocates a zeroed, naturally aligned page of {@code size} for data, recorded as {@code owner}. */
    long allocateData(PageSize size, GuestPage owner);

    /**
     * The kernel's record of which guest-physical pages are free and what the others hold, or
     * null on a native machine (whose memory the lab does not reclaim).
     */
    default GuestMemoryMap pageMap() {
        return null;
    }

    /** Bytes of physical memory the kernel may use. */
    long ramBytes();
}
