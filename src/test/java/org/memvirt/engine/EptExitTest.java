package org.memvirt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.memvirt.engine.Rigs.GVA;
import static org.memvirt.engine.Rigs.URW;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.event.EptFill;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.ExitReason;
import org.memvirt.engine.event.FrameAlloc;
import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.VmEntry;
import org.memvirt.engine.event.VmExit;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.MmuConfig;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.PageSize;

/**
 * EPT violations (exit 48) and misconfigurations (exit 49), with the exit qualification of SDM
 * table 28-7: bits 0-2 read/write/fetch, 3-5 the R/W/X the walk allowed, 7 guest linear address
 * valid, 8 set for the final data page and clear for a guest page-table page.
 */
class EptExitTest {
    private static final long READ = 1;
    private static final long WRITE = 1 << 1;
    private static final long FETCH = 1 << 2;
    private static final long LINEAR_VALID = 1 << 7;
    private static final long FINAL_PAGE = 1 << 8;
    private static final long WB = (long) EptEntry.MEMTYPE_WB << EptEntry.MEMTYPE_SHIFT;

    private static long allowed(long rwx) {
        return rwx << 3;
    }

    private static StepResult access(Machine m, long gva, AccessKind kind) {
        return m.step(new Action.Access(1, gva, kind, Privilege.USER, 0x1234_5678L));
    }

    private static Machine machine(boolean demandPaging, boolean eptAccessDirty) {
        return new Machine(Rigs.nested(4, 4, PageSize.SIZE_4K).withDemandPaging(demandPaging)
                .withEptAccessDirty(eptAccessDirty));
    }

    // ---- demand paging: the first touch of an unbacked data page ----

    @ParameterizedTest(name = "{0}")
    @CsvSource({"READ,1", "WRITE,2", "FETCH,4"})
    void firstTouchOfUnbackedPageExitsFillsAndRetries(AccessKind kind, long accessBit) {
        Machine m = machine(true, false);
        int pid = m.createProcess(1);
        long gpa = m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);

        StepResult r = access(m, GVA + 0x40, kind);

        VmExit exit = Rigs.only(r, VmExit.class);
        assertEquals(ExitReason.EPT_VIOLATION, exit.reason());
        assertEquals(48, exit.reason().code());
        assertEquals(gpa + 0x40, exit.gpa());
        assertEquals(GVA + 0x40, exit.gva());
        assertEquals(accessBit | allowed(0) | LINEAR_VALID | FINAL_PAGE, exit.qualification(),
                () -> "qualification 0x" + Long.toHexString(exit.qualification()));
        EptFill fill = Rigs.only(r, EptFill.class);
        assertEquals(gpa, fill.gpa());
        Translated t = Rigs.only(r, Translated.class);
        assertEquals(fill.hpa() + 0x40, t.hpa());
        assertEquals(24, t.references(), "the retried walk is a whole walk");

        // Order: the failed walk, the exit, the fill, the entry, the retried walk, the result.
        List<Event> events = r.events();
        int exitAt = events.indexOf(exit);
        int fillAt = events.indexOf(fill);
        int entryAt = events.indexOf(Rigs.only(r, VmEntry.class));
        assertTrue(events.subList(0, exitAt).stream().allMatch(e -> e instanceof WalkStep), Rigs.describe(r));
        assertEquals(24, exitAt, "20 references for the tables, then the 4 of the data GPA's EPT walk");
        assertTrue(exitAt < events.indexOf(Rigs.only(r, FrameAlloc.class)));
        assertTrue(exitAt < fillAt && fillAt < entryAt, Rigs.describe(r));
        // The result ends the step (a store's GuestWrite follows it).
        assertEquals(events.size() - (kind == AccessKind.WRITE ? 2 : 1), events.indexOf(t), Rigs.describe(r));
        WalkStep failed = (WalkStep) events.get(exitAt - 1);
        assertEquals(1, failed.level());
        assertEquals(0, failed.forGuestLevel());
        assertFalse(failed.present());

