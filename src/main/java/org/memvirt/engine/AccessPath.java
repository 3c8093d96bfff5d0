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
import org.memvirt.engine.guest.GuestCpu;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.memory.Page;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.CpuContext;
import org.memvirt.engine.mmu.Mmu;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.mmu.WalkOutcome;
import org.memvirt.engine.paging.Mapping;
import org.memvirt.engine.reclaim.Reclaimer;
import org.memvirt.engine.vmm.ExitResolution;
import org.memvirt.engine.vmm.Hypervisor;
import org.memvirt.engine.vmm.ShadowFault;

/**
 * The road of one memory access through the machine: the MMU translates it; a guest page fault
 * goes to the guest kernel, which may fix it (a page it swapped out) so the instruction restarts;
 * an exit goes to the hypervisor (demand paging, host swap-in, copy-on-write, shadow fill, MMIO)
 * and the guest re-executes the access. The guest kernel's own touches of its memory take the
 * same road, so they too can exit.
 */
final class AccessPath {
    /** An access that exits more often than this is reported as failed (a hypervisor bug guard). */
    private static final int MAX_EXITS_PER_ACCESS = 8;
    private final HostMemory memory;
    private final Mmu mmu;
    private final Hypervisor hypervisor;
    private final Reclaimer reclaimer;
    private final Counters counters;
    private EventSink sink = EventSink.COUNTING;
    private boolean silent = true;

    AccessPath(HostMemory memory, Mmu mmu, Hypervisor hypervisor, Reclaimer reclaimer, Counters counters) {
        this.memory = memory;
        this.mmu = mmu;
        this.hypervisor = hypervisor;
        this.reclaimer = reclaimer;
        this.counters = counters;
    }

    /** Starts an action: its events go to {@code eventSink}; a shadow root exists for the running CR3. */
    void begin(VirtualMachine vm, EventSink eventSink) {
        sink = eventSink;
        silent = false;
        if (vm != null && vm.shadow() != null && vm.shadow().currentRoot() < 0) {
            vm.shadow().switchRoot(vm.kernel().current().root(), EventSink.COUNTING);
        }
    }

    /** Setup before (or between) steps: backing is silent and nothing is counted. */
    void beginSetup() {
        sink = EventSink.COUNTING;
        silent = true;
    }

    EventSink sink() {
        return sink;
    }

    /** One memory access, retried after each exit the hypervisor resolves and each fault the guest fixes. */
    void access(VirtualMachine vm, long gva, AccessKind kind, Privilege privilege, long value) {
        int bits = vm.kernel().levels() == 5 ? 57 : 48;
        if ((gva >> (bits - 1)) != 0 && (gva >> (bits - 1)) != -1) {
            throw new IllegalArgumentException(String.format(
                    "0x%x is not a canonical %d-bit address: bits 63..%d must all equal bit %d (the CPU raises #GP)",
                    gva, bits, bits - 1, bits - 1));
        }
        counters.access();
        for (int exits = 0; exits <= MAX_EXITS_PER_ACCESS; exits++) {
            CpuContext ctx = vm.context();
            WalkOutcome outcome = mmu.translate(ctx, gva, kind, privilege, sink,
                    sink.recording() ? (c, va, hpa, rights) -> isStale(vm, va, hpa) : Mmu.StaleCheck.NEVER);
            if (outcome instanceof WalkOutcome.Done done) {
                complete(vm, gva, kind, value, done);
                return;
            }
            boolean retry;
            if (outcome instanceof WalkOutcome.PageFault fault) {
                retry = vm.shadow() != null ? shadowFault(vm, gva, kind, privilege, value, fault)
                        : guestFault(vm, gva, fault.errorCode(), fault.reason());
            } else if (outcome instanceof WalkOutcome.EptViolation violation) {
                exit(vm, ExitReason.EPT_VIOLATION, violation.qualification(), violation.gpa(), gva, violation.detail());
                boolean write = (violation.qualification() & 2) != 0 && (violation.qualification() & 0x100) != 0;
                retry = enter(vm, resolveViolation(vm, violation.gpa(), write));
            } else if (outcome instanceof WalkOutcome.EptMisconfig misconfig) {
                exit(vm, ExitReason.EPT_MISCONFIG, 0, misconfig.gpa(), gva, misconfig.detail());
                retry = enter(vm, hypervisor.onEptMisconfig(vm.id(), misconfig.gpa()));
            } else {
                throw new IllegalStateException("unknown walk outcome " + outcome);
            }
            if (!retry) {
                return;
            }
        }
    }

