package org.memvirt.engine;

import org.memvirt.engine.guest.GuestKernel;
import org.memvirt.engine.mmu.CpuContext;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.vmm.Ept;

/** A VM's live state: its guest kernel and, under nested paging, its EPT (VM 0 is the bare machine). */
final class VirtualMachine {
    private final int id;
    private final GuestKernel kernel;
    private final Ept ept;
    private final PagingMode mode;
    private CpuContext context;

    VirtualMachine(int id, GuestKernel kernel, Ept ept, PagingMode mode) {
        this.id = id;
        this.kernel = kernel;
        this.ept = ept;
        this.mode = mode;
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
        if (context == null || context.root() != p.root() || context.pcid() != p.pcid()) {
            context = new CpuContext(id, id, p.pcid(), p.root(), kernel.levels(), mode,
                    ept == null ? 0 : ept.root(), ept == null ? 4 : ept.levels(), ept != null && ept.accessDirty());
        }
        return context;
    }

    VmImage image() {
        return new VmImage(id, kernel.processes(), kernel.current().pid(), ept == null ? -1 : ept.root(),
                ept == null ? -1 : ept.eptp(), kernel.physical().ramBytes());
    }
}
