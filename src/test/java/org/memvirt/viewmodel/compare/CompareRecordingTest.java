package org.memvirt.viewmodel.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.memvirt.engine.StepResult;
import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.mmu.PagingMode;

/**
 * The three machines against the engine facts (ENGINE-FACTS.md): a native walk reads 4 entries, a
 * nested 4/4 walk 24, a shadow walk 4 after one hidden fault per page; CR3 writes exit under shadow
 * paging only; dropped roots refill, cached roots do not; PTE writes and INVLPG trap under shadow only.
 */
class CompareRecordingTest {

    private static CounterSnapshot end(CompareRecording r, PagingMode m) {
        return r.at(m, r.length());
    }

    private static long exits(CounterSnapshot c, String reason) {
        return c.vmExits().getOrDefault(reason, 0L);
    }

    @ParameterizedTest(name = "{0} distinct pages read once with the TLB off")
    @ValueSource(ints = {1, 4, 16, 100})
    void distinctPageReadsWithTheTlbOff(int n) {
        CompareRecording r = CompareRecording.of(new WorkloadParams(n, n, 0, 0, false, 4));

        assertEquals(n, r.length(), "one step per read");
        assertEquals(4L * n, end(r, PagingMode.NATIVE).walkRefs(), "native: 4 references a walk");
        assertEquals(24L * n, end(r, PagingMode.NESTED).walkRefs(), "nested 4/4: (4+1)(4+1) - 1 = 24 a walk");
        assertEquals(4L * n, end(r, PagingMode.NESTED).guestRefs());
        assertEquals(20L * n, end(r, PagingMode.NESTED).hostRefs());
        CounterSnapshot shadow = end(r, PagingMode.SHADOW);
        assertEquals(n, shadow.hiddenFaults(), "one hidden fault per page touched");
        assertEquals(n, exits(shadow, "EXCEPTION_NMI"), "each hidden fault is a VM exit");
        assertEquals(0, shadow.guestFaults(), "the guest never sees them");
        // The first walk stops at the empty shadow root (1 reference); the walk of each later page
        // reads the shadow PML4, PDPT and PD entries the first fill made and stops at the missing PT
        // entry (4 references); after each fill the retried walk reads all 4.
        assertEquals((1 + 4) + 8L * (n - 1), shadow.walkRefs());
        assertEquals(0, end(r, PagingMode.NESTED).totalVmExits(), "memory is backed up front: no EPT violations");
        assertEquals(0, end(r, PagingMode.NATIVE).totalVmExits());
    }

    @ParameterizedTest(name = "{0} pages, a second round with the TLB off costs shadow exactly 4 a read")
    @ValueSource(ints = {1, 8, 64})
    void onceFilledTheShadowTableCostsFourReferencesAWalk(int n) {
        CompareRecording r = CompareRecording.of(new WorkloadParams(n, 2 * n, 0, 0, false, 4));

        CounterSnapshot firstRound = r.at(PagingMode.SHADOW, n);
        CounterSnapshot secondRound = end(r, PagingMode.SHADOW);
        assertEquals(4L * n, secondRound.walkRefs() - firstRound.walkRefs());
        assertEquals(firstRound.hiddenFaults(), secondRound.hiddenFaults(), "no new hidden faults");
        assertEquals(firstRound.totalVmExits(), secondRound.totalVmExits(), "and no new exits");
        assertEquals(24L * 2 * n, end(r, PagingMode.NESTED).walkRefs());
        assertEquals(4L * 2 * n, end(r, PagingMode.NATIVE).walkRefs());
    }

    @Test
    void withTheTlbOnAWorkingSetThatFitsWalksOncePerPage() {
        CompareRecording r = CompareRecording.of(new WorkloadParams(16, 160, 0, 0, true, 4));

        for (PagingMode m : PagingMode.values()) {
            assertEquals(144, end(r, m).tlbHits(), m + ": 9 rounds of hits after the first");
        }
        assertEquals(16 * 4, end(r, PagingMode.NATIVE).walkRefs());
        assertEquals(16 * 24, end(r, PagingMode.NESTED).walkRefs());
    }

