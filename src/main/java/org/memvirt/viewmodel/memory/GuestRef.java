package org.memvirt.viewmodel.memory;

/**
 * One guest-physical page: a VM and a guest page frame number.
 *
 * @param vm  the VM
 * @param gfn the guest page frame number (guest-physical address ÷ 4096)
 */
public record GuestRef(int vm, int gfn) {
    /** Its guest-physical address. */
    public long gpa() {
        return (long) gfn << 12;
    }
}
