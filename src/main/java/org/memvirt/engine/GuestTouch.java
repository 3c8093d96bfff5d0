package org.memvirt.engine;

/**
 * How the guest kernel's own loads and stores reach guest-physical memory: a page that is not
 * backed, swapped out by the host, or shared copy-on-write must go through the hypervisor first.
 */
interface GuestTouch {
    /** The host address where the kernel may store to {@code gpa}: backed, private, resident. */
    long forWrite(long gpa);

    /** The word at {@code gpa} without disturbing anything (zero, or the swapped-out contents). */
    long peek(long gpa);
}
