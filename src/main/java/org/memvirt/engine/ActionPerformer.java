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
import org.memvirt.engine.vmm.ShadowFault;

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
    private EventSink currentSink = EventSink.COUNTING;

    ActionPerformer(MachineConfig config, HostMemory memory, Mmu mmu, Hypervisor hypervisor, Counters counters) {
        this.config = config;
        this.memory = memory;
        this.mmu = mmu;
        this.hypervisor = hypervisor;
        this.counters = counters;
    }

    ActionVisitor<Void> with(VirtualMachine vm, EventSink sink) {
        begin(vm, sink);
        return new Bound(vm, sink);
    }

    /** Every action starts here: the sink traps report into, and a shadow root for the running CR3. */
    private void begin(VirtualMachine vm, EventSink sink) {
        currentSink = sink;
        if (vm.shadow() != null && vm.shadow().currentRoot() < 0) {
            vm.shadow().switchRoot(vm.kernel().current().root(), EventSink.COUNTING);
        }
    }

    /**
     * Under shadow paging, a guest kernel store to a write-protected guest table traps (#PF, exit
     * reason 0) and the hypervisor emulates it, syncing the shadow entries derived from it.
     *
     * @return true when the store trapped and was emulated
     */
    boolean trapGuestStore(VirtualMachine vm, long gpa, long value) {
        if (vm.shadow() == null || !vm.shadow().isWriteProtected(gpa)) {
            return false;
        }
        EventSink sink = currentSink;
        counters.vmExit(ExitReason.EXCEPTION_NMI);
        counters.hiddenFault();
        if (sink.recording()) {
            sink.emit(new VmExit(vm.id(), ExitReason.EXCEPTION_NMI, GuestPageFault.P | GuestPageFault.WR, gpa, -1,
                    String.format("#PF: the guest kernel stored to guest page 0x%x, a write-protected page table",
                            gpa & ~0xFFFL)));
        }
        vm.shadow().emulateStore(gpa, value, sink);
        if (sink.recording()) {
            sink.emit(new VmEntry(vm.id(), String.format("emulated the store of 0x%x at GPA 0x%x", value, gpa)));
        }
        return true;
    }

    Counters.MemoryFigures memoryFigures() {
        return new Counters.MemoryFigures(memory.usedFrames(), memory.freeFrames(), 0, 0, 0);
    }

    /** One memory access, retried after each exit the hypervisor resolves. */
    void access(VirtualMachine vm, long gva, AccessKind kind, Privilege privilege, long value, EventSink sink) {
        begin(vm, sink);
        counters.access();
        for (int exits = 0; exits <= MAX_EXITS_PER_ACCESS; exits++) {
            CpuContext ctx = vm.context();
            WalkOutcome outcome = mmu.translate(ctx, gva, kind, privilege, sink,
                    sink.recording() ? (c, va, hpa, rights) -> isStale(vm, va, hpa) : Mmu.StaleCheck.NEVER);
            if (outcome instanceof WalkOutcome.Done done) {
                complete(vm, gva, kind, value, done, sink);
                return;
            }
            if (outcome instanceof WalkOutcome.PageFault fault && vm.shadow() != null) {
                if (shadowFault(vm, gva, kind, privilege, value, fault, sink)) {
                    continue;
                }
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

    /**
     * A page fault on the shadow table exits to the hypervisor, which fills the shadow entry
     * (hidden), injects the fault into the guest, or emulates a store to a protected table.
     *
     * @return true when the access should be retried
     */
    private boolean shadowFault(VirtualMachine vm, long gva, AccessKind kind, Privilege privilege, long value,
                                WalkOutcome.PageFault fault, EventSink sink) {
        counters.vmExit(ExitReason.EXCEPTION_NMI);
        if (sink.recording()) {
            sink.emit(new VmExit(vm.id(), ExitReason.EXCEPTION_NMI, gva, -1, gva, String.format(
                    "#PF on the shadow table (error code 0x%x: %s)", fault.errorCode(), fault.reason())));
        }
        ShadowFault result = vm.shadow().onPageFault(gva, kind, privilege, sink);
        switch (result.outcome()) {
            case FILLED -> {
                counters.hiddenFault();
                if (sink.recording()) {
                    sink.emit(new VmEntry(vm.id(), result.detail()));
                }
                return true;
            }
            case INJECTED -> {
                counters.guestFault();
                if (sink.recording()) {
                    sink.emit(new GuestPageFault(vm.id(), gva, result.errorCode(), FaultVisibility.DELIVERED,
                            "injected by the hypervisor: " + result.detail()));
                    sink.emit(new VmEntry(vm.id(), "injected the #PF into the guest"));
                }
                return false;
            }
            case EMULATE_STORE -> {
                counters.hiddenFault();
                vm.shadow().emulateStore(result.gpa(), value, sink);
                if (sink.recording()) {
                    sink.emit(new GuestWrite(vm.id(), result.gpa() & ~7L, gva, value, WriteTarget.PAGE_TABLE));
                    sink.emit(new VmEntry(vm.id(), result.detail() + ": emulated it"));
                }
                return false;
            }
        }
        throw new IllegalStateException("unknown shadow fault outcome " + result.outcome());
    }

    private void complete(VirtualMachine vm, long gva, AccessKind kind, long value, WalkOutcome.Done done,
                          EventSink sink) {
        if (kind == AccessKind.WRITE) {
            memory.writeWord(done.hpa() & ~7L, value);
        }
        if (sink.recording()) {
            long gpa = vm.shadow() == null ? done.gpa() : guestPhysical(vm, gva);
            sink.emit(new Translated(vm.id(), gva, gpa, done.hpa(), done.references(), sizeLabel(done.tlbShift())));
            if (kind == AccessKind.WRITE) {
                sink.emit(new GuestWrite(vm.id(), gpa & ~7L, gva, value, WriteTarget.DATA));
            }
        }
    }

    /**
     * The guest-physical address behind {@code gva} by the guest's tables: under shadow paging the
     * hardware never sees it, but a student wants to.
     */
    private static long guestPhysical(VirtualMachine vm, long gva) {
        Mapping m = vm.kernel().lookup(vm.kernel().current().pid(), gva);
        return m == null ? -1 : m.address();
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
            if (vm.shadow() != null) {
                long cr3 = vm.kernel().current().root();
                exit(ExitReason.CR_ACCESS, cr3, String.format("MOV to CR3 (0x%x, process %d)", cr3, a.pid()));
                vm.shadow().switchRoot(cr3, sink);
                mmu.flushAddressSpace(vm.context());
                enter("loaded the shadow root of the new CR3");
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
                exit(ExitReason.INVLPG, a.gva(), String.format("INVLPG 0x%x", a.gva()));
                vm.shadow().invalidatePage(a.gva(), sink);
                mmu.invalidatePage(vm.context(), a.gva());
                enter("dropped the shadow entry and the TLB entry");
                return null;
            }
            mmu.invalidatePage(vm.context(), a.gva());
            return null;
        }

        @Override
        public Void visitFlushTlb(Action.FlushTlb a) {
            if (vm.shadow() != null) {
                exit(ExitReason.CR_ACCESS, vm.kernel().current().root(), "CR3 reload: a full TLB flush");
                vm.shadow().flush(sink);
                mmu.flushVm(vm.id());
                enter("resynced out-of-sync shadow tables and flushed the TLB");
                return null;
            }
            mmu.flushVm(vm.id());
            return null;
        }

        private void exit(ExitReason reason, long qualification, String detail) {
            counters.vmExit(reason);
            if (sink.recording()) {
                sink.emit(new VmExit(vm.id(), reason, qualification, -1, -1, detail));
            }
        }

        private void enter(String action) {
            if (sink.recording()) {
                sink.emit(new VmEntry(vm.id(), action));
            }
        }

        @Override
        public Void visitWriteEptEntry(Action.WriteEptEntry a) {
            if (vm.ept() == null || config.mode() != org.memvirt.engine.mmu.PagingMode.NESTED) {
                throw new IllegalArgumentException("only a nested-paging machine has an EPT the hardware walks; this is a "
                        + config.mode().label() + " machine");
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
