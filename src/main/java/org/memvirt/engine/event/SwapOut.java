package org.memvirt.engine.event;

/**
 * A page was written to a swap device and its memory freed.
 *
 * @param vm      the VM
 * @param gpa     the guest-physical page (for a guest swap-out, the page the guest freed)
 * @param gva     for a guest swap-out, the virtual page it unmapped; -1 for the host
 * @param frame   for a host swap-out, the host frame freed; -1 for the guest
 * @param slot    the swap slot that now holds the contents
 * @param swapper host or guest
 */
public record SwapOut(int vm, long gpa, long gva, int frame, int slot, Swapper swapper) implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitSwapOut(this);
    }
}
