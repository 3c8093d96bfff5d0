package org.memvirt.engine.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.memvirt.engine.Action;
import org.memvirt.engine.Machine;
import org.memvirt.engine.MachineConfig;
import org.memvirt.engine.StepResult;
import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.event.Dimension;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.ExitReason;
import org.memvirt.engine.event.FaultVisibility;
import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.event.ShadowSync;
import org.memvirt.engine.event.SyncKind;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.VmExit;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.MmuConfig;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;

/** Shadow paging as KVM's shadow MMU does it: hidden faults, injection, write protection, roots. */
class ShadowPagingTest {
    static final long RWU = X86Entry.P | X86Entry.RW | X86Entry.US;
    static final long VA = 0x0000_7f3a_1c40_2000L;

    static MachineConfig shadow(int roots) {
        return MachineConfig.defaults().withMode(PagingMode.SHADOW).withDemandPaging(false)
                .withShadow(ShadowPolicy.kvm().withRoots(roots));
    }

    static StepResult read(Machine m, long va) {
        return m.step(new Action.Access(1, va, AccessKind.READ, Privilege.USER, 0));
    }

    static <T extends Event> List<T> of(StepResult r, Class<T> type) {
        return r.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    static long delta(StepResult before, StepResult after, java.util.function.ToLongFunction<CounterSnapshot> f) {
        return f.applyAsLong(after.snapshot().counters()) - f.applyAsLong(before.snapshot().counters());
    }

    @Test
    void firstTouchIsAHiddenFaultThenTheNextAccessWalksTheShadowTableInFourReferences() {
        Machine m = new Machine(shadow(4));
        int pid = m.createProcess(1);
        long gpa = m.mapPage(1, pid, VA, PageSize.SIZE_4K, RWU);

        StepResult first = read(m, VA + 0x10);
        assertEquals(1, first.snapshot().counters().hiddenFaults());
        assertEquals(0, first.snapshot().counters().guestFaults());
        assertEquals(1, first.snapshot().counters().vmExits().get("EXCEPTION_NMI"));
        assertTrue(of(first, ShadowSync.class).stream().anyMatch(s -> s.kind() == SyncKind.FILL));
        assertTrue(of(first, GuestPageFault.class).isEmpty(), "the guest never sees a hidden fault");
        Translated t = of(first, Translated.class).get(0);
        assertEquals(gpa + 0x10, t.gpa());

        m.step(new Action.FlushTlb(1));
        StepResult before = read(m, VA + 0x20);
        List<WalkStep> steps = of(before, WalkStep.class);
        assertEquals(4, steps.size());
        assertTrue(steps.stream().allMatch(s -> s.dimension() == Dimension.SHADOW));
        assertEquals(t.hpa() + 0x10, of(before, Translated.class).get(0).hpa());
        assertTrue(m.shadowInvariantViolations(1).isEmpty());
    }

    @Test
    void aFaultTheGuestTablesCauseIsInjectedWithTheOriginalErrorCode() {
        Machine m = new Machine(shadow(4));
        int pid = m.createProcess(1);
        m.mapPage(1, pid, VA, PageSize.SIZE_4K, X86Entry.P | X86Entry.US);
        StepResult r = m.step(new Action.Access(1, VA + 8, AccessKind.WRITE, Privilege.USER, 42));
        GuestPageFault f = of(r, GuestPageFault.class).get(0);
        assertEquals(VA + 8, f.cr2());
        assertEquals(GuestPageFault.P | GuestPageFault.WR | GuestPageFault.US, f.errorCode());
        assertEquals(FaultVisibility.DELIVERED, f.visibility());
        assertEquals(1, r.snapshot().counters().guestFaults());
        assertEquals(0, r.snapshot().counters().hiddenFaults());

        StepResult missing = m.step(new Action.Access(1, VA + 0x5000, AccessKind.READ, Privilege.SUPERVISOR, 0));
        assertEquals(0, of(missing, GuestPageFault.class).get(0).errorCode());
    }

    @Test
    void aGuestPteWriteTrapsOnceAndTheNextAccessUsesTheNewMapping() {
        Machine m = new Machine(shadow(4));
        int pid = m.createProcess(1);
        m.mapPage(1, pid, VA, PageSize.SIZE_4K, RWU);
        long other = m.mapPage(1, pid, VA + 0x1000, PageSize.SIZE_4K, RWU);
        m.writeGuestPhysical(1, other + 0x40, 0xC0FFEE);
        StepResult warm = read(m, VA + 0x40);

        StepResult write = m.step(new Action.WriteGuestEntry(1, pid, VA, 1, X86Entry.leaf(other, 1, RWU)));
        assertEquals(1, delta(warm, write, c -> c.totalVmExits()));
        VmExit exit = of(write, VmExit.class).get(0);
        assertEquals(ExitReason.EXCEPTION_NMI, exit.reason());
        assertTrue(of(write, ShadowSync.class).stream()
                .anyMatch(s -> s.kind() == SyncKind.UPDATE || s.kind() == SyncKind.ZAP));

        StepResult after = read(m, VA + 0x40);
        Translated t = of(after, Translated.class).get(0);
        assertEquals(other + 0x40, t.gpa());
        assertEquals(0xC0FFEE, after.snapshot().memory().readWord(t.hpa()));
        assertTrue(m.shadowInvariantViolations(1).isEmpty(), () -> m.shadowInvariantViolations(1).toString());
    }

    @Test
    void cachedRootsMeanNoHiddenFaultsAfterASwitchBack() {
        Machine m = pingPongMachine(4);
        pingPong(m, 3);
        StepResult before = m.step(new Action.SwitchProcess(1, 1));
        StepResult after = touchAll(m);
        assertEquals(0, delta(before, after, CounterSnapshot::hiddenFaults));
        assertEquals(1, before.snapshot().counters().vmExits().containsKey("CR_ACCESS") ? 1 : 0);
    }

    @Test
    void droppingTheRootCostsOneHiddenFaultPerPageTouchedAgain() {
        Machine m = pingPongMachine(1);
        pingPong(m, 3);
        StepResult before = m.step(new Action.SwitchProcess(1, 1));
        assertTrue(of(before, ShadowSync.class).stream().anyMatch(s -> s.kind() == SyncKind.ROOT_DROP));
        StepResult after = touchAll(m);
        assertEquals(PAGES, delta(before, after, CounterSnapshot::hiddenFaults));
    }

    static final int PAGES = 5;

    private static Machine pingPongMachine(int roots) {
        Machine m = new Machine(shadow(roots));
        for (int p = 1; p <= 2; p++) {
            int pid = m.createProcess(1);
            for (int i = 0; i < PAGES; i++) {
                m.mapPage(1, pid, VA + i * 0x1000L, PageSize.SIZE_4K, RWU);
            }
        }
        return m;
    }

    private static void pingPong(Machine m, int rounds) {
        for (int r = 0; r < rounds; r++) {
            for (int pid = 1; pid <= 2; pid++) {
                m.step(new Action.SwitchProcess(1, pid));
                touchAll(m);
            }
        }
    }

    private static StepResult touchAll(Machine m) {
        StepResult last = null;
        for (int i = 0; i < PAGES; i++) {
            last = read(m, VA + i * 0x1000L);
        }
        return last;
    }

    @Test
    void invlpgExitsAndDropsTheShadowEntry() {
        Machine m = new Machine(shadow(4));
        int pid = m.createProcess(1);
        m.mapPage(1, pid, VA, PageSize.SIZE_4K, RWU);
        read(m, VA);
        StepResult inv = m.step(new Action.Invlpg(1, VA));
        assertEquals(1, inv.snapshot().counters().vmExits().get("INVLPG"));
        assertTrue(of(inv, ShadowSync.class).stream().anyMatch(s -> s.kind() == SyncKind.ZAP));
        StepResult again = read(m, VA);
        assertEquals(2, again.snapshot().counters().hiddenFaults(), "the dropped entry is refilled on demand");
    }

    @Test
    void repeatedWritesWithNoUseInBetweenStopTheShadowing() {
        Machine m = new Machine(shadow(4));
        int pid = m.createProcess(1);
        for (int i = 0; i < 4; i++) {
            m.mapPage(1, pid, VA + i * 0x1000L, PageSize.SIZE_4K, RWU);
        }
        read(m, VA);
        long target = m.mapPage(1, pid, VA + (1L << 30), PageSize.SIZE_4K, RWU);
        StepResult last = null;
        for (int i = 1; i <= 3; i++) {
            last = m.step(new Action.WriteGuestEntry(1, pid, VA + i * 0x1000L, 1, X86Entry.leaf(target, 1, RWU)));
        }
        assertTrue(of(last, ShadowSync.class).stream()
                .anyMatch(s -> s.kind() == SyncKind.ZAP && s.detail().contains("write flooding")));
        long exitsBefore = last.snapshot().counters().totalVmExits();
        StepResult fourth = m.step(new Action.WriteGuestEntry(1, pid, VA, 1, X86Entry.leaf(target, 1, RWU)));
        assertEquals(exitsBefore, fourth.snapshot().counters().totalVmExits(), "no longer shadowed: no trap");
        assertTrue(m.shadowInvariantViolations(1).isEmpty(), () -> m.shadowInvariantViolations(1).toString());
    }

    @Test
    void unsyncLetsALeafTableGoOutOfSyncUntilInvlpg() {
        Machine m = new Machine(shadow(4).withShadow(ShadowPolicy.kvm().withUnsync(true)));
        int pid = m.createProcess(1);
        m.mapPage(1, pid, VA, PageSize.SIZE_4K, RWU);
        long other = m.mapPage(1, pid, VA + 0x1000, PageSize.SIZE_4K, RWU);
        read(m, VA);
        StepResult first = m.step(new Action.WriteGuestEntry(1, pid, VA, 1, X86Entry.leaf(other, 1, RWU)));
        StepResult second = m.step(new Action.WriteGuestEntry(1, pid, VA + 0x1000, 1, X86Entry.leaf(other, 1, RWU)));
        assertEquals(first.snapshot().counters().totalVmExits(), second.snapshot().counters().totalVmExits(),
                "an out-of-sync page no longer traps");
        assertTrue(m.shadowInvariantViolations(1).isEmpty());
        m.step(new Action.Invlpg(1, VA));
        StepResult after = read(m, VA);
        assertEquals(other, of(after, Translated.class).get(0).gpa());
        assertTrue(m.shadowInvariantViolations(1).isEmpty(), () -> m.shadowInvariantViolations(1).toString());
    }

    @Test
    void shadowTablesLiveInHostFramesMarkedAsShadow() {
        Machine m = new Machine(shadow(4).withMmu(MmuConfig.defaults().withTlb(false)));
        int pid = m.createProcess(1);
        m.mapPage(1, pid, VA, PageSize.SIZE_4K, RWU);
        StepResult r = read(m, VA);
        long root = r.snapshot().vm(1).shadowRoots().values().iterator().next();
        assertEquals(org.memvirt.engine.memory.FrameUse.SHADOW_TABLE,
                r.snapshot().memory().frame((int) (root >>> 12)).use());
        assertEquals(4, r.snapshot().vm(1).writeProtectedGfns().size(), "PML4, PDPT, PD and PT are protected");
    }

    @Test
    void theInvariantCheckerCatchesAShadowEntryThatDisagreesWithTheGuest() {
        Machine m = new Machine(shadow(4));
        int pid = m.createProcess(1);
        m.mapPage(1, pid, VA, PageSize.SIZE_4K, RWU);
        StepResult r = read(m, VA);
        long table = r.snapshot().vm(1).shadowRoots().values().iterator().next();
        for (int level = 4; level > 1; level--) {
            long e = r.snapshot().memory().readWord(table + 8L * org.memvirt.engine.paging.Levels.index(VA, level));
            table = X86Entry.address(e, level);
        }
        long leaf = table + 8L * org.memvirt.engine.paging.Levels.index(VA, 1);
        long spte = m.memory().readWord(leaf);
        assertTrue(m.shadowInvariantViolations(1).isEmpty());
        m.memory().writeWord(leaf, spte + 0x1000);
        assertEquals(1, m.shadowInvariantViolations(1).size(), () -> m.shadowInvariantViolations(1).toString());
    }
}
