package org.memvirt.engine;

import java.util.List;

import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.host.HostProcessImage;
import org.memvirt.engine.memory.MemoryImage;
import org.memvirt.engine.mmu.Mmu;
import org.memvirt.engine.reclaim.MemoryState;

/**
 * The whole machine after one step, immutable. Host memory is shared with neighbouring steps
 * wherever it did not change, so keeping every step's snapshot is cheap.
 *
 * @param step     how many steps led here (0 = the initial state)
 * @param config   the machine's configuration
 * @param memory   host memory: frames, owners, contents
 * @param vms      each VM (or VM 0 natively)
 * @param counters the counters
 * @param caches   TLB, walk cache, nested TLB contents
 * @param memoryState the host's free-memory state (ESX's high, soft, hard, low)
 * @param hostProcesses under KVM, each VM's hypervisor process: memslots and page-table root (empty under ESX)
 * @param heldSamples host frames held back from their pages as idle-memory samples (still owned, not mapped)
 */
public record MachineSnapshot(int step, MachineConfig config, MemoryImage memory, List<VmImage> vms,
                              CounterSnapshot counters, Mmu.CacheImages caches, MemoryState memoryState,
                              List<HostProcessImage> hostProcesses, java.util.Set<Long> heldSamples) {
    public MachineSnapshot {
        hostProcesses = List.copyOf(hostProcesses);
        heldSamples = java.util.Set.copyOf(heldSamples);
    }

    /** The hypervisor process of a VM under KVM, or null (ESX, native). */
    public HostProcessImage hostProcess(int vm) {
        return hostProcesses.stream().filter(p -> p.vm() == vm).findFirst().orElse(null);
    }


    /** A VM by number. */
    public VmImage vm(int id) {
        return vms.stream().filter(v -> v.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no VM " + id));
    }
}
