package org.memvirt.engine;

import org.memvirt.engine.event.Counters;
import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.event.ExitReason;
import org.memvirt.engine.event.FaultVisibility;
import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.event.GuestWrite;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.VmEntry;
import org.memvirt.engine.event.VmExit;
import org.memvirt.engine.event.WriteTarget;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.CpuContext;
import org.memvirt.engine.mmu.Mmu;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.mmu.WalkOutcome;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.Mapping;
import org.memvirt.engine.vmm.ExitResolution;
import org.memvirt.engine.vmm.Hypervisor;

/**
 * Carries out actions on the machine's parts: an access runs the MMU and, on an exit, the
 * hypervisor, then retries as the guest would re-execute the instruction; guest kernel actions
 * edit tables and registers with the invalidations (or lack of them) they really have.
 */
final class ActionPerformer {
    /** An access that exits more often than this is reported as failed (a hypervisor bug guard). */
    private static final int MAX_EXITS_PER_ACCESS = 8;
    private final MachineConfig config;
    private final HostMemory memory;
    private final Mmu mmu;
    private final Hypervisor hypervisor;
    private final Counters counters;

    ActionPerformer(MachineConfig config, HostMemory memory, Mmu mmu, Hypervisor hypervisor, Counters counters) {
        this.config = config;
        this.memory = memory;
        this.mmu = mmu;
        this.hypervisor = hypervisor;
        this.counters = counters;
    }

    ActionVisitor<Void> with(VirtualMachine vm, EventSink sink) {
        return new Bound(vm, sink);
    }

    Counters.MemoryFigures memoryFigures() {
        return new Counters.MemoryFigures(memory.usedFrames(), memory.freeFrames(), 0, 0, 0);
    }

    /** One memory access, retried after each exit the hypervisor resolves. */
    void access(VirtualMachine vm, long gva, AccessKind kind, Privilege privilege, long value, EventSink sink) {
        counters.access();
        for (int exits = 0; exits <= MAX_EXITS_PER_ACCESS; exits++) {
            CpuContext ctx = vm.context();
            WalkOutcome outcome = mmu.translate(ctx, gva, kind, privilege, sink,
                    sink.recording() ? (c, va, hpa, rights) -> isStale(vm, va, hpa) : Mmu.StaleCheck.NEVER);
            if (outcome instanceof WalkOutcome.Done done) {
                complete(vm, gva, kind, value, done, sink);
                return;
            }
            if (outcome instanceof WalkOutcome.PageFault fault) {
                counters.guestFault();
                if (sink.recording()) {
                    sink.emit(new GuestPageFault(vm.id(), gva, fault.errorCode(), FaultVisibility.DELIVERED,
                            fault.reason()));
                }
                return;
            }
            ExitResolution resolution;
            if (outcome instanceof WalkOutcome.EptViolation violation) {
                counters.vmExit(ExitReason.EPT_VIOLATION);
                if (sink.recording()) {
                    sink.emit(new VmExit(vm.id(), ExitReason.EPT_VIOLATION, violation.qualification(),
                            violation.gpa(), gva, violation.detail()));
                }
                resolution = hypervisor.onEptViolation(vm.id(), violation.gpa(), sink);
                if (resolution.next() == ExitResolution.Next.RETRY) {
                    counters.hiddenFault();
                }
            } else if (outcome instanceof WalkOutcome.EptMisconfig misconfig) {
                counters.vmExit(ExitReason.EPT_MISCONFIG);
                if (sink.recording()) {
                    sink.emit(new VmExit(vm.id(), ExitReason.EPT_MISCONFIG, 0, misconfig.gpa(), gva,
                            misconfig.detail()));
                }
                resolution = hypervisor.onEptMisconfig(vm.id(), misconfig.gpa());
            } else {
                throw new IllegalStateException("unknown walk outcome " + outcome);
            }
            if (sink.recording()) {
                sink.emit(new VmEntry(vm.id(), resolution.action()));
            }
            if (resolution.next() != ExitResolution.Next.RETRY) {
                return;
            }
        }
    }

    private void complete(VirtualMachine vm, long gva, AccessKind kind, long value, WalkOutcome.Done done,
                          EventSink sink) {
        if (kind == AccessKind.WRITE) {
            memory.writeWord(done.hpa() & ~7L, value);
        }
        if (sink.recording()) {
            sink.emit(new Translated(vm.id(), gva, done.gpa(), done.hpa(), done.references(),
                    sizeLabel(done.tlbShift())));
            if (kind == AccessKind.WRITE) {
                sink.emit(new GuestWrite(vm.id(), done.gpa() & ~7L, gva, value, WriteTarget.DATA));
            }
        }
    }

    /** Whether the tables now translate {@code va} to something other than a cached {@code hpa}. */
    private boolean isStale(VirtualMachine vm, long va, long hpa) {
        Mapping m = vm.kernel().lookup(vm.kernel().current().pid(), va);
        if (m == null) {
            return true;
        }
        long now = vm.ept() == null ? m.address() : hypervisor.hostAddress(vm.id(), m.address());
        return now != hpa;
    }

    private static String sizeLabel(int shift) {
        return shift >= 30 ? "1G" : shift >= 21 ? "2M" : "4K";
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
            access(vm, a.gva(), a.kind(), a.privilege(), a.value(), sink);
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
            long gpa = vm.kernel().map(a.pid(), a.gva(), a.size(), a.flags());
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
            if (!config.pcids()) {
                mmu.flushAddressSpace(vm.context());
            }
            return null;
        }

        @Override
        public Void visitInvlpg(Action.Invlpg a) {
            mmu.invalidatePage(vm.context(), a.gva());
            return null;
        }

        @Override
        public Void visitFlushTlb(Action.FlushTlb a) {
            mmu.flushVm(vm.id());
            return null;
        }

        @Override
        public Void visitWriteEptEntry(Action.WriteEptEntry a) {
            if (vm.ept() == null) {
                throw new IllegalArgumentException("a native machine has no EPT");
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
    }
}
