package org.memvirt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.memvirt.engine.Rigs.GVA;
import static org.memvirt.engine.Rigs.URW;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.event.FaultVisibility;
import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.VmEntry;
import org.memvirt.engine.event.VmExit;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;

/**
 * Guest page faults under EPT: the #PF error code (P 0, W/R 1, U/S 2, RSVD 3, I/D 4), CR2, and
 * delivery straight to the guest with no VM exit (ENGINE-FACTS "Faults and exits").
 */
class GuestPageFaultTest {
    private static final long MAPPED = GVA;
    /** Same PT as {@link #MAPPED}, never mapped: the PTE itself is not present. */
    private static final long UNMAPPED = GVA + 0x5000;

    private Machine machine;
    private int pid;

    private StepResult access(long gva, AccessKind kind, Privilege privilege) {
        return machine.step(new Action.Access(1, gva, kind, privilege, 0x5EED));
    }

    private void mapWith(long flags) {
        machine = new Machine(Rigs.nested(4, 4, PageSize.SIZE_4K));
        pid = machine.createProcess(1);
        machine.mapPage(1, pid, MAPPED, PageSize.SIZE_4K, flags);
    }

    /** Asserts one delivered fault with that error code and no exit, and returns it. */
    private static GuestPageFault deliveredFault(StepResult r, long gva, int errorCode) {
        GuestPageFault f = Rigs.only(r, GuestPageFault.class);
        assertEquals(errorCode, f.errorCode(), () -> "error code 0b" + Integer.toBinaryString(f.errorCode())
                + " (" + f.reason() + ")");
        assertEquals(gva, f.cr2(), "CR2 holds the faulting linear address");
        assertEquals(FaultVisibility.DELIVERED, f.visibility());
        assertTrue(Rigs.events(r, VmExit.class).isEmpty(), "under EPT a guest #PF causes no VM exit: "
                + Rigs.describe(r));
        assertTrue(Rigs.events(r, VmEntry.class).isEmpty());
        assertTrue(Rigs.events(r, Translated.class).isEmpty());
        CounterSnapshot c = r.snapshot().counters();
        assertEquals(1, c.guestFaults());
        assertEquals(0, c.hiddenFaults());
        assertEquals(0, c.totalVmExits());
        return f;
    }

    @Test
    void notPresentUserWriteIs0b110() {
        mapWith(URW);
        StepResult r = access(UNMAPPED + 0x18, AccessKind.WRITE, Privilege.USER);
        deliveredFault(r, UNMAPPED + 0x18, 0b110);
        // The walk reached the PT and found its entry not present: 4 guest entries, 4 host walks.
        WalkStep last = Rigs.events(r, WalkStep.class).get(19);
        assertEquals(1, last.level());
        assertFalse(last.present());
        assertEquals(20, r.snapshot().counters().walkRefs());
    }

    @Test
    void userWriteToReadOnlyPageIs0b111() {
        mapWith(X86Entry.P | X86Entry.US);
        deliveredFault(access(MAPPED + 8, AccessKind.WRITE, Privilege.USER), MAPPED + 8, 0b111);
    }

    @Test
    void kernelReadOfNonPresentPageIs0() {
        mapWith(URW);
        deliveredFault(access(UNMAPPED, AccessKind.READ, Privilege.SUPERVISOR), UNMAPPED, 0);
    }

    @Test
    void notPresentAtAnUpperLevelIsStillNotPresent() {
        mapWith(URW);
        long elsewhere = 0x0000_1234_5678_9000L; // different PML4 entry: the walk stops after one guest read
        StepResult r = access(elsewhere, AccessKind.READ, Privilege.USER);
        deliveredFault(r, elsewhere, 0b100);
        assertEquals(5, r.snapshot().counters().walkRefs(), "CR3's host walk and the PML4E read");
    }

    @Test
    void userReadOfSupervisorPageIs0b101() {
        mapWith(X86Entry.P | X86Entry.RW);
        deliveredFault(access(MAPPED, AccessKind.READ, Privilege.USER), MAPPED, 0b101);
    }

