package org.memvirt.viewmodel.lanes;

/**
 * Who runs on the processor: the guest's application, the guest's kernel, or the hypervisor. A
 * VM exit drops from a guest lane to the hypervisor's, a VM entry climbs back, a guest page fault
 * traps from the application into its kernel. Under KVM the host kernel has its own lane: KVM asks it
 * for the frame behind a guest page, and it warns KVM before it takes a page away.
 */
public enum Lane {
    GUEST_APP("Guest app", "App"),
    GUEST_KERNEL("Guest kernel", "Kernel"),
    HYPERVISOR("Hypervisor", "Hypervisor"),
    /** The host operating system under KVM: the hypervisor process's page table, its faults, MMU notifiers. */
    HOST_KERNEL("Host kernel", "Host kernel");

    private final String title;
    private final String nativeTitle;

    Lane(String title, String nativeTitle) {
        this.title = title;
        this.nativeTitle = nativeTitle;
    }

    /** The lane's name: with a hypervisor the app and kernel are a guest's; without, plain. */
    public String title(boolean nativeMode) {
        return nativeMode ? nativeTitle : title;
    }
}