    /** A #PF reaches the guest kernel: it reads back a page it swapped out, or the process dies. */
    private boolean guestFault(VirtualMachine vm, long gva, int errorCode, String reason) {
        counters.guestFault();
        if (sink.recording()) {
            sink.emit(new GuestPageFault(vm.id(), gva, errorCode, FaultVisibility.DELIVERED, reason));
        }
        return (errorCode & GuestPageFault.P) == 0
                && vm.kernel().handlePageFault(vm.kernel().current().pid(), gva, cpu(vm), sink);
    }

    /**
     * A page fault on the shadow table exits to the hypervisor, which fills the shadow entry
     * (hidden), injects the fault into the guest, or emulates a store to a protected table.
     *
     * @return true when the access should be retried
     */
    private boolean shadowFault(VirtualMachine vm, long gva, AccessKind kind, Privilege privilege, long value,
                                WalkOutcome.PageFault fault) {
        exit(vm, ExitReason.EXCEPTION_NMI, gva, -1, gva, String.format(
                "#PF on the shadow table (error code 0x%x: %s)", fault.errorCode(), fault.reason()));
        ShadowFault result = vm.shadow().onPageFault(gva, kind, privilege, sink);
        switch (result.outcome()) {
            case FILLED -> {
                counters.hiddenFault();
                emitEntry(vm, result.detail());
                return true;
            }
            case INJECTED -> {
                emitEntry(vm, "injecting #PF (error code 0x" + Integer.toHexString(result.errorCode()) + ")");
                return guestFault(vm, gva, result.errorCode(), "injected by the hypervisor: " + result.detail());
            }
            case EMULATE_STORE -> {
                counters.hiddenFault();
                vm.shadow().emulateStore(result.gpa(), value, sink);
                if (sink.recording()) {
                    sink.emit(new GuestWrite(vm.id(), result.gpa() & ~7L, gva, value, WriteTarget.PAGE_TABLE));
                }
                emitEntry(vm, result.detail() + ": emulated it");
                return false;
            }
        }
        throw new IllegalStateException("unknown shadow fault outcome " + result.outcome());
    }

    /** An EPT violation: the reclaimer's pages first (swapped, sampled, shared), then demand paging. */
    private ExitResolution resolveViolation(VirtualMachine vm, long gpa, boolean write) {
        if (reclaimer != null && reclaimer.owns(vm.id(), gpa)) {
            counters.hiddenFault();
            return new ExitResolution(ExitResolution.Next.RETRY, reclaimer.restore(vm.id(), gpa, sink));
        }
        if (write && reclaimer != null && reclaimer.isShared(vm.id(), gpa)) {
            counters.hiddenFault();
            counters.cowBreak();
            return new ExitResolution(ExitResolution.Next.RETRY, reclaimer.breakSharing(vm.id(), gpa, sink));
        }
        ExitResolution resolution = hypervisor.onEptViolation(vm.id(), gpa, write, sink);
        if (resolution.next() == ExitResolution.Next.RETRY) {
            counters.hiddenFault();
        }
        return resolution;
    }

