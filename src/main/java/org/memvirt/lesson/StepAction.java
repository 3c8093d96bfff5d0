package org.memvirt.lesson;

import org.memvirt.engine.Action;

/**
 * What a step asks of the machine. Most steps are an engine {@link Action} as written; an edit
 * of a table entry that sets or clears bits is completed when the step runs, from the entry's
 * value at that moment, so an author never needs to know a frame address.
 */
public sealed interface StepAction {
    /** The VM the action concerns. */
    int vm();

    /** The virtual address the action names, or null. */
    Long gva();

    /**
     * An engine action, fully known when the lesson is read.
     *
     * @param action the action
     * @param vm     the VM it concerns
     * @param gva    the virtual address it names, or null
     */
    record Perform(Action action, int vm, Long gva) implements StepAction {
    }

    /**
     * The guest kernel rewrites one entry of a process's page table.
     *
     * @param vm      the VM
     * @param pid     the process
     * @param address a virtual address the entry translates
     * @param level  the table level (1 = PT)
     * @param change the new value, or the bits to set and clear
     */
    record EditGuestEntry(int vm, int pid, long address, int level, EntryChange change) implements StepAction {
        @Override
        public Long gva() {
            return address;
        }
    }

    /**
     * The hypervisor rewrites one EPT entry (then invalidates the EPT's cached translations).
     *
     * @param vm     the VM
     * @param target the guest-physical address, given directly or through a guest mapping
     * @param level  the EPT level (1 = EPT PT)
     * @param change the new value, or the bits to set and clear
     */
    record EditEptEntry(int vm, GpaTarget target, int level, EntryChange change) implements StepAction {
        @Override
        public Long gva() {
            return target.viaMapping() ? target.gva() : null;
        }
    }

    /**
     * Which guest-physical address an EPT edit concerns.
     *
     * @param gpa the address when given directly, else -1
     * @param pid with {@code gva}: the process whose mapping of {@code gva} names the page
     * @param gva the virtual address when the page is named through a mapping
     */
    record GpaTarget(long gpa, int pid, long gva) {
        /** True when the address is named through a guest mapping. */
        public boolean viaMapping() {
            return gpa < 0;
        }
    }

    /**
     * A new entry value: either a whole raw value, or bits to set and clear in the current one.
     *
     * @param replace true for a whole value
     * @param value   the whole value (when {@code replace})
     * @param set     bits to set
     * @param clear   bits to clear
     */
    record EntryChange(boolean replace, long value, long set, long clear) {
        /** The entry after the change. */
        public long apply(long old) {
            return replace ? value : (old | set) & ~clear;
        }
    }
}
