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
}
