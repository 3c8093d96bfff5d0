package org.memvirt.lesson;

import java.util.List;

/**
 * One VM of a lesson (natively: the bare machine, number 0) and its processes.
 *
 * @param id          the engine's VM number (0 natively, 1..n otherwise)
 * @param name        the name steps use
 * @param memoryBytes guest RAM (natively: host memory)
 * @param processes   process names; process numbers count from 1 in this order
 * @param runningPid  the process CR3 points at before step 1
 */
public record VmSetup(int id, String name, long memoryBytes, List<String> processes, int runningPid) {
    public VmSetup {
        processes = List.copyOf(processes);
    }

    /** A process's name by number. */
    public String processName(int pid) {
        return pid >= 1 && pid <= processes.size() ? processes.get(pid - 1) : "process " + pid;
    }
}
