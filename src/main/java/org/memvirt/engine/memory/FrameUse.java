package org.memvirt.engine.memory;

/** What a host frame holds, as the host memory view colours it. */
public enum FrameUse {
    /** Not allocated. */
    FREE,
    /** Guest data (or, on a native machine, process data). */
    DATA,
    /** A page of a guest's own page tables (GVA to GPA). */
    GUEST_TABLE,
    /** A page of a VM's EPT (GPA to HPA), owned by the hypervisor. */
    EPT_TABLE,
    /** A page of a shadow table (GVA to HPA) built by the hypervisor. */
    SHADOW_TABLE,
    /** A read-only frame shared by several guest pages through content-based sharing. */
    SHARED,
    /** A page of the host kernel's page table for a VM's hypervisor process (HVA to HPA). */
    HOST_TABLE,
    /** Taken by the host for its own use (memory pressure from outside the VMs). */
    HOST
}
