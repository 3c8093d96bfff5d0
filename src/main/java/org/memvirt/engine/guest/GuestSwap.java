package org.memvirt.engine.guest;

import java.util.HashMap;
import java.util.Map;

import org.memvirt.engine.memory.Page;

/**
 * The guest's own swap device. A swapped-out virtual page leaves a non-present PTE that holds
 * its slot number (as Linux keeps a swap entry in the PTE), marked with a software bit.
 */
public final class GuestSwap {
    /** A software-available PTE bit marking a swap entry in a non-present PTE. */
    public static final long SWAP_MARK = 1L << 10;
    private final Map<Integer, Page> slots = new HashMap<>();
    private int next;

    /** Stores contents and returns the slot. */
    int store(Page contents) {
        int slot = next++;
        slots.put(slot, contents);
        return slot;
    }

    /** Takes contents back out of a slot. */
    Page take(int slot) {
        Page p = slots.remove(slot);
        if (p == null) {
            throw new IllegalStateException("guest swap slot " + slot + " is empty");
        }
        return p;
    }

    /** Slots in use. */
    public int used() {
        return slots.size();
    }

    /** The non-present PTE that records a page in {@code slot}. */
    static long entryFor(int slot) {
        return ((long) slot << 12) | SWAP_MARK;
    }

    /** Whether a PTE is a swap entry. */
    public static boolean isSwapEntry(long pte) {
        return (pte & 1) == 0 && (pte & SWAP_MARK) != 0;
    }

    /** The slot a swap entry names. */
    static int slotOf(long pte) {
        return (int) (pte >>> 12);
    }
}
