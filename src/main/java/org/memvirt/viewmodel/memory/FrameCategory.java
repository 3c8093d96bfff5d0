package org.memvirt.viewmodel.memory;

import org.memvirt.engine.memory.FrameUse;

/**
 * What a host frame is, as the frame map colours it. Data and guest page tables also carry their
 * owning VM, so "VM 2 data" and "VM 3 data" are told apart by shade, legend and hover.
 */
public enum FrameCategory {
    /** Not allocated: the host can hand it out. */
    FREE("Free"),
    /** A VM's private data page. */
    DATA("data"),
    /** A page of a guest's own page tables (gVA → gPA). */
    GUEST_TABLE("Guest page tables"),
    /** A page of a VM's EPT (gPA → hPA), built by the hypervisor. */
    EPT_TABLE("EPT tables"),
    /** A page of a shadow table (gVA → hPA). */
    SHADOW_TABLE("Shadow tables"),
    /** A read-only frame several guest pages map after content-based sharing. */
    SHARED("Shared (copy-on-write)"),
    /** A page of the host kernel's page table for a VM's hypervisor process (hVA → hPA). */
    HOST_TABLE("Host page tables (QEMU)"),
    /** Taken by the host itself (memory pressure from outside the VMs). */
    HOST("Host's own use");

    private final String label;

    FrameCategory(String label) {
        this.label = label;
    }

    /** The words the legend and the info line use. */
    public String label() {
        return label;
    }

    /** The category of a frame in use {@code use}. */
    public static FrameCategory of(FrameUse use) {
        return switch (use) {
            case FREE -> FREE;
            case DATA -> DATA;
            case GUEST_TABLE -> GUEST_TABLE;
            case EPT_TABLE -> EPT_TABLE;
            case SHADOW_TABLE -> SHADOW_TABLE;
            case SHARED -> SHARED;
            case HOST_TABLE -> HOST_TABLE;
            case HOST -> HOST;
        };
    }
}
