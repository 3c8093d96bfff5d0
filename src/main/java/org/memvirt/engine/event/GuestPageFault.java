package org.memvirt.engine.event;

/**
 * A page fault on a guest access.
 *
 * @param vm         the VM
 * @param gva        the faulting linear address (what CR2 holds)
 * @param errorCode  the #PF error code: P 0, W/R 1, U/S 2, RSVD 3, I/D 4
 * @param visibility delivered to the guest kernel, or hidden by the hypervisor
 * @param reason     the cause in words
 */
public record GuestPageFault(int vm, long gva, int errorCode, FaultVisibility visibility, String reason)
        implements Event {
    public static final int P = 1;
    public static final int WR = 1 << 1;
    public static final int US = 1 << 2;
    public static final int RSVD = 1 << 3;
    public static final int ID = 1 << 4;

    /** CR2 after the fault: the faulting linear address. */
    public long cr2() {
        return gva;
    }

    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitGuestPageFault(this);
    }
}
