package org.memvirt.engine.vmm;

/** The hypervisor's own access to guest-physical memory: through the P2M, never trapped. */
interface GuestMemoryAccess {
    long read(long gpa);

    void write(long gpa, long value);
}
