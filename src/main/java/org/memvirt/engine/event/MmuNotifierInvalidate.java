package org.memvirt.engine.event;

/**
 * An MMU notifier fired: before the host kernel changes a page of the hypervisor process
 * (swap-out, KSM merge, discard, migration), KVM zaps the EPT entries that map it
 * ({@code kvm_mmu_notifier_invalidate_range_start} → {@code kvm_unmap_gfn_range}). Nothing is
 * lost: the next guest access refaults and the entry is rebuilt from memslot and page table.
 *
 * @param vm     the VM
 * @param pid    the hypervisor process
 * @param hva    the host virtual page invalidated
 * @param gpa    the guest-physical page it backs
 * @param reason what the host kernel is about to do
 * @param zapped whether a present EPT entry was cleared
 */
public record MmuNotifierInvalidate(int vm, int pid, long hva, long gpa, InvalidateReason reason, boolean zapped)
        implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitMmuNotifierInvalidate(this);
    }
}
