package org.memvirt.engine.guest;

/**
 * One address space of a guest: its own page table, named by what CR3 holds.
 *
 * @param pid  process number, from 1
 * @param pcid the PCID its TLB entries carry (0 when PCIDs are off)
 * @param root physical address of its top-level table (what CR3 holds)
 */
public record GuestProcess(int pid, int pcid, long root) {
}
