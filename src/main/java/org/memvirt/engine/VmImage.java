package org.memvirt.engine;

import java.util.List;

import org.memvirt.engine.guest.GuestProcess;

/**
 * One VM (or the native machine, VM 0) at one step.
 *
 * @param id         VM number (0 = native)
 * @param processes  its address spaces
 * @param currentPid the process CR3 points at
 * @param eptRoot    host address of the EPT root, or -1 without EPT
 * @param eptp       the EPT pointer as the VMCS holds it, or -1
 * @param ramBytes   guest RAM
 */
public record VmImage(int id, List<GuestProcess> processes, int currentPid, long eptRoot, long eptp,
                      long ramBytes) {

    /** The current process's top-level table (what CR3 holds). */
    public long cr3() {
        return processes.get(currentPid - 1).root();
    }
}
