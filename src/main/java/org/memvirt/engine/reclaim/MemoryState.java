package org.memvirt.engine.reclaim;

/**
 * ESX's free-memory states (Waldspurger, OSDI 2002, section 6.2): thresholds of 6, 4, 2 and 1 %
 * of host memory. A state holds while free memory is at or above its threshold and below the
 * one above: high reclaims nothing, soft balloons (swapping only where ballooning cannot help),
 * hard swaps, low swaps and blocks the VMs above their target.
 */
public enum MemoryState {
    HIGH(6),
    SOFT(4),
    HARD(2),
    LOW(1);

    private final int percent;

    MemoryState(int percent) {
        this.percent = percent;
    }

    /** The threshold, in percent of host memory. */
    public int percent() {
        return percent;
    }

    /** The state for {@code free} of {@code total} frames. */
    public static MemoryState of(long free, long total) {
        for (MemoryState s : values()) {
            if (free * 100 >= (long) s.percent * total) {
                return s;
            }
        }
        return LOW;
    }

    /** Free frames needed to be back in the high state. */
    public static long framesToHigh(long free, long total) {
        long wanted = (HIGH.percent * total + 99) / 100;
        return Math.max(0, wanted - free);
    }
}
