package org.memvirt.engine.event;

import java.util.Map;

/**
 * The counters at one step, named as DESIGN.md names them for the Summary line and
 * {@code walk --json}. {@code walkRefs} counts page-table entry reads of every dimension (not the
 * data reference); {@code nativeRefs} are those of an unvirtualized walk. {@code hostPtRefs} are the
 * host kernel's software reads of the hypervisor process's page table and {@code hostPageFaults}
 * the faults it served for that process (KVM-style machines): neither is a hardware walk.
 */
public record CounterSnapshot(long accesses, long walkRefs, long guestRefs, long hostRefs, long shadowRefs,
                              long nativeRefs, long tlbHits, long tlbMisses, long guestFaults, long hiddenFaults,
                              Map<String, Long> vmExits, long hostFramesUsed, long hostFramesFree, long swapOuts,
                              long swapIns, long balloonPages, long sharedFrames, long framesSaved,
                              long cowBreaks, long hostPtRefs, long hostPageFaults) {

    /** All VM exits, whatever the reason. */
    public long totalVmExits() {
        return vmExits.values().stream().mapToLong(Long::longValue).sum();
    }
}
