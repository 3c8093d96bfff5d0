package org.memvirt.engine.host;

/**
 * Where a hypervisor keeps its record of which host frame holds each guest-physical page.
 * A lesson names the style of its machine, since the two tell different stories about the
 * same EPT entry.
 */
public enum HypervisorStyle {
    /**
     * KVM: guest RAM is anonymous memory of the hypervisor's user process (QEMU). Memslots map
     * guest frames to the process's virtual addresses, the host kernel's page table maps those
     * to host frames, and the EPT is only a cache of the two: a zapped entry is rebuilt.
     */
    KVM,
    /**
     * VMware ESX: the VMM owns its guest-physical to host-physical map (the paper's "pmap") and
     * reclaims memory itself; the EPT here is that map.
     */
    ESX;

    /** The lesson-format name ("kvm", "esx"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
