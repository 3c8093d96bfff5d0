package org.memvirt.engine;

import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.PageSize;

/** One thing a lesson or workload asks the machine to do: one step. */
public sealed interface Action {

    /** Double dispatch, checked by the compiler. */
    <R> R accept(ActionVisitor<R> visitor);

    /**
     * The running code touches memory.
     *
     * @param vm        the VM (0 on a native machine)
     * @param gva       the virtual address
     * @param kind      read, write or fetch
     * @param privilege user or kernel mode
     * @param value     the 64-bit value a write stores (ignored otherwise)
     */
    record Access(int vm, long gva, AccessKind kind, Privilege privilege, long value) implements Action {
        @Override
        public <R> R accept(ActionVisitor<R> visitor) {
            return visitor.visitAccess(this);
        }
    }

    /**
     * The guest kernel overwrites one entry of a process's page table (and does not INVLPG).
     *
     * @param vm    the VM
     * @param pid   the process
     * @param gva   an address the entry translates
     * @param level which level's entry on the path of {@code gva} (1 = PT)
     * @param value the new raw entry
     */
    record WriteGuestEntry(int vm, int pid, long gva, int level, long value) implements Action {
        @Override
        public <R> R accept(ActionVisitor<R> visitor) {
            return visitor.visitWriteGuestEntry(this);
        }
    }

    /**
     * The guest kernel maps a newly allocated page at {@code gva}.
     *
     * @param vm    the VM
     * @param pid   the process
     * @param gva   the virtual address
     * @param size  page size
     * @param flags x86-64 entry flag bits of the leaf
     */
    record MapPage(int vm, int pid, long gva, PageSize size, long flags) implements Action {
        @Override
        public <R> R accept(ActionVisitor<R> visitor) {
            return visitor.visitMapPage(this);
        }
    }

    /**
     * The guest kernel writes CR3 to run another process.
     *
     * @param vm  the VM
     * @param pid the process to run
     */
    record SwitchProcess(int vm, int pid) implements Action {
        @Override
        public <R> R accept(ActionVisitor<R> visitor) {
            return visitor.visitSwitchProcess(this);
        }
    }

    /**
     * The guest kernel invalidates the TLB entry of one page.
     *
     * @param vm  the VM
     * @param gva the page's address
     */
    record Invlpg(int vm, long gva) implements Action {
        @Override
        public <R> R accept(ActionVisitor<R> visitor) {
            return visitor.visitInvlpg(this);
        }
    }

    /**
     * The whole TLB of a VM is flushed.
     *
     * @param vm the VM
     */
    record FlushTlb(int vm) implements Action {
        @Override
        public <R> R accept(ActionVisitor<R> visitor) {
            return visitor.visitFlushTlb(this);
        }
    }

    /**
     * The hypervisor overwrites one EPT entry (then INVEPT): to write-protect, unmap, or mark
     * MMIO with a deliberately misconfigured entry.
     *
     * @param vm    the VM
     * @param gpa   a guest-physical address the entry translates
     * @param level which level's entry on the path of {@code gpa}
     * @param value the new raw EPT entry
     */
    record WriteEptEntry(int vm, long gpa, int level, long value) implements Action {
        @Override
        public <R> R accept(ActionVisitor<R> visitor) {
            return visitor.visitWriteEptEntry(this);
        }
    }

    /**
     * The running process touches {@code pages} consecutive pages from {@code gva}, one access each.
     *
     * @param vm    the VM
     * @param gva   the first page
     * @param pages how many pages
     * @param kind  read or write (a write stores the page's index)
     */
    record TouchPages(int vm, long gva, int pages, AccessKind kind) implements Action {
        @Override
        public <R> R accept(ActionVisitor<R> visitor) {
            return visitor.visitTouchPages(this);
        }
    }

    /**
     * The host sets a VM's balloon target ({@code num_pages}); the driver inflates or deflates.
     *
     * @param vm    the VM
     * @param pages the target in 4 KiB pages
     */
    record SetBalloonTarget(int vm, long pages) implements Action {
        @Override
        public <R> R accept(ActionVisitor<R> visitor) {
            return visitor.visitSetBalloonTarget(this);
        }
    }

    /**
     * The host swaps out pages of a VM behind its back, chosen by the host's swap policy.
     *
     * @param vm    the VM
     * @param pages how many
     */
    record HostSwapOut(int vm, int pages) implements Action {
        @Override
        public <R> R accept(ActionVisitor<R> visitor) {
            return visitor.visitHostSwapOut(this);
        }
    }

    /**
     * The guest kernel swaps out pages by its own replacement policy.
     *
     * @param vm    the VM
     * @param pages how many
     */
    record GuestSwapOut(int vm, int pages) implements Action {
        @Override
        public <R> R accept(ActionVisitor<R> visitor) {
            return visitor.visitGuestSwapOut(this);
        }
    }

    /**
     * The host's page-sharing scanner runs for a while at its rate limits.
     *
     * @param seconds simulated seconds of scanning
     */
    record ScanForSharing(double seconds) implements Action {
        @Override
        public <R> R accept(ActionVisitor<R> visitor) {
            return visitor.visitScanForSharing(this);
        }
    }

    /** ESX ends an activity-sampling period and starts the next (idle memory tax). */
    record SampleActivity() implements Action {
        @Override
        public <R> R accept(ActionVisitor<R> visitor) {
            return visitor.visitSampleActivity(this);
        }
    }

    /**
     * Memory pressure: the host takes frames for itself, then reclaims from the VMs as ESX does.
     *
     * @param frames frames the host takes
     */
    record HostPressure(int frames) implements Action {
        @Override
        public <R> R accept(ActionVisitor<R> visitor) {
            return visitor.visitHostPressure(this);
        }
    }

    /**
     * The host gives back frames it took under {@link HostPressure}.
     *
     * @param frames how many
     */
    record HostRelease(int frames) implements Action {
        @Override
        public <R> R accept(ActionVisitor<R> visitor) {
            return visitor.visitHostRelease(this);
        }
    }
}
