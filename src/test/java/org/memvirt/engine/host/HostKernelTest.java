package org.memvirt.engine.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.memvirt.engine.Action;
import org.memvirt.engine.BackingInvariant;
import org.memvirt.engine.Machine;
import org.memvirt.engine.MachineConfig;
import org.memvirt.engine.StepResult;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.ExitReason;
import org.memvirt.engine.event.HostFaultKind;
import org.memvirt.engine.event.HostPageFault;
import org.memvirt.engine.event.HostTableRead;
import org.memvirt.engine.event.MemslotLookup;
import org.memvirt.engine.event.MmuNotifierInvalidate;
import org.memvirt.engine.event.VmExit;
import org.memvirt.engine.memory.Epoch;
import org.memvirt.engine.event.Counters;
import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;

/**
 * The host kernel under KVM: memslots turn GPAs into the hypervisor process's virtual
 * addresses, its page table (real x86-64 entries in host frames) maps them to frames, a page not
 * present is faulted in, and an EPT violation is served from memslot and page table.
 */
class HostKernelTest {
    private static final long BASE = 0x0000_0040_0000_0000L;
    private static final long RWU = X86Entry.P | X86Entry.RW | X86Entry.US;

    @Test
    void aMemslotTurnsAGuestFrameIntoAnAddressOfTheProcess() {
        Memslot slot = new Memslot(0, 0x100, 0x200, 0x7f00_0000_0000L, false);
        assertEquals(0x7f00_0000_0000L + 0x5000 + 0x18, slot.hva(0x105018));
        assertEquals(0x105018, slot.gpa(slot.hva(0x105018)));
        assertTrue(slot.contains(0x100000));
        assertFalse(slot.contains(0xFF000));
        assertFalse(slot.contains(0x300000));
    }

    @Test
    void gfnToPfnWalksFourLevelsFaultsInAZeroedFrameThenFindsItPresent() {
        HostMemory memory = new HostMemory(new Epoch(), 1024, 3);
        Counters counters = new Counters();
        HostKernel kernel = new HostKernel(memory, counters);
        kernel.createProcess(1, 1 << 20);
        EventSink.Recorder first = EventSink.recorder();
        HostLookup faulted = kernel.gfnToPfn(1, 0x3008, false, PageSize.SIZE_4K, FrameUse.DATA, first, true);
        assertEquals(HostLookup.Outcome.FAULTED_IN, faulted.outcome());
        assertEquals(HypervisorProcess.USER_BASE + 0x3008, faulted.hva());
        assertTrue(first.events().get(0) instanceof MemslotLookup m && m.found());
        long reads = first.events().stream().filter(HostTableRead.class::isInstance).count();
        assertEquals(1, reads, "a fresh page table: the walk stops at the empty PML4 entry");
        HostPageFault fault = only(first.events(), HostPageFault.class);
        assertEquals(HostFaultKind.ZERO_FILL, fault.kind());
        EventSink.Recorder again = EventSink.recorder();
        HostLookup present = kernel.gfnToPfn(1, 0x3010, true, PageSize.SIZE_4K, FrameUse.DATA, again, true);
        assertEquals(HostLookup.Outcome.PRESENT, present.outcome());
        assertEquals(faulted.hpa() + 8, present.hpa());
        assertEquals(4, again.events().stream().filter(HostTableRead.class::isInstance).count());
        assertEquals(1, counters.snapshot(new Counters.MemoryFigures(0, 0, 0, 0, 0)).hostPageFaults());
    }

    @Test
    void noMemslotMeansMmio() {
        HostMemory memory = new HostMemory(new Epoch(), 1024, 3);
        HostKernel kernel = new HostKernel(memory, new Counters());
        kernel.createProcess(1, 1 << 20);
        var r = EventSink.recorder();
        assertEquals(HostLookup.Outcome.NO_MEMSLOT,
                kernel.gfnToPfn(1, 0x4000_0000L, false, PageSize.SIZE_4K, FrameUse.DATA, r, true).outcome());
        assertFalse(only(r.events(), MemslotLookup.class).found());
    }

    @Test
    void theFirstTouchUnderKvmIsAnEptViolationServedByTheHostKernel() {
        Machine m = new Machine(MachineConfig.defaults().withDemandPaging(true));
        int pid = m.createProcess(1);
        m.mapPage(1, pid, BASE, PageSize.SIZE_4K, RWU);
        m.setCurrentProcess(1, pid);
        StepResult r = m.step(new Action.Access(1, BASE, AccessKind.READ, Privilege.USER, 0));
        assertTrue(r.events().stream().anyMatch(e -> e instanceof VmExit x && x.reason() == ExitReason.EPT_VIOLATION));
        HostPageFault fault = only(r.events(), HostPageFault.class);
        assertEquals(HostFaultKind.ZERO_FILL, fault.kind());
        assertTrue(r.snapshot().counters().hostPtRefs() > 0);
        assertEquals(List.of(), BackingInvariant.violations(r.snapshot()));
        StepResult again = m.step(new Action.Access(1, BASE, AccessKind.READ, Privilege.USER, 0));
        assertNull(only(again.events(), VmExit.class, true));
    }

