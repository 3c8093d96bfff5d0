package org.memvirt.engine.event;

/**
 * The hypervisor changed a shadow table.
 *
 * @param vm                 the VM
 * @param kind               what it did
 * @param gva                the guest virtual address concerned, or -1
 * @param level              the shadow table level (1 = PT), or 0 for a whole page or root
 * @param shadowEntryAddress host address of the shadow entry (or of the shadow page / root)
 * @param shadowEntry        the shadow entry's new value (0 after a zap)
 * @param guestEntryAddress  guest-physical address of the guest entry it mirrors (or of the guest
 *                           table page), or -1
 * @param guestEntry         the guest entry it was made from, or 0
 * @param detail             why, in words
 */
public record ShadowSync(int vm, SyncKind kind, long gva, int level, long shadowEntryAddress, long shadowEntry,
                         long guestEntryAddress, long guestEntry, String detail) implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitShadowSync(this);
    }
}
