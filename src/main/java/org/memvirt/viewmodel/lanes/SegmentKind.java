package org.memvirt.viewmodel.lanes;

/** The sorts of work a lane shows, each with its own icon and colour in the view. */
public enum SegmentKind {
    /** The MMU looks up the TLB and walks the tables while the guest runs. */
    HARDWARE_WALK,
    /** A load or store reaches its data. */
    ACCESS,
    /** The guest kernel's page-fault handler runs. */
    GUEST_FAULT,
    /** The guest kernel changes its own page tables or pages. */
    KERNEL_WORK,
    /** A VM exit: the processor leaves the guest for the hypervisor. */
    VM_EXIT,
    /** The hypervisor's own work: EPT fills, shadow syncs, copy-on-write, swapping, sharing. */
    HYPERVISOR_WORK,
    /** The host kernel's work for the hypervisor process: page-table walk, page fault, MMU notifier. */
    HOST_KERNEL_WORK,
    /** A VM entry: the hypervisor resumes the guest. */
    VM_ENTRY
}
