package org.memvirt.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * @param shadowRoots under shadow paging: guest CR3 (GPA) to shadow root (HPA) of each cached root
 * @param writeProtectedGfns under shadow paging: guest frames write-protected because a shadow
 *                           mirrors them
 * @param memory     reclamation figures: balloon, swap, shares, ρ (null natively)
 * @param p2mRoot    host address of the hypervisor's GPA→HPA table in EPT format, whether the
 *                   hardware walks it (nested) or only the hypervisor does (shadow); -1 natively
 */
public record VmImage(int id, List<GuestProcess> processes, int currentPid, long eptRoot, long eptp,
                      long ramBytes, Map<Long, Long> shadowRoots, Set<Long> writeProtectedGfns, VmMemory memory,
                      long p2mRoot) {
    public VmImage {
        processes = List.copyOf(processes);
        shadowRoots = shadowRoots.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shadowRoots));
        writeProtectedGfns = writeProtectedGfns.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(writeProtectedGfns));
    }

    /** The current process's top-level table (what CR3 holds). */
    public long cr3() {
        return processes.get(currentPid - 1).root();
    }
}
