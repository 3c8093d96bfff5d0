package org.memvirt.engine.event;

/**
 * The CPU left the guest for the hypervisor.
 *
 * @param vm            the VM
 * @param reason        the exit reason
 * @param qualification the exit qualification (for EPT violations: bits 0-2 access, 3-5 allowed
 *                      R/W/X, 7 linear address valid, 8 final page vs guest table)
 * @param gpa           the guest-physical address involved, or -1
 * @param gva           the guest linear address involved, or -1
 * @param detail        the cause in words
 */
public record VmExit(int vm, ExitReason reason, long qualification, long gpa, long gva, String detail)
        implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitVmExit(this);
    }
}
