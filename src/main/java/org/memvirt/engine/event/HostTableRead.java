package org.memvirt.engine.event;

/**
 * The host kernel read one entry of the hypervisor process's page table (HVA → HPA) in
 * software, as get_user_pages does. Not a hardware walk: it adds to {@code hostPtRefs}, never
 * to {@code walkRefs}.
 *
 * @param vm           the VM whose RAM the process holds
 * @param pid          the hypervisor process
 * @param hva          the host virtual address being translated
 * @param level        the table level (4 = PML4 … 1 = PT)
 * @param tableAddress host physical address of the table
 * @param index        the entry's index in the table
 * @param entryAddress host physical address of the entry
 * @param entry        the entry's value (x86-64 format)
 * @param present      whether the entry's P bit is set
 */
public record HostTableRead(int vm, int pid, long hva, int level, long tableAddress, int index, long entryAddress,
                            long entry, boolean present) implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitHostTableRead(this);
    }
}