    @Test
    void aGpaWithoutMemslotGetsTheMmioMarkerAndThenExitsAsMisconfiguration() {
        Machine m = new Machine(MachineConfig.defaults().withDemandPaging(true));
        int pid = m.createProcess(1);
        m.mapPage(1, pid, BASE, PageSize.SIZE_4K, RWU);
        long mmio = 0xFEE0_0000L;
        m.mapPageTo(1, pid, BASE + 0x1000, mmio, PageSize.SIZE_4K, RWU);
        m.setCurrentProcess(1, pid);
        StepResult first = m.step(new Action.Access(1, BASE + 0x1000, AccessKind.READ, Privilege.USER, 0));
        assertEquals(ExitReason.EPT_VIOLATION, last(first.events(), VmExit.class).reason());
        assertFalse(only(first.events(), MemslotLookup.class).found());
        StepResult second = m.step(new Action.Access(1, BASE + 0x1000, AccessKind.READ, Privilege.USER, 0));
        assertEquals(ExitReason.EPT_MISCONFIG, last(second.events(), VmExit.class).reason());
        assertTrue(second.events().stream().noneMatch(MemslotLookup.class::isInstance),
                "the marker is found by the walk: no memslot lookup");
        assertEquals(List.of(), BackingInvariant.violations(second.snapshot()));
    }

    @Test
    void hostSwappingUnderKvmZapsTheEptEntryThroughTheNotifierAndSwapsBackIn() {
        Machine m = new Machine(MachineConfig.defaults().withDemandPaging(true));
        int pid = m.createProcess(1);
        m.mapPage(1, pid, BASE, PageSize.SIZE_4K, RWU);
        m.setCurrentProcess(1, pid);
        m.step(new Action.Access(1, BASE, AccessKind.WRITE, Privilege.USER, 0xCAFE));
        int used = m.snapshot().memory().usedFrames();
        StepResult out = m.step(new Action.HostSwapOut(1, 64));
        MmuNotifierInvalidate zap = out.events().stream().filter(MmuNotifierInvalidate.class::isInstance)
                .map(MmuNotifierInvalidate.class::cast).filter(z -> z.zapped()).findFirst().orElseThrow();
        assertEquals(org.memvirt.engine.event.InvalidateReason.SWAP_OUT, zap.reason());
        assertEquals(List.of(), BackingInvariant.violations(out.snapshot()));
        StepResult back = m.step(new Action.Access(1, BASE, AccessKind.READ, Privilege.USER, 0));
        assertTrue(back.events().stream().anyMatch(e -> e instanceof HostPageFault f && f.kind() == HostFaultKind.SWAP_IN));
        long hpa = last(back.events(), org.memvirt.engine.event.Translated.class).hpa();
        assertEquals(0xCAFE, back.snapshot().memory().readWord(hpa));
        assertTrue(back.snapshot().memory().usedFrames() <= used);
        assertEquals(List.of(), BackingInvariant.violations(back.snapshot()));
    }

    @Test
    void anEsxMachineHasNoHypervisorProcess() {
        Machine esx = new Machine(MachineConfig.defaults().withHypervisor(HypervisorStyle.ESX));
        esx.createProcess(1);
        assertTrue(esx.snapshot().hostProcesses().isEmpty());
        Machine kvm = new Machine(MachineConfig.defaults());
        kvm.createProcess(1);
        assertEquals(HostKernel.FIRST_PID + 1, kvm.snapshot().hostProcess(1).pid());
    }

    private static <T extends Event> T only(List<Event> events, Class<T> type) {
        return only(events, type, false);
    }

    private static <T extends Event> T only(List<Event> events, Class<T> type, boolean none) {
        List<T> found = events.stream().filter(type::isInstance).map(type::cast).toList();
        if (none && found.isEmpty()) {
            return null;
        }
        assertEquals(1, found.size(), type.getSimpleName() + " in " + events);
        return found.get(0);
    }

    private static <T extends Event> T last(List<Event> events, Class<T> type) {
        List<T> found = events.stream().filter(type::isInstance).map(type::cast).toList();
        assertFalse(found.isEmpty(), type.getSimpleName() + " in " + events);
        return found.get(found.size() - 1);
    }
}
