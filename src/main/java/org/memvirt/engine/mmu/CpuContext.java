package org.memvirt.engine.mmu;

/**
 * What the MMU knows of the running context: the VMCS fields and control registers a walk uses.
 *
 * @param vm          the VM (0 on a native machine)
 * @param vpid        the VPID tagging this VM's TLB entries
 * @param pcid        the PCID tagging this address space's TLB entries
 * @param root        the walk's root: the guest CR3 (a GPA) under nested paging, the shadow
 *                    root (an HPA) under shadow paging, the CR3 (a PA) natively
 * @param levels      levels of the walked table (4 or 5)
 * @param mode        native, nested or shadow
 * @param eptRoot     host physical address of the EPT PML4/PML5 (nested only)
 * @param hostLevels  EPT levels (4 or 5)
 * @param eptAccessDirty whether the EPTP enables EPT accessed and dirty flags
 */
public record CpuContext(int vm, int vpid, int pcid, long root, int levels, PagingMode mode, long eptRoot,
                         int hostLevels, boolean eptAccessDirty) {

    /** The tag of this context's TLB entries. */
    public long tlbTag() {
        return ((long) vpid << 16) | pcid;
    }
}
