package org.memvirt.viewmodel.memory;

import org.memvirt.engine.reclaim.MemoryState;

/**
 * The host's free memory against ESX's thresholds (high 6 %, soft 4 %, hard 2 %, low 1 %).
 *
 * @param state the state the engine reports
 * @param free  free host frames
 * @param total host frames
 */
public record FreeMemoryState(MemoryState state, long free, long total) {

    /** Free memory in percent of the host. */
    public double percent() {
        return total == 0 ? 0 : 100.0 * free / total;
    }

    /** The free frames at which a state begins. */
    public long thresholdFrames(MemoryState s) {
        return (s.percent() * total + 99) / 100;
    }

    /** What the hypervisor does in the current state. */
    public String action() {
        return switch (state) {
            case HIGH -> "no reclamation needed";
            case SOFT -> "reclaim by ballooning";
            case HARD -> "reclaim by host swapping";
            case LOW -> "swap, and block VMs above their target";
        };
    }

    /** "Free 812 of 4,096 frames (19.8 %): HIGH, no reclamation needed". */
    public String text() {
        return "Free " + Numbers.count(free) + " of " + Numbers.of(total, "frame", "frames") + " ("
                + Numbers.percent(percent()) + "): " + state + ", " + action();
    }
}