    private void complete(VirtualMachine vm, long gva, AccessKind kind, long value, WalkOutcome.Done done) {
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
     * Under shadow paging, a guest kernel store to a write-protected guest table traps (#PF, exit
     * reason 0) and the hypervisor emulates it, syncing the shadow entries derived from it.
     *
     * @return true when the store trapped and was emulated
     */
    boolean trapGuestStore(VirtualMachine vm, long gpa, long value) {
        if (vm.shadow() == null || !vm.shadow().isWriteProtected(gpa)) {
            return false;
        }
        if (silent) {
            vm.shadow().emulateStore(gpa, value, EventSink.COUNTING);
            return true;
        }
        counters.hiddenFault();
        exit(vm, ExitReason.EXCEPTION_NMI, GuestPageFault.P | GuestPageFault.WR, gpa, -1, String.format(
                "#PF: the guest kernel stored to guest page 0x%x, a write-protected page table", gpa & ~0xFFFL));
        vm.shadow().emulateStore(gpa, value, sink);
        emitEntry(vm, String.format("emulated the store of 0x%x at GPA 0x%x", value, gpa));
        return true;
    }

    /** Where the guest kernel may store to {@code gpa}: faults it in if unbacked, swapped or shared. */
    long forWrite(VirtualMachine vm, long gpa) {
        for (int exits = 0; ; exits++) {
            long hpa = hypervisor.mappedAddress(vm.id(), gpa);
            boolean shared = hpa >= 0 && memory.frame(HostMemory.frameOf(hpa)).use() == FrameUse.SHARED;
            if (hpa >= 0 && !shared) {
                return hpa;
            }
            boolean reclaimed = reclaimer != null && reclaimer.owns(vm.id(), gpa);
            if (exits == 0 && silent && !shared && !reclaimed) {
                return hypervisor.back(vm.id(), gpa, FrameUse.DATA, EventSink.COUNTING);
            }
            if (exits == 2) {
                return hypervisor.hostAddress(vm.id(), gpa);
            }
            // under KVM a refilled entry may come back read-only (a KSM page): the store exits again
            kernelTouchExit(vm, gpa, true);
        }
    }

    /** The word at an unbacked {@code gpa}: what swap holds for it, or zero. */
    long peek(VirtualMachine vm, long gpa) {
        return reclaimer == null ? 0 : reclaimer.peek(vm.id(), gpa);
    }

    /** The guest CPU as the guest kernel's memory management uses it. */
    GuestCpu cpu(VirtualMachine vm) {
        return new GuestCpu() {
            @Override
            public Page readPage(long gpa) {
                if (hypervisor.mappedAddress(vm.id(), gpa) < 0) {
                    kernelTouchExit(vm, gpa, false);
                }
                return memory.page(HostMemory.frameOf(hypervisor.hostAddress(vm.id(), gpa)));
            }

            @Override
            public void writePage(long gpa, Page contents) {
                memory.loadPage(HostMemory.frameOf(forWrite(vm, gpa)), contents);
            }

            @Override
            public void invalidatePage(long gva) {
                mmu.invalidatePage(vm.context(), gva);
            }
        };
    }

    /** The guest kernel touched a page the EPT does not let it touch: an exit, resolved, then resumed. */
    private void kernelTouchExit(VirtualMachine vm, long gpa, boolean write) {
        long qualification = (write ? 2 : 1) | (1L << 7) | (1L << 8);
        exit(vm, ExitReason.EPT_VIOLATION, qualification, gpa, -1, String.format(
                "the guest kernel %s GPA 0x%x", write ? "stored to" : "read", gpa & ~0xFFFL));
        enter(vm, resolveViolation(vm, gpa, write));
    }

    private void exit(VirtualMachine vm, ExitReason reason, long qualification, long gpa, long gva, String detail) {
        counters.vmExit(reason);
        if (sink.recording()) {
            sink.emit(new VmExit(vm.id(), reason, qualification, gpa, gva, detail));
        }
    }

    private boolean enter(VirtualMachine vm, ExitResolution resolution) {
        emitEntry(vm, resolution.action());
        return resolution.next() == ExitResolution.Next.RETRY;
    }

    private void emitEntry(VirtualMachine vm, String action) {
        if (sink.recording()) {
            sink.emit(new VmEntry(vm.id(), action));
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

    /** Exit reason and event helpers shared with guest-kernel actions that exit. */
    void exitAndEnter(VirtualMachine vm, ExitReason reason, long qualification, String detail, Runnable handler,
                      String action) {
        exit(vm, reason, qualification, -1, -1, detail);
        handler.run();
        emitEntry(vm, action);
    }
}
