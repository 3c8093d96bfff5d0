package org.memvirt.lesson;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.MachineSnapshot;
import org.memvirt.engine.VmImage;
import org.memvirt.engine.memory.Frame;
import org.memvirt.engine.memory.MemoryImage;

/**
 * Everything a snapshot shows, as a value that can be compared: counters, every allocated
 * frame's owner and contents, each VM's registers and processes, and the caches.
 */
record StateFingerprint(String counters, List<String> frames, List<String> vms, List<String> caches) {

    static StateFingerprint of(MachineSnapshot s) {
        List<String> frames = new ArrayList<>();
        MemoryImage m = s.memory();
        for (int pfn = 0; pfn < m.frameCount(); pfn++) {
            Frame f = m.frame(pfn);
            if (!f.isFree() || !m.page(pfn).isZero()) {
                frames.add(pfn + ":" + f + ":" + Long.toHexString(m.page(pfn).contentHash()));
            }
        }
        List<String> vms = new ArrayList<>();
        for (VmImage v : s.vms()) {
            vms.add(v.id() + " cr3=" + v.cr3() + " pid=" + v.currentPid() + " " + v.processes() + " ept=" + v.eptRoot()
                    + " " + v.shadowRoots() + " " + v.writeProtectedGfns());
        }
        List<String> caches = List.of(s.caches().tlb().entries().toString(), s.caches().walkCache().entries().toString(),
                s.caches().nestedTlb().entries().toString());
        StringBuilder counters = new StringBuilder();
        for (String name : CounterNames.names()) {
            counters.append(name).append('=').append(CounterNames.value(s.counters(), name)).append(' ');
        }
        counters.append(CounterNames.exitsInOrder(s.counters()));
        return new StateFingerprint(counters.toString(), frames, vms, caches);
    }
}
