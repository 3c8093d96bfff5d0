package org.memvirt.engine.host;

/**
 * What KVM registers with the host kernel for each VM's process: called before the kernel
 * changes a page of the process, so that KVM zaps the EPT entries derived from it.
 */
@FunctionalInterface
public interface MmuNotifier {
    /**
     * The page backing {@code gpa} of {@code vm} is about to change.
     *
     * @return whether a present EPT entry was zapped
     */
    boolean invalidate(int vm, long gpa);
}
