package org.memvirt.engine.event;

/** Whether a page fault reached the guest kernel or was handled by the hypervisor unseen. */
public enum FaultVisibility {
    /** The guest's #PF handler runs (delivered by hardware under EPT, injected under shadow). */
    DELIVERED,
    /** Only the hypervisor saw it (a shadow-table fill, a host demand-paging fault). */
    HIDDEN
}
