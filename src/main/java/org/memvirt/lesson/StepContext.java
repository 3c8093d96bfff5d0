package org.memvirt.lesson;

import java.util.HashMap;
import java.util.Map;

/**
 * What binding a step needs to know: the machine's VMs and processes, the address rules, and
 * which process each VM runs at this point of the lesson (followed through {@code switchTo}
 * steps, so a step may leave {@code process} out to mean the running one).
 */
final class StepContext {
    private final Problems problems;
    private final Topology topology;
    private final Addresses addresses;
    private final int hostLevels;
    private final Map<Integer, Integer> running = new HashMap<>();

    StepContext(Problems problems, Topology topology, Addresses addresses, int hostLevels) {
        this.problems = problems;
        this.topology = topology;
        this.addresses = addresses;
        this.hostLevels = hostLevels;
        for (VmSetup v : topology.vms()) {
            running.put(v.id(), v.runningPid());
        }
    }

    Problems problems() {
        return problems;
    }

    Topology topology() {
        return topology;
    }

    Addresses addresses() {
        return addresses;
    }

    int hostLevels() {
        return hostLevels;
    }

    /** The VM a step's {@code vm:} names (or the only one). */
    Integer vm(Fields args) {
        return topology.vmId(args.node("vm"), args.at(), problems);
    }

    /** The first VM (natively VM 0): what host-wide actions are reported against. */
    int firstVm() {
        return topology.vms().get(0).id();
    }

    /** The process a step's {@code process:} names (or the one running in {@code vm}). */
    Integer pid(Fields args, int vm) {
        return topology.pid(vm, args.node("process"), running.getOrDefault(vm, 1), problems);
    }

    /** A {@code switchTo} step made {@code pid} the running process of {@code vm}. */
    void switched(int vm, int pid) {
        running.put(vm, pid);
    }

    /** " in VM web" when the machine has several VMs, else nothing. */
    String inVm(int vm) {
        return topology.vms().size() > 1 ? " in VM " + topology.vm(vm).name() : "";
    }

    /** " in process editor" (and the VM when there are several). */
    String inProcess(int vm, int pid) {
        return " in process " + topology.vm(vm).processName(pid) + inVm(vm);
    }
}
