package org.memvirt.engine.event;

/**
 * A page was read back from a swap device.
 *
 * @param vm      the VM
 * @param gpa     the guest-physical page that now holds it
 * @param gva     for a guest swap-in, the virtual page mapped again; -1 for the host
 * @param frame   for a host swap-in, the host frame allocated; -1 for the guest
 * @param slot    the swap slot it came from
 * @param swapper host or guest
 */
public record SwapIn(int vm, long gpa, long gva, int frame, int slot, Swapper swapper) implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitSwapIn(this);
    }
}
