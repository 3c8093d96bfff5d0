package org.memvirt.engine;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.event.Counters;
import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.guest.GuestKernel;
import org.memvirt.engine.host.HostKernel;
import org.memvirt.engine.memory.Epoch;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.Mmu;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.reclaim.MemoryState;
import org.memvirt.engine.reclaim.Reclaimer;
import org.memvirt.engine.vmm.Hypervisor;
import org.memvirt.engine.vmm.ShadowPager;

/**
 * The emulated computer: host memory, one CPU's MMU, the hypervisor and its VMs (or, natively,
 * one bare OS). {@link #step} performs one action and returns its events and a snapshot; the
 * engine pushes nothing and keeps no listeners. The setup methods build the initial state
 * silently, before the first step.
 */
public final class Machine {
    private final MachineConfig config;
    private final Epoch epoch = new Epoch();
    private final HostMemory memory;
    private final Counters counters = new Counters();
    private final Mmu mmu;
    private final HostKernel hostKernel;
    private final Hypervisor hypervisor;
    private final List<VirtualMachine> vms = new ArrayList<>();
    private final ActionPerformer performer;
    private final Reclaimer reclaimer;
    private int steps;

    /** Builds a machine with its VMs and no processes yet. */
    public Machine(MachineConfig config) {
        this.config = config;
        this.memory = new HostMemory(epoch, config.hostFrames(), config.seed());
        this.mmu = new Mmu(memory, config.mmu(), counters, epoch);
        this.hostKernel = new HostKernel(memory, counters);
        this.hypervisor = new Hypervisor(memory, hostKernel, config.hypervisor(), mmu::flushEpt);
        List<GuestRam> rams = new ArrayList<>();
        if (config.mode() == PagingMode.NATIVE) {
            vms.add(new VirtualMachine(0, new GuestKernel(new NativeRam(memory), config.guestLevels(), config.pcids()),
                    null, PagingMode.NATIVE, null));
        } else {
            for (int i = 0; i < config.vmRamBytes().size(); i++) {
                int id = i + 1;
                long ram = config.vmRamBytes().get(i);
                var ept = hypervisor.createEpt(id, config.hostLevels(), config.hostPage(), config.eptAccessDirty(), ram);
                var guestRam = new GuestRam(id, ram, memory, hypervisor, epoch);
                rams.add(guestRam);
                var kernel = new GuestKernel(guestRam, config.guestLevels(), config.mode() != PagingMode.SHADOW
                        && config.pcids());
                ShadowPager shadow = config.mode() == PagingMode.SHADOW
                        ? new ShadowPager(id, memory, hypervisor, config.shadow(), config.guestLevels(),
                                () -> mmu.flushVm(id))
                        : null;
                vms.add(new VirtualMachine(id, kernel, ept, config.mode(), shadow));
            }
        }
        this.reclaimer = config.mode() == PagingMode.NESTED
                ? new Reclaimer(memory, hypervisor, config.reclaim(), counters, mmu::flushEpt, config.seed())
                : null;
        this.performer = new ActionPerformer(config, memory, mmu, hypervisor, reclaimer, counters, vms);
        AccessPath path = performer.path();
        for (int i = 0; i < rams.size(); i++) {
            VirtualMachine vm = vms.get(i);
            GuestRam guestRam = rams.get(i);
            guestRam.setStoreTrap((gpa, value) -> path.trapGuestStore(vm, gpa, value));
            guestRam.setTouch(new GuestTouch() {
                @Override
                public long forWrite(long gpa) {
                    return path.forWrite(vm, gpa);
                }

                @Override
                public long peek(long gpa) {
                    return path.peek(vm, gpa);
                }
            });
            if (reclaimer != null) {
                vm.kernel().enableReclaim(vm.id(), reclaimer, config.reclaim().deflateOnOom());
            }
        }
        if (reclaimer != null) {
            reclaimer.setGuests(id -> vm(id).kernel().balloon(), id -> path.cpu(vm(id)));
        }
    }

    public MachineConfig config() {
        return config;
    }

    /** Live counters (the walk command reads them after a counting run). */
    public Counters counters() {
        return counters;
    }

    /** Live host memory, for setup and the walk command's figures. */
    public HostMemory memory() {
        return memory;
    }

    /** The VM numbers: {0} natively, {1..n} otherwise. */
    public List<Integer> vmIds() {
        return vms.stream().map(VirtualMachine::id).toList();
    }

