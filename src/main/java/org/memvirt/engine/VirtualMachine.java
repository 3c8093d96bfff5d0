package org.memvirt.engine;

import org.memvirt.engine.guest.GuestKernel;
import org.memvirt.engine.mmu.CpuContext;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.guest.BalloonDriver;
import org.memvirt.engine.guest.GuestMemoryMap;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.reclaim.Reclaimer;
import org.memvirt.engine.vmm.Ept;
import org.memvirt.engine.vmm.ShadowPager;

/** A VM's live state: its guest kernel and, under nested paging, its EPT (VM 0 is the bare machine). */
final class VirtualMachine {
    private final int id;
    private final GuestKernel kernel;
    private final Ept ept;
    private final PagingMode mode;
    private final ShadowPager shadow;
    private CpuContext context;

    VirtualMachine(int id, GuestKernel kernel, Ept ept, PagingMode mode, ShadowPager shadow) {
        this.id = id;
        this.kernel = kernel;
        this.ept = ept;
        this.mode = mode;
        this.shadow = shadow;
    }

    /** The shadow pager, or null unless the machine uses shadow paging. */
    ShadowPager shadow() {
        return shadow;
    }

    int id() {
        return id;
    }

    GuestKernel kernel() {
        return kernel;
    }

    /** The EPT, or null on a native machine. */
    Ept ept() {
        return ept;
    }

    /** The registers the MMU uses for this VM's current process (rebuilt only after a CR3 change). */
    CpuContext context() {
        var p = kernel.current();
        long root = shadow == null ? p.root() : shadow.currentRoot();
        if (context == null || context.root() != root || context.pcid() != p.pcid()) {
            context = new CpuContext(id, id, p.pcid(), root, kernel.levels(), mode,
                    ept == null ? 0 : ept.root(), ept == null ? 4 : ept.levels(), ept != null && ept.accessDirty());
        }
        return context;
    }

    VmImage image(Reclaimer reclaimer, HostMemory memory) {
        boolean nested = mode == PagingMode.NESTED;
        return new VmImage(id, kernel.processes(), kernel.current().pid(), nested ? ept.root() : -1,
                nested ? ept.eptp() : -1, kernel.physical().ramBytes(),
                shadow == null ? java.util.Map.of() : shadow.roots(),
                shadow == null ? java.util.Set.of() : shadow.writeProtectedGfns(), memory(reclaimer, memory),
                ept == null ? -1 : ept.root());
    }

    private VmMemory memory(Reclaimer reclaimer, HostMemory memory) {
        GuestMemoryMap map = kernel.physical().pageMap();
        if (map == null) {
            return null;
        }
        BalloonDriver balloon = kernel.balloon();
        return new VmMemory(map.ramPages(), map.freePages(), balloon == null ? 0 : balloon.size(),
                balloon == null ? 0 : balloon.target(), kernel.pager() == null ? 0 : kernel.pager().swap().used(),
                reclaimer == null ? 0 : reclaimer.swappedPages(id), memory.privateFrames(id),
                reclaimer == null ? 0 : reclaimer.config().sharesOf(id),
                reclaimer == null ? 1 : reclaimer.activeFraction(id),
                reclaimer == null ? 0 : reclaimer.sharesPerPage(id), map.freeze());
    }
}