    @ParameterizedTest(name = "ping-pong over {0} pages, {1} root(s)")
    @CsvSource({"4, 1", "4, 4", "8, 1", "8, 4"})
    void contextSwitchesExitUnderShadowPagingOnly(int pages, int roots) {
        int slices = 12;
        CompareRecording r = CompareRecording.of(new WorkloadParams(pages, pages * slices, pages, 0, true, roots));
        long switches = r.trace().steps().stream().filter(s -> s instanceof TraceStep.SwitchProcess).count();
        assertEquals(slices - 1, switches);

        assertEquals(0, exits(end(r, PagingMode.NESTED), "CR_ACCESS"), "CR3 writes do not exit under EPT");
        assertEquals(0, end(r, PagingMode.NESTED).totalVmExits());
        assertEquals(switches, exits(end(r, PagingMode.SHADOW), "CR_ACCESS"), "one CR_ACCESS exit per switch");
        long hidden = end(r, PagingMode.SHADOW).hiddenFaults();
        if (roots == 1) {
            assertEquals((long) pages * slices, hidden, "a dropped root refills every page touched again");
        } else {
            assertEquals(2L * pages, hidden, "each process's first round only; the cached roots survive");
        }
    }

    @Test
    void withOneRootEverySliceRefillsWithFourNoSliceAfterTheFirstRound() {
        int pages = 5;
        CompareRecording one = CompareRecording.of(new WorkloadParams(pages, pages * 6, pages, 0, true, 1));
        CompareRecording four = CompareRecording.of(new WorkloadParams(pages, pages * 6, pages, 0, true, 4));
        // each slice is 1 switch + 5 reads, except the first (5 reads): slice s ends at step 6s - 1 (s from 1)
        for (int slice = 3; slice <= 6; slice++) {
            int endOfSlice = 6 * slice - 1;
            int startOfSlice = endOfSlice - pages;
            long refilled1 = one.at(PagingMode.SHADOW, endOfSlice).hiddenFaults()
                    - one.at(PagingMode.SHADOW, startOfSlice).hiddenFaults();
            long refilled4 = four.at(PagingMode.SHADOW, endOfSlice).hiddenFaults()
                    - four.at(PagingMode.SHADOW, startOfSlice).hiddenFaults();
            assertEquals(pages, refilled1, "slice " + slice + ", 1 root");
            assertEquals(0, refilled4, "slice " + slice + ", 4 roots");
        }
    }

    @Test
    void pteUpdatesTrapUnderShadowPagingOnly() {
        // 8 pages, an update before every 12th read: the first comes after every page was touched once
        CompareRecording r = CompareRecording.of(new WorkloadParams(8, 256, 0, 12, true, 4));
        long updates = r.trace().steps().stream().filter(s -> s instanceof TraceStep.UpdatePte).count();
        assertEquals(21, updates, "one before read 12, 24, ..., 252");

        assertEquals(0, end(r, PagingMode.NESTED).totalVmExits(), "PTE writes and INVLPG do not exit under EPT");
        CounterSnapshot shadow = end(r, PagingMode.SHADOW);
        assertEquals(updates, exits(shadow, "INVLPG"), "INVLPG exits under shadow paging");
        // #PF exits: one per page on first touch, one per trapped PTE write, one refill after each INVLPG
        assertEquals(8 + 2 * updates, exits(shadow, "EXCEPTION_NMI"));
        assertEquals(8 + 2 * updates, shadow.hiddenFaults());
        assertEquals(0, shadow.guestFaults());
    }