    @Test
    void kernelWriteToReadOnlyPageIs0b011() {
        mapWith(X86Entry.P | X86Entry.US);
        deliveredFault(access(MAPPED, AccessKind.WRITE, Privilege.SUPERVISOR), MAPPED, 0b011);
    }

    @Test
    void fetchFromNoExecutePageSetsInstructionFetchBit() {
        mapWith(URW | X86Entry.NX);
        GuestPageFault f = deliveredFault(access(MAPPED, AccessKind.FETCH, Privilege.USER), MAPPED,
                GuestPageFault.P | GuestPageFault.US | GuestPageFault.ID);
        assertEquals(0b10101, f.errorCode());
    }

    @Test
    void fetchFromExecutablePageSucceeds() {
        mapWith(URW);
        StepResult r = access(MAPPED, AccessKind.FETCH, Privilege.USER);
        assertEquals(1, Rigs.events(r, Translated.class).size(), Rigs.describe(r));
    }

    /** A frame address bit above MAXPHYADDR (46) is reserved: a RSVD fault, which always has P set. */
    @ParameterizedTest(name = "bit {0} at level {1}")
    @CsvSource({"51,1", "46,1", "50,2", "47,4"})
    void reservedBitIsRsvdFault(int bit, int level) {
        mapWith(URW);
        long entry = machine.snapshot().memory().readWord(entryHpa(level));
        machine.step(new Action.WriteGuestEntry(1, pid, MAPPED, level, entry | (1L << bit)));
        StepResult r = access(MAPPED + 0x30, AccessKind.READ, Privilege.USER);
        deliveredFault(r, MAPPED + 0x30, GuestPageFault.P | GuestPageFault.RSVD | GuestPageFault.US);
    }

    @Test
    void pageSizeBitInPml4EntryIsReserved() {
        mapWith(URW);
        long entry = machine.snapshot().memory().readWord(entryHpa(4));
        machine.step(new Action.WriteGuestEntry(1, pid, MAPPED, 4, entry | X86Entry.PS));
        StepResult r = access(MAPPED, AccessKind.WRITE, Privilege.SUPERVISOR);
        deliveredFault(r, MAPPED, GuestPageFault.P | GuestPageFault.WR | GuestPageFault.RSVD);
    }

    @Test
    void rightsAreTheIntersectionOverAllLevels() {
        mapWith(URW);
        // Clear U/S in the PDE only: the leaf says user, the path does not.
        long pde = machine.snapshot().memory().readWord(entryHpa(2));
        machine.step(new Action.WriteGuestEntry(1, pid, MAPPED, 2, pde & ~X86Entry.US));
        deliveredFault(access(MAPPED, AccessKind.READ, Privilege.USER), MAPPED, 0b101);
    }

    @Test
    void nativeFaultHasTheSameErrorCode() {
        machine = new Machine(Rigs.flat(4));
        pid = machine.createProcess(0);
        machine.mapPage(0, pid, MAPPED, PageSize.SIZE_4K, X86Entry.P | X86Entry.US);
        StepResult r = machine.step(new Action.Access(0, MAPPED, AccessKind.WRITE, Privilege.USER, 1));
        GuestPageFault f = Rigs.only(r, GuestPageFault.class);
        assertEquals(0b111, f.errorCode());
        assertEquals(PagingMode.NATIVE, r.snapshot().config().mode());
    }

    /** The host address of the guest entry at {@code level} on the path of {@link #MAPPED}, found by the model. */
    private long entryHpa(int level) {
        MachineSnapshot s = machine.snapshot();
        ReferenceWalker model = new ReferenceWalker(s.memory());
        ReferenceWalker.Walk w = model.nested(s.vm(1).cr3(), 4, s.vm(1).eptRoot(), 4, MAPPED);
        ReferenceWalker.Ref guestRef = w.refs().stream()
                .filter(ref -> ref.dimension().equals("GUEST") && ref.level() == level).findFirst().orElseThrow();
        long tableHpa = model.eptTranslate(s.vm(1).eptRoot(), 4, guestRef.table());
        return tableHpa + 8L * guestRef.index();
    }
}