        CounterSnapshot c = r.snapshot().counters();
        assertEquals(1, c.hiddenFaults());
        assertEquals(Map.of("EPT_VIOLATION", 1L), c.vmExits());
        assertEquals(0, c.guestFaults());
        assertEquals(48, c.walkRefs());
        assertTrue(Rigs.events(r, GuestPageFault.class).isEmpty());

        StepResult again = access(m, GVA + 0x48, kind);
        assertTrue(Rigs.events(again, VmExit.class).isEmpty(), "backed now");
        assertEquals(fill.hpa() + 0x48, Rigs.only(again, Translated.class).hpa());
    }

    /**
     * The guest kernel points a PDE at a page of its RAM nobody has touched, to use as its PT.
     * Locating that table is the first touch: an EPT violation on a guest paging-structure access
     * (bit 8 clear), served by demand paging unseen; the retried walk then reads the new, zeroed
     * PT and the guest gets its own not-present fault.
     */
    @Test
    void firstTouchOfUnbackedGuestTablePageIsDemandPagedWithBit8Clear() {
        Machine m = machine(true, false);
        int pid = m.createProcess(1);
        m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        long freshTable = 512L << 20;
        m.step(new Action.WriteGuestEntry(1, pid, GVA, 2, freshTable | URW));

        StepResult r = access(m, GVA, AccessKind.READ);

        VmExit exit = Rigs.only(r, VmExit.class);
        assertEquals(ExitReason.EPT_VIOLATION, exit.reason());
        assertEquals(freshTable, exit.gpa(), "the table's own address, not the data's");
        assertEquals(READ | allowed(0) | LINEAR_VALID, exit.qualification(),
                () -> "qualification 0x" + Long.toHexString(exit.qualification()));
        WalkStep failed = (WalkStep) r.events().get(r.events().indexOf(exit) - 1);
        assertEquals(1, failed.forGuestLevel(), "the host walk that failed was locating the guest PT");
        assertEquals(freshTable, Rigs.only(r, EptFill.class).gpa());
        GuestPageFault fault = Rigs.only(r, GuestPageFault.class);
        assertEquals(0b100, fault.errorCode());
        assertTrue(r.events().indexOf(fault) > r.events().indexOf(Rigs.only(r, VmEntry.class)));
        CounterSnapshot c = r.snapshot().counters();
        assertEquals(1, c.hiddenFaults());
        assertEquals(1, c.guestFaults());
        assertEquals(Map.of("EPT_VIOLATION", 1L), c.vmExits());
    }

    // ---- the hypervisor takes rights away with WriteEptEntry ----

    /** The GPA of the guest table at {@code level} on the path of {@link Rigs#GVA}. */
    private static long guestTableGpa(Machine m, int level) {
        return Rigs.nestedWalk(m, GVA).refs().stream()
                .filter(ref -> ref.dimension().equals("GUEST") && ref.level() == level)
                .findFirst().orElseThrow().table();
    }

    private static long hpaOf(Machine m, long gpa) {
        MachineSnapshot s = m.snapshot();
        return new ReferenceWalker(s.memory()).eptTranslate(s.vm(1).eptRoot(), 4, gpa);
    }

    @ParameterizedTest(name = "guest level {0} table")
    @CsvSource({"4", "3", "2", "1"})
    void notPresentGuestTablePageIsViolationWithBit8Clear(int level) {
        Machine m = machine(false, false);
        int pid = m.createProcess(1);
        m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        long table = guestTableGpa(m, level);
        m.step(new Action.WriteEptEntry(1, table, 1, 0));

        StepResult r = access(m, GVA, AccessKind.READ);

        VmExit exit = Rigs.events(r, VmExit.class).get(0);
        assertEquals(ExitReason.EPT_VIOLATION, exit.reason());
        assertEquals(table, exit.gpa());
        assertEquals(GVA, exit.gva());
        assertEquals(READ | allowed(0) | LINEAR_VALID, exit.qualification(),
                () -> "qualification 0x" + Long.toHexString(exit.qualification()));
        assertEquals(0, exit.qualification() & FINAL_PAGE, "a guest page-table page, not the final page");
        int before = r.events().indexOf(exit);
        assertEquals((4 - level) * 5 + 4, before, "the walk stops at the host walk of that table");
        WalkStep failed = (WalkStep) r.events().get(before - 1);
        assertEquals(level, failed.forGuestLevel());
        assertFalse(failed.present());
    }

    @Test
    void readOnlyDataPageDeniesWrite() {
        Machine m = machine(false, false);
        int pid = m.createProcess(1);
        long gpa = m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        long hpa = hpaOf(m, gpa);
        m.step(new Action.WriteEptEntry(1, gpa, 1, hpa | EptEntry.R | EptEntry.X | WB));

        StepResult r = access(m, GVA + 0x10, AccessKind.WRITE);

        VmExit exit = Rigs.only(r, VmExit.class);
        assertEquals(ExitReason.EPT_VIOLATION, exit.reason());
        assertEquals(WRITE | allowed(EptEntry.R | EptEntry.X) | LINEAR_VALID | FINAL_PAGE, exit.qualification(),
                () -> "qualification 0x" + Long.toHexString(exit.qualification()));
        assertTrue(Rigs.events(r, Translated.class).isEmpty(), "the hypervisor keeps the page read-only");
        assertEquals(0, m.snapshot().memory().readWord(hpa + 0x10), "the store did not happen");
        assertEquals(0, r.snapshot().counters().hiddenFaults());
        assertEquals(Map.of("EPT_VIOLATION", 1L), r.snapshot().counters().vmExits());

        StepResult read = access(m, GVA + 0x10, AccessKind.READ);
        assertEquals(hpa + 0x10, Rigs.only(read, Translated.class).hpa(), "reads are still allowed");
    }

    @Test
    void fetchFromNonExecutableDataPageIsViolation() {
        Machine m = machine(false, false);
        int pid = m.createProcess(1);
        long gpa = m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        long hpa = hpaOf(m, gpa);
        m.step(new Action.WriteEptEntry(1, gpa, 1, hpa | EptEntry.R | EptEntry.W | WB));

        VmExit exit = Rigs.only(access(m, GVA, AccessKind.FETCH), VmExit.class);
        assertEquals(FETCH | allowed(EptEntry.R | EptEntry.W) | LINEAR_VALID | FINAL_PAGE, exit.qualification(),
                () -> "qualification 0x" + Long.toHexString(exit.qualification()));
    }

    @Test
    void allowedRightsAreTheIntersectionAlongTheEptPath() {
        Machine m = machine(false, false);
        int pid = m.createProcess(1);
        long gpa = m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        MachineSnapshot s = m.snapshot();
        ReferenceWalker model = new ReferenceWalker(s.memory());
        long pde = s.memory().readWord(model.eptEntryAddress(s.vm(1).eptRoot(), 4, gpa, 2));
        // The EPT PDE allows R-X; the leaf still says RWX. Guest tables live in the same 2 MiB region,
        // so reads of them (no EPT A/D) still pass, but the data write must not.
        m.step(new Action.WriteEptEntry(1, gpa, 2, pde & ~EptEntry.W));

        VmExit exit = Rigs.only(access(m, GVA, AccessKind.WRITE), VmExit.class);
        assertEquals(WRITE | allowed(EptEntry.R | EptEntry.X) | LINEAR_VALID | FINAL_PAGE, exit.qualification(),
                () -> "qualification 0x" + Long.toHexString(exit.qualification()));
    }

    /**
     * With EPT A/D on, the CPU's accesses to guest paging structures count as writes (it may set
     * their A/D flags), so a read-only guest table page causes a violation even on a guest read,
     * and the qualification sets both bit 0 and bit 1 (SDM table 28-7, note 1; KVM's nested EPT
     * walker reports PFERR_WRITE|PFERR_USER, i.e. ACC_WRITE|ACC_READ, for these accesses).
     */
    @Test
    void eptAccessDirtyMakesGuestTableReadsWrites() {
        Machine m = machine(false, true);
        int pid = m.createProcess(1);
        m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        long pt = guestTableGpa(m, 1);
        long ptHpa = hpaOf(m, pt);
        m.step(new Action.WriteEptEntry(1, pt, 1, ptHpa | EptEntry.R | EptEntry.X | WB));

        VmExit exit = Rigs.only(access(m, GVA, AccessKind.READ), VmExit.class);
        assertEquals(pt, exit.gpa());
        assertEquals(READ | WRITE | allowed(EptEntry.R | EptEntry.X) | LINEAR_VALID, exit.qualification(),
                () -> "qualification 0x" + Long.toHexString(exit.qualification()));
    }

    @Test
    void withoutEptAccessDirtyReadOnlyGuestTablesCanBeRead() {
        Machine m = machine(false, false);
        int pid = m.createProcess(1);
        long gpa = m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        // A was set by a first walk, so no A update has to be written into the page.
        access(m, GVA, AccessKind.READ);
        long pt = guestTableGpa(m, 1);
        m.step(new Action.WriteEptEntry(1, pt, 1, hpaOf(m, pt) | EptEntry.R | WB));

        StepResult r = access(m, GVA, AccessKind.READ);
        assertTrue(Rigs.events(r, VmExit.class).isEmpty(), Rigs.describe(r));
        assertEquals(gpa, Rigs.only(r, Translated.class).gpa());
    }

    // ---- misconfigurations ----

    @ParameterizedTest(name = "RWX {0}")
    @CsvSource({"2", "6"})
    void writeWithoutReadIsMisconfiguration(int rwx) {
        Machine m = machine(false, false);
        int pid = m.createProcess(1);
        long gpa = m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        long hpa = hpaOf(m, gpa);
        m.step(new Action.WriteEptEntry(1, gpa, 1, hpa | rwx | WB));

        StepResult r = access(m, GVA + 8, AccessKind.READ);

        assertMisconfig(r, gpa + 8);
    }

    @ParameterizedTest(name = "memory type {0}")
    @CsvSource({"2", "3", "7"})
    void reservedMemoryTypeIsMisconfiguration(int type) {
        Machine m = machine(false, false);
        int pid = m.createProcess(1);
        long gpa = m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        long hpa = hpaOf(m, gpa);
        m.step(new Action.WriteEptEntry(1, gpa, 1, hpa | EptEntry.RWX | ((long) type << EptEntry.MEMTYPE_SHIFT)));

        assertMisconfig(access(m, GVA, AccessKind.WRITE), gpa);
    }

    @ParameterizedTest(name = "memory type {0}")
    @CsvSource({"0", "1", "4", "5", "6"})
    void validMemoryTypesTranslate(int type) {
        Machine m = machine(false, false);
        int pid = m.createProcess(1);
        long gpa = m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        long hpa = hpaOf(m, gpa);
        m.step(new Action.WriteEptEntry(1, gpa, 1, hpa | EptEntry.RWX | ((long) type << EptEntry.MEMTYPE_SHIFT)));

        StepResult r = access(m, GVA, AccessKind.READ);
        assertEquals(hpa, Rigs.only(r, Translated.class).hpa(), Rigs.describe(r));
    }

    @Test
    void misconfiguredGuestTablePageExitsAt49() {
        Machine m = machine(false, false);
        int pid = m.createProcess(1);
        m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        long pd = guestTableGpa(m, 2);
        m.step(new Action.WriteEptEntry(1, pd, 1, hpaOf(m, pd) | EptEntry.W | EptEntry.X | WB));

        assertMisconfig(access(m, GVA, AccessKind.READ), pd);
    }

    @Test
    void reservedBitsInNonLeafEptEntryAreMisconfiguration() {
        Machine m = machine(false, false);
        int pid = m.createProcess(1);
        long gpa = m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        MachineSnapshot s = m.snapshot();
        long pdeAddress = new ReferenceWalker(s.memory()).eptEntryAddress(s.vm(1).eptRoot(), 4, gpa, 2);
        long pde = s.memory().readWord(pdeAddress);
        m.step(new Action.WriteEptEntry(1, gpa, 2, pde | WB));

        assertMisconfig(access(m, GVA, AccessKind.READ), -1);
    }

    private static void assertMisconfig(StepResult r, long gpa) {
        VmExit exit = Rigs.only(r, VmExit.class);
        assertEquals(ExitReason.EPT_MISCONFIG, exit.reason());
        assertEquals(49, exit.reason().code());
        if (gpa >= 0) {
            assertEquals(gpa, exit.gpa());
        }
        assertNotNull(exit.detail());
        assertTrue(Rigs.events(r, Translated.class).isEmpty());
        assertTrue(Rigs.events(r, GuestPageFault.class).isEmpty());
        assertEquals(1, Rigs.events(r, VmEntry.class).size());
        CounterSnapshot c = r.snapshot().counters();
        assertEquals(Map.of("EPT_MISCONFIG", 1L), c.vmExits());
        assertEquals(0, c.hiddenFaults());
        assertEquals(0, c.guestFaults());
    }

    // ---- EPT accessed and dirty flags ----

    @Test
    void eptAccessedAndDirtyFlagsAreSetOnlyWhenEnabled() {
        for (boolean enabled : new boolean[] {false, true}) {
            Machine m = machine(false, enabled);
            int pid = m.createProcess(1);
            long gpa = m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
            MachineSnapshot s = m.snapshot();
            long leaf = new ReferenceWalker(s.memory()).eptEntryAddress(s.vm(1).eptRoot(), 4, gpa, 1);

            access(m, GVA, AccessKind.READ);
            long afterRead = m.snapshot().memory().readWord(leaf);
            access(m, GVA, AccessKind.WRITE);
            long afterWrite = m.snapshot().memory().readWord(leaf);

            assertEquals(enabled, (afterRead & EptEntry.ACCESSED) != 0, "A after read, A/D " + enabled);
            assertFalse((afterRead & EptEntry.DIRTY) != 0, "D after read, A/D " + enabled);
            assertEquals(enabled, (afterWrite & EptEntry.DIRTY) != 0, "D after write, A/D " + enabled);
        }
    }

    /**
     * A write must set the EPT dirty flag even when a cached GPA translation (the nested TLB)
     * was filled by an earlier read: like a TLB entry that does not record the dirty flag, the
     * cached translation cannot be used to complete a write that has to set it.
     */
    @Test
    void nestedTlbDoesNotHideTheEptDirtyFlag() {
        Machine m = new Machine(Rigs.nested(4, 4, PageSize.SIZE_4K).withEptAccessDirty(true)
                .withMmu(MmuConfig.defaults().withTlb(false).withWalkCache(true)));
        int pid = m.createProcess(1);
        long gpa = m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        MachineSnapshot s = m.snapshot();
        long leaf = new ReferenceWalker(s.memory()).eptEntryAddress(s.vm(1).eptRoot(), 4, gpa, 1);

        access(m, GVA, AccessKind.READ);
        assertEquals(0, m.snapshot().memory().readWord(leaf) & EptEntry.DIRTY);
        access(m, GVA, AccessKind.WRITE);

        assertEquals(EptEntry.DIRTY, m.snapshot().memory().readWord(leaf) & EptEntry.DIRTY,
                "the data page's EPT leaf must be dirty after a guest store");
    }
}