    @Test
    void theTraceIsTheSameForAllThreeAndAUpdatedPageIsReadRightAfter() {
        AccessTrace t = AccessTrace.of(new WorkloadParams(4, 12, 3, 4, true, 4));

        assertEquals(List.of(
                new TraceStep.ReadPage(0, 1), new TraceStep.ReadPage(1, 1), new TraceStep.ReadPage(2, 1),
                new TraceStep.SwitchProcess(2), new TraceStep.ReadPage(3, 2),
                new TraceStep.UpdatePte(0, 2, true), new TraceStep.InvalidatePage(0), new TraceStep.ReadPage(0, 2),
                new TraceStep.ReadPage(1, 2),
                new TraceStep.SwitchProcess(1), new TraceStep.ReadPage(2, 1), new TraceStep.ReadPage(3, 1),
                new TraceStep.UpdatePte(0, 1, true), new TraceStep.InvalidatePage(0), new TraceStep.ReadPage(0, 1),
                new TraceStep.SwitchProcess(2), new TraceStep.ReadPage(1, 2), new TraceStep.ReadPage(2, 2),
                new TraceStep.ReadPage(3, 2)), t.steps());
    }

    @Test
    void countingModeCountsWhatRecordingModeCounts() {
        WorkloadParams p = new WorkloadParams(6, 60, 5, 7, true, 2);
        AccessTrace trace = AccessTrace.of(p);
        for (PagingMode m : PagingMode.values()) {
            List<CounterSnapshot> counted = new PagingRun(m, p).play(trace);
            PagingRun recorded = new PagingRun(m, p);
            for (int k = 0; k < trace.size(); k++) {
                StepResult step = recorded.machine().step(recorded.action(trace.step(k)));
                assertEquals(comparable(counted.get(k + 1)), comparable(step.snapshot().counters()),
                        m + " step " + (k + 1));
            }
            assertTrue(recorded.machine().shadowInvariantViolations(m == PagingMode.NATIVE ? 0 : 1).isEmpty());
        }
    }

    /** The counters the Compare screen shows (memory figures are not computed in counting mode). */
    private static List<Object> comparable(CounterSnapshot c) {
        return List.of(c.accesses(), c.walkRefs(), c.guestRefs(), c.hostRefs(), c.shadowRefs(), c.nativeRefs(),
                c.tlbHits(), c.tlbMisses(), c.guestFaults(), c.hiddenFaults(), c.vmExits());
    }

    @Test
    void nothingIsCountedBeforeTheFirstStep() {
        CompareRecording r = CompareRecording.of(Workload.MIXED.params());
        for (PagingMode m : PagingMode.values()) {
            CounterSnapshot c = r.at(m, 0);
            assertEquals(0, c.walkRefs() + c.tlbHits() + c.tlbMisses() + c.hiddenFaults() + c.totalVmExits(),
                    m.label());
        }
    }

    @ParameterizedTest(name = "{0} pages, {1} reads, switch every {2}, update every {3}, TLB {4}, {5} roots")
    @CsvSource({"256, 4096, 1, 1, true, 1", "256, 4096, 0, 0, false, 4", "1, 64, 1, 1, false, 2",
            "256, 512, 128, 3, true, 3"})
    void theKnobsExtremesPlayWithoutFailureAndKeepTheShadowTablesRight(int pages, int reads, int switchEvery,
                                                                       int updateEvery, boolean tlb, int roots) {
        WorkloadParams p = new WorkloadParams(pages, reads, switchEvery, updateEvery, tlb, roots);
        AccessTrace trace = AccessTrace.of(p);
        PagingRun shadow = new PagingRun(PagingMode.SHADOW, p);
        List<CounterSnapshot> rows = shadow.play(trace);

        assertEquals(trace.size() + 1, rows.size());
        assertEquals(reads, rows.get(rows.size() - 1).accesses());
        assertEquals(0, rows.get(rows.size() - 1).guestFaults(), "every page stays mapped: the guest never faults");
        assertTrue(shadow.machine().shadowInvariantViolations(1).isEmpty(),
                () -> shadow.machine().shadowInvariantViolations(1).toString());
        CompareRecording all = CompareRecording.of(p);
        for (PagingMode m : PagingMode.values()) {
            assertEquals(reads, end(all, m).accesses(), m.label());
        }
    }
}
