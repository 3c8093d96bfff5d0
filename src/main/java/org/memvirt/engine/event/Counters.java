package org.memvirt.engine.event;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The running totals the command line and the counters panel report, under the names of
 * DESIGN.md. The engine updates them in place whether or not events are recorded; a snapshot
 * copies them.
 */
public final class Counters {
    long accesses;
    long guestRefs;
    long hostRefs;
    long shadowRefs;
    long nativeRefs;
    long tlbHits;
    long tlbMisses;
    long guestFaults;
    long hiddenFaults;
    long swapOuts;
    long swapIns;
    long cowBreaks;
    long hostPtRefs;
    long hostPageFaults;
    private final long[] exits = new long[ExitReason.values().length];

    public void access() {
        accesses++;
    }

    /** One walk reference in the given dimension. */
    public void reference(Dimension d) {
        if (d == Dimension.HOST) {
            hostRefs++;
        } else if (d == Dimension.GUEST) {
            guestRefs++;
        } else if (d == Dimension.SHADOW) {
            shadowRefs++;
        } else {
            nativeRefs++;
        }
    }

    public void tlbHit() {
        tlbHits++;
    }

    public void tlbMiss() {
        tlbMisses++;
    }

    /** A page fault the guest kernel saw. */
    public void guestFault() {
        guestFaults++;
    }

    /** A fault only the hypervisor saw. */
    public void hiddenFault() {
        hiddenFaults++;
    }

    public void vmExit(ExitReason reason) {
        exits[reason.ordinal()]++;
    }

    public void swapOut() {
        swapOuts++;
    }

    public void swapIn() {
        swapIns++;
    }

    public void cowBreak() {
        cowBreaks++;
    }

    /** One entry of the hypervisor process's page table read by the host kernel in software. */
    public void hostPtRef() {
        hostPtRefs++;
    }

    /** A page fault of the hypervisor process served by the host kernel. */
    public void hostPageFault() {
        hostPageFaults++;
    }

    /** Walk references of every dimension. */
    public long walkRefs() {
        return guestRefs + hostRefs + shadowRefs + nativeRefs;
    }

    public long accesses() {
        return accesses;
    }

    /** VM exits of one reason so far. */
    public long exits(ExitReason reason) {
        return exits[reason.ordinal()];
    }

    /**
     * An immutable copy, completed with the memory figures that live in the machine.
     *
     * @param memory memory-side figures: frames used and free, balloon pages, shared frames,
     *               frames saved
     */
    public CounterSnapshot snapshot(MemoryFigures memory) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (ExitReason r : ExitReason.values()) {
            if (exits[r.ordinal()] != 0) {
                byReason.put(r.name(), exits[r.ordinal()]);
            }
        }
        return new CounterSnapshot(accesses, walkRefs(), guestRefs, hostRefs, shadowRefs, nativeRefs, tlbHits,
                tlbMisses, guestFaults, hiddenFaults, java.util.Collections.unmodifiableMap(byReason),
                memory.hostFramesUsed(),
                memory.hostFramesFree(), swapOuts, swapIns, memory.balloonPages(), memory.sharedFrames(),
                memory.framesSaved(), cowBreaks, hostPtRefs, hostPageFaults);
    }

    /** Exits by reason as an ordered map (zero counts left out). */
    public Map<ExitReason, Long> exitsByReason() {
        Map<ExitReason, Long> m = new EnumMap<>(ExitReason.class);
        for (ExitReason r : ExitReason.values()) {
            if (exits[r.ordinal()] != 0) {
                m.put(r, exits[r.ordinal()]);
            }
        }
        return m;
    }

    /**
     * Memory-side figures that the machine computes from its frames.
     *
     * @param hostFramesUsed frames allocated
     * @param hostFramesFree frames free
     * @param balloonPages   guest pages held by balloons
     * @param sharedFrames   frames mapped by more than one guest page
     * @param framesSaved    frames that sharing made unnecessary
     */
    public record MemoryFigures(long hostFramesUsed, long hostFramesFree, long balloonPages, long sharedFrames,
                                long framesSaved) {
    }
}
