package org.memvirt.engine;

import java.util.List;

import org.memvirt.engine.event.Counters;
import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.event.ExitReason;
import org.memvirt.engine.event.GuestWrite;
import org.memvirt.engine.event.WriteTarget;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.Mmu;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.Mapping;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.reclaim.Reclaimer;
import org.memvirt.engine.vmm.Hypervisor;

/**
 * Carries out actions on the machine's parts. Accesses take the {@link AccessPath}; guest
 * kernel actions edit tables and registers with the invalidations (or lack of them) they really
 * have, and exit where the hypervisor intercepts them; host actions run the reclaimer.
 */
final class ActionPerformer {
    private final MachineConfig config;
    private final HostMemory memory;
    private final Mmu mmu;
    private final Hypervisor hypervisor;
    private final Reclaimer reclaimer;
    private final AccessPath path;
    private final List<VirtualMachine> vms;

    ActionPerformer(MachineConfig config, HostMemory memory, Mmu mmu, Hypervisor hypervisor, Reclaimer reclaimer,
                    Counters counters, List<VirtualMachine> vms) {
        this.config = config;
        this.memory = memory;
        this.mmu = mmu;
        this.hypervisor = hypervisor;
        this.reclaimer = reclaimer;
        this.vms = vms;
        this.path = new AccessPath(memory, mmu, hypervisor, reclaimer, counters);
    }

    AccessPath path() {
        return path;
    }

    /** A visitor that performs actions on {@code vm} (null for host-wide actions). */
    ActionVisitor<Void> with(VirtualMachine vm, EventSink sink) {
        path.begin(vm, sink);
        return new Bound(vm, sink);
    }

    /** The workload fast path: one access in counting mode. */
    void access(VirtualMachine vm, long gva, AccessKind kind, Privilege privilege) {
        path.begin(vm, EventSink.COUNTING);
        path.access(vm, gva, kind, privilege, 0);
    }

    Counters.MemoryFigures memoryFigures() {
        long balloon = 0;
        for (VirtualMachine vm : vms) {
            if (vm.kernel().balloon() != null) {
                balloon += vm.kernel().balloon().size();
            }
        }
        return new Counters.MemoryFigures(memory.usedFrames(), memory.freeFrames(), balloon, memory.sharedFrames(),
                memory.framesSaved());
    }

    private Reclaimer reclaimer(String what) {
        if (reclaimer == null) {
            throw new IllegalArgumentException(what + " needs a nested-paging machine with VMs; this is a "
                    + config.mode().label() + " machine");
        }
        return reclaimer;
    }

    private final class Bound implements ActionVisitor<Void> {
        private final VirtualMachine vm;
        private final EventSink sink;

        Bound(VirtualMachine vm, EventSink sink) {
            this.vm = vm;
            this.sink = sink;
        }

        @Override
        public Void visitAccess(Action.Access a) {
            path.access(vm, a.gva(), a.kind(), a.privilege(), a.value());
            return null;
        }

        @Override
        public Void visitTouchPages(Action.TouchPages a) {
            if (a.pages() < 1 || a.pages() > 1 << 20) {
                throw new IllegalArgumentException("touch 1 to 1048576 pages, not " + a.pages());
            }
            for (int i = 0; i < a.pages(); i++) {
                path.access(vm, a.gva() + i * 4096L, a.kind(), Privilege.USER, i);
            }
            return null;
        }

        @Override
        public Void visitWriteGuestEntry(Action.WriteGuestEntry a) {
            long entry = vm.kernel().table(a.pid()).entryAddress(a.gva(), a.level());
            if (entry < 0) {
                throw new IllegalArgumentException(String.format(
                        "process %d has no %s table on the path of 0x%x", a.pid(), Levels.name(a.level()), a.gva()));
            }
            vm.kernel().physical().writeEntry(entry, a.value());
            if (sink.recording()) {
                sink.emit(new GuestWrite(vm.id(), entry, a.gva(), a.value(), WriteTarget.PAGE_TABLE));
            }
            return null;
        }

        @Override
        public Void visitMapPage(Action.MapPage a) {
            long gpa = a.size() == PageSize.SIZE_4K && vm.kernel().pager() != null
                    ? vm.kernel().mapReclaiming(a.pid(), a.gva(), a.flags(), path.cpu(vm), sink)
                    : vm.kernel().map(a.pid(), a.gva(), a.size(), a.flags());
            Mapping m = vm.kernel().lookup(a.pid(), a.gva());
            if (sink.recording()) {
                sink.emit(new GuestWrite(vm.id(), m.entryAddress(), a.gva(), m.entry(), WriteTarget.PAGE_TABLE));
            }
            if (!config.demandPaging() && vm.ept() != null) {
                for (long off = 0; off < a.size().bytes(); off += config.hostPage().bytes()) {
                    hypervisor.back(vm.id(), gpa + off, FrameUse.DATA, sink);
                }
            }
            return null;
        }