    /** Setup: creates a process in a VM and returns its number. */
    public int createProcess(int vm) {
        return vm(vm).kernel().createProcess().pid();
    }

    /**
     * Setup: the guest kernel maps a new page at {@code gva}. Unless demand paging is on, the
     * hypervisor backs it at once.
     *
     * @return the guest-physical address of the page
     */
    public long mapPage(int vm, int pid, long gva, PageSize size, long flags) {
        VirtualMachine v = vm(vm);
        long gpa = v.kernel().map(pid, gva, size, flags);
        if (!config.demandPaging() && v.ept() != null) {
            for (long off = 0; off < size.bytes(); off += config.hostPage().bytes()) {
                hypervisor.back(vm, gpa + off, FrameUse.DATA, EventSink.COUNTING);
            }
        }
        return gpa;
    }

    /** Setup: maps {@code gva} to an existing guest-physical page. */
    public void mapPageTo(int vm, int pid, long gva, long gpa, PageSize size, long flags) {
        vm(vm).kernel().mapTo(pid, gva, gpa, size, flags);
    }

    /** Setup: backs the host page holding {@code gpa}, as if already touched. */
    public long backGuestPhysical(int vm, long gpa) {
        VirtualMachine v = vm(vm);
        if (v.ept() == null) {
            return gpa;
        }
        return hypervisor.back(vm, gpa, FrameUse.DATA, EventSink.COUNTING);
    }

    /** Setup: stores a word at a guest-physical address (page contents of the initial state). */
    public void writeGuestPhysical(int vm, long gpa, long value) {
        vm(vm).kernel().physical().writeEntry(gpa & ~7L, value);
    }

    /** Setup: the process CR3 points at when the first step runs. */
    public void setCurrentProcess(int vm, int pid) {
        vm(vm).kernel().switchTo(pid);
    }

    /** Performs one action, recording its events, and returns them with a snapshot. */
    public StepResult step(Action action) {
        EventSink.Recorder recorder = EventSink.recorder();
        perform(action, recorder);
        return new StepResult(recorder.events(), snapshot());
    }

    /** Performs one action in counting mode: counters only, no events, no snapshot. */
    public void run(Action action) {
        perform(action, EventSink.COUNTING);
    }

    /** The workload fast path: one access in counting mode, allocating nothing per reference. */
    public void access(int vm, long gva, AccessKind kind, Privilege privilege) {
        performer.access(vm(vm), gva, kind, privilege);
        performer.path().beginSetup();
        steps++;
    }

    private void perform(Action action, EventSink sink) {
        int id = action.accept(new VmOfAction());
        VirtualMachine target = id == VmOfAction.HOST ? null : vm(id);
        try {
            action.accept(performer.with(target, sink));
        } finally {
            performer.path().beginSetup();
            steps++;
        }
    }

    /**
     * Checks shadow paging's invariant for a VM: every present shadow entry composes the current
     * guest entry with the host mapping (unless out of sync), and every shadowed guest table is
     * write-protected. Returns what is wrong (empty when all holds, and always empty without shadow paging).
     */
    public List<String> shadowInvariantViolations(int vm) {
        ShadowPager shadow = vm(vm).shadow();
        return shadow == null ? List.of() : shadow.checkInvariant();
    }

    /** Host frames held back from their pages as idle-memory samples (still owned, not mapped). */
    public java.util.Collection<Long> heldSamples() {
        return reclaimer == null ? List.of() : reclaimer.heldSamples().values();
    }

    /** The VM memory would be taken from first under pressure (lowest ρ), or -1 without reclamation. */
    public int lowestSharesPerPage() {
        return reclaimer == null ? -1 : reclaimer.lowestRho();
    }

    /** An immutable picture of the machine now; later steps do not change it. */
    public MachineSnapshot snapshot() {
        var image = memory.freeze();
        epoch.advance();
        return new MachineSnapshot(steps, config, image, vms.stream().map(v -> v.image(reclaimer, memory)).toList(),
                counters.snapshot(performer.memoryFigures()), mmu.images(),
                MemoryState.of(memory.freeFrames(), memory.frameCount()), hostKernel.images(),
                new java.util.HashSet<>(heldSamples()));
    }

    private VirtualMachine vm(int id) {
        for (VirtualMachine v : vms) {
            if (v.id() == id) {
                return v;
            }
        }
        throw new IllegalArgumentException(config.mode() == PagingMode.NATIVE
                ? "a native machine has only VM 0, not VM " + id
                : "no VM " + id + " (VMs are numbered 1.." + vms.size() + ")");
    }

}
