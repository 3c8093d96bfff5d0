package org.memvirt.engine.host;

import java.util.List;

/**
 * A hypervisor process at one step, for the views: its memslots and where its page table is
 * (the table's entries live in host memory, so the step's memory image holds them).
 *
 * @param pid           the host process id
 * @param vm            the VM whose RAM it holds
 * @param name          what {@code ps} shows
 * @param memslots      guest-physical ranges and the user addresses backing them
 * @param pageTableRoot host physical address of its top-level page table
 */
public record HostProcessImage(int pid, int vm, String name, List<Memslot> memslots, long pageTableRoot) {
    public HostProcessImage {
        memslots = List.copyOf(memslots);
    }

    /** The memslot covering {@code gpa}, or null. */
    public Memslot memslot(long gpa) {
        for (Memslot s : memslots) {
            if (s.contains(gpa)) {
                return s;
            }
        }
        return null;
    }
}