        @Override
        public Void visitSwitchProcess(Action.SwitchProcess a) {
            vm.kernel().switchTo(a.pid());
            if (vm.shadow() != null) {
                long cr3 = vm.kernel().current().root();
                path.exitAndEnter(vm, ExitReason.CR_ACCESS, cr3,
                        String.format("MOV to CR3 (0x%x, process %d)", cr3, a.pid()), () -> {
                            vm.shadow().switchRoot(cr3, sink);
                            mmu.flushAddressSpace(vm.context());
                        }, "loaded the shadow root of the new CR3");
                return null;
            }
            if (!config.pcids()) {
                mmu.flushAddressSpace(vm.context());
            }
            return null;
        }

        @Override
        public Void visitInvlpg(Action.Invlpg a) {
            if (vm.shadow() != null) {
                path.exitAndEnter(vm, ExitReason.INVLPG, a.gva(), String.format("INVLPG 0x%x", a.gva()), () -> {
                    vm.shadow().invalidatePage(a.gva(), sink);
                    mmu.invalidatePage(vm.context(), a.gva());
                }, "dropped the shadow entry and the TLB entry");
                return null;
            }
            mmu.invalidatePage(vm.context(), a.gva());
            return null;
        }

        @Override
        public Void visitFlushTlb(Action.FlushTlb a) {
            if (vm.shadow() != null) {
                path.exitAndEnter(vm, ExitReason.CR_ACCESS, vm.kernel().current().root(),
                        "CR3 reload: a full TLB flush", () -> {
                            vm.shadow().flush(sink);
                            mmu.flushVm(vm.id());
                        }, "resynced out-of-sync shadow tables and flushed the TLB");
                return null;
            }
            mmu.flushVm(vm.id());
            return null;
        }

        @Override
        public Void visitWriteEptEntry(Action.WriteEptEntry a) {
            if (vm.ept() == null || config.mode() != PagingMode.NESTED) {
                throw new IllegalArgumentException("only a nested-paging machine has an EPT the hardware walks; "
                        + "this is a " + config.mode().label() + " machine");
            }
            long entry = vm.ept().entryAddress(a.gpa(), a.level());
            if (entry < 0) {
                throw new IllegalArgumentException(String.format(
                        "VM %d's EPT has no %s table on the path of GPA 0x%x", vm.id(), Levels.eptName(a.level()),
                        a.gpa()));
            }
            memory.writeWord(entry, a.value());
            mmu.flushEpt(vm.id());
            return null;
        }

        @Override
        public Void visitSetBalloonTarget(Action.SetBalloonTarget a) {
            reclaimer("ballooning");
            vm.kernel().balloon().setTarget(a.pages(), path.cpu(vm), sink);
            return null;
        }

        @Override
        public Void visitHostSwapOut(Action.HostSwapOut a) {
            reclaimer("host swapping").swapOut(vm.id(), a.pages(), sink);
            return null;
        }

        @Override
        public Void visitGuestSwapOut(Action.GuestSwapOut a) {
            reclaimer("guest swapping");
            vm.kernel().pager().evict(a.pages(), path.cpu(vm), sink);
            return null;
        }

        @Override
        public Void visitScanForSharing(Action.ScanForSharing a) {
            if (!(a.seconds() > 0) || a.seconds() > 1e6) {
                throw new IllegalArgumentException("scan for more than 0 and at most 1000000 seconds, not " + a.seconds());
            }
            reclaimer("page sharing").scan(a.seconds(), sink);
            return null;
        }

        @Override
        public Void visitSampleActivity(Action.SampleActivity a) {
            reclaimer("activity sampling").sampleActivity(sink);
            return null;
        }

        @Override
        public Void visitHostPressure(Action.HostPressure a) {
            if (a.frames() < 0 || a.frames() >= memory.freeFrames()) {
                throw new IllegalArgumentException("the host can take 0 to " + (memory.freeFrames() - 1)
                        + " frames now, not " + a.frames());
            }
            reclaimer("memory pressure").pressure(a.frames(), sink);
            return null;
        }

        @Override
        public Void visitHostRelease(Action.HostRelease a) {
            reclaimer("releasing pressure").release(a.frames(), sink);
            return null;
        }
    }
}
