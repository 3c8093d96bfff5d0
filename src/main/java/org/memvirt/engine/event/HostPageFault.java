package org.memvirt.engine.event;

/**
 * A page fault of the hypervisor process, served by the host kernel: the HVA behind a guest
 * page had no frame in the process's page table, so the kernel gave it one (zeroed, or read
 * back from swap) and wrote the page-table entry.
 *
 * @param vm    the VM whose RAM the process holds
 * @param pid   the hypervisor process
 * @param hva   the faulting host virtual address (page base)
 * @param gpa   the guest-physical page it backs
 * @param kind  zero fill or swap-in
 * @param frame the host frame now mapped
 */
public record HostPageFault(int vm, int pid, long hva, long gpa, HostFaultKind kind, int frame) implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitHostPageFault(this);
    }
}
