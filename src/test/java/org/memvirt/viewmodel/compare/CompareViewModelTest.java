package org.memvirt.viewmodel.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.mmu.PagingMode;

/** The Compare screen's state and commands, without the toolkit (given / when / then). */
class CompareViewModelTest {
    private CompareViewModel vm;

    @BeforeEach
    void givenTheDefaultScreen() {
        vm = new CompareViewModel(Workload.TLB_SCAN, Runnable::run, Runnable::run);
    }

    /** One column as the view shows it. */
    private record ShownColumn(String refs, String detail, String perMiss, String tlb, String exits, String reasons,
                               String hidden, String cycles, String versusNative, String costSplit,
                               String lastStep, double refShare,
                               double exitShare) {
    }

    /** Everything the view shows, as one comparable value. */
    private record Shown(int position, String positionText, String counter, String verdict, List<ShownColumn> columns,
                         boolean canBack, boolean canForward) {
    }

    private Shown shown() {
        return new Shown(vm.positionProperty().get(), vm.positionTextProperty().get(), vm.stepCounterProperty().get(),
                vm.verdictProperty().get(), vm.columns().stream().map(c -> new ShownColumn(
                        c.referencesTextProperty().get(), c.referencesDetailProperty().get(),
                        c.perMissTextProperty().get(), c.tlbTextProperty().get(), c.exitsTextProperty().get(),
                        c.exitReasonsProperty().get(), c.hiddenFaultsTextProperty().get(),
                        c.cyclesTextProperty().get(), c.versusNativeProperty().get(), c.costSplitProperty().get(),
                        c.lastStepProperty().get(),
                        c.referenceShareProperty().get(), c.exitShareProperty().get())).toList(),
                vm.canStepBackBinding().get(), vm.canStepForwardBinding().get());
    }

    private static int steps(CompareViewModel v) {
        return v.lengthProperty().get();
    }

    @Test
    void atTheStartNothingHasMovedAndOnlyForwardApplies() {
        assertEquals(Workload.TLB_SCAN, vm.workload().workloadProperty().get());
        assertEquals(0, vm.positionProperty().get());
        assertEquals(2048, steps(vm), "128 pages, 2,048 reads, nothing else");
        assertFalse(vm.canStepBackBinding().get());
        assertTrue(vm.canStepForwardBinding().get());
        assertTrue(vm.canPlayBinding().get());
        assertEquals("0 / 2,048", vm.stepCounterProperty().get());
        assertTrue(vm.verdictProperty().get().startsWith("Press Play or Step"), vm.verdictProperty().get());
        for (ColumnViewModel c : vm.columns()) {
            assertEquals("0", c.referencesTextProperty().get());
            assertEquals("0", c.exitsTextProperty().get());
            assertEquals("nothing yet", c.lastStepProperty().get());
        }
    }

    @Test
    void theFirstStepIsOneReadThatCostsEachMachineItsOwnWalk() {
        vm.stepForward();

        assertEquals("Step 1 of 2,048: process 1 reads page 0 (0x0000_4000_0000_0010).",
                vm.positionTextProperty().get());
        assertEquals("+4 refs, TLB miss", vm.column(PagingMode.NATIVE).lastStepProperty().get());
        assertEquals("+24 refs, TLB miss", vm.column(PagingMode.NESTED).lastStepProperty().get());
        assertEquals("guest 4 + EPT 20", vm.column(PagingMode.NESTED).referencesDetailProperty().get());
        // the empty shadow root: 1 reference, a hidden fault (a #PF exit), then the 4-reference walk
        assertEquals("+5 refs, 2 TLB misses, 1 VM exit (#PF, EXCEPTION_NMI), 1 hidden fault",
                vm.column(PagingMode.SHADOW).lastStepProperty().get());
        assertEquals("1 × #PF, EXCEPTION_NMI", vm.column(PagingMode.SHADOW).exitReasonsProperty().get());
        assertEquals("none", vm.column(PagingMode.NESTED).exitReasonsProperty().get());
    }

    @ParameterizedTest(name = "forward {0} then back {0} shows the start again")
    @ValueSource(ints = {1, 2, 7, 129, 500})
    void forwardThenBackReturnsTheSameState(int k) {
        Shown before = shown();
        for (int i = 0; i < k; i++) {
            vm.stepForward();
        }
        for (int i = 0; i < k; i++) {
            vm.stepBack();
        }

        assertEquals(before, shown());
    }

    @ParameterizedTest(name = "{0}: from {1}, forward {2} then back {2}")
    @CsvSource({"CONTEXT_SWITCH, 3, 10", "PT_CHURN, 100, 17", "MIXED, 700, 64"})
    void forwardThenBackFromTheMiddle(Workload w, int from, int k) {
        vm.workload().workloadProperty().set(w);
        vm.goTo(from);
        Shown before = shown();
        for (int i = 0; i < k; i++) {
            vm.stepForward();
        }
        Shown ahead = shown();
        for (int i = 0; i < k; i++) {
            vm.stepBack();
        }

        assertEquals(before, shown());
        vm.goTo(from + k);
        assertEquals(ahead, shown(), "jumping lands where stepping did");
    }

    @ParameterizedTest(name = "{0}: the columns at the end are the machines' counters")
    @EnumSource(Workload.class)
    void theColumnsShowTheMachinesCounters(Workload w) {
        vm.workload().workloadProperty().set(w);
        vm.toEnd();

        CompareRecording r = vm.recordingProperty().get();
        CostModel costs = vm.costsProperty().get();
        for (ColumnViewModel c : vm.columns()) {
            CounterSnapshot end = r.at(c.mode(), r.length());
            assertEquals(end.walkRefs(), c.referencesProperty().get());
            assertEquals(end.totalVmExits(), c.exitsProperty().get());
            assertEquals(end.hiddenFaults(), c.hiddenFaultsProperty().get());
            assertEquals(end.walkRefs() * 12 + end.totalVmExits() * 1500, c.cyclesProperty().get(),
                    "the default assumption: 12 cycles a reference, 1,500 an exit");
            assertEquals(costs.cycles(end), c.cyclesProperty().get());
        }
        assertEquals(0, vm.column(PagingMode.NESTED).exitsProperty().get(), "no exits under EPT in any workload");
        assertEquals(0, vm.column(PagingMode.NATIVE).exitsProperty().get());
        assertFalse(vm.canStepForwardBinding().get());
    }

    @ParameterizedTest(name = "{0}: the verdict at the end names {1}")
    @CsvSource({"TLB_SCAN, shadow paging is 50 % cheaper", "CONTEXT_SWITCH, nested paging is 34 % cheaper",
            "PT_CHURN, nested paging is 16× cheaper", "MIXED, nested paging is 29 % cheaper"})
    void eachWorkloadShowsItsSideOfTheTradeOff(Workload w, String expected) {
        vm.workload().workloadProperty().set(w);
        vm.toEnd();

        assertTrue(vm.verdictProperty().get().startsWith("Over the whole trace, "), vm.verdictProperty().get());
        assertTrue(vm.verdictProperty().get().contains(expected), vm.verdictProperty().get());
    }

    @Test
    void theScanVerdictInFull() {
        vm.toEnd();

        assertEquals("Over the whole trace, shadow paging made 5.6× fewer walk references than nested paging "
                + "(8,701 vs 49,152) but took 128 VM exits to nested paging's 0, so at the assumed costs shadow paging "
                + "is 50 % cheaper (296,412 vs 589,824 cycles).", vm.verdictProperty().get());
    }

    @Test
    void dearerReferencesTipTheMixedWorkloadTowardsShadowPaging() {
        vm.workload().workloadProperty().set(Workload.MIXED);
        vm.toEnd();
        CompareRecording before = vm.recordingProperty().get();
        assertTrue(vm.verdictProperty().get().contains("nested paging is"), vm.verdictProperty().get());

        vm.cyclesPerReferenceProperty().set(40);

        assertSame(before, vm.recordingProperty().get(), "a cost assumption re-simulates nothing");
        assertEquals(steps(vm), vm.positionProperty().get(), "and keeps the position");
        assertTrue(vm.verdictProperty().get().contains("shadow paging is"), vm.verdictProperty().get());
        assertTrue(vm.assumptionProperty().get().contains("1 walk reference ≈ 40 cycles (an L3 hit)"),
                vm.assumptionProperty().get());
        CounterSnapshot shadow = before.at(PagingMode.SHADOW, before.length());
        assertEquals(shadow.walkRefs() * 40 + shadow.totalVmExits() * 1500,
                vm.column(PagingMode.SHADOW).cyclesProperty().get());
    }

    @Test
    void cheaperExitsHelpShadowPaging() {
        vm.workload().workloadProperty().set(Workload.CONTEXT_SWITCH);
        vm.toEnd();
        vm.cyclesPerExitProperty().set(500);

        CounterSnapshot shadow = vm.recordingProperty().get().at(PagingMode.SHADOW, steps(vm));
        assertEquals(shadow.walkRefs() * 12 + shadow.totalVmExits() * 500,
                vm.column(PagingMode.SHADOW).cyclesProperty().get());
        assertTrue(vm.verdictProperty().get().contains("shadow paging is"), vm.verdictProperty().get());
    }

    @Test
    void pickingAWorkloadSetsEveryKnobAndMovingOneMarksItTuned() {
        vm.workload().workloadProperty().set(Workload.CONTEXT_SWITCH);

        assertEquals(4, vm.workload().pagesProperty().get());
        assertEquals(4, vm.workload().switchEveryProperty().get());
        assertEquals(0, vm.workload().updateEveryProperty().get());
        assertFalse(vm.workload().tunedProperty().get());
        assertEquals(Workload.CONTEXT_SWITCH.params(), vm.workload().getParams());

        vm.workload().shadowRootsProperty().set(1);

        assertTrue(vm.workload().tunedProperty().get());
        assertEquals(1, vm.workload().getParams().shadowRoots());

        vm.workload().restore();

        assertFalse(vm.workload().tunedProperty().get());
        assertEquals(4, vm.workload().shadowRootsProperty().get());
    }

    @Test
    void oneShadowRootRefillsAfterEverySwitch() {
        vm.workload().workloadProperty().set(Workload.CONTEXT_SWITCH);
        vm.toEnd();
        long cachedRoots = vm.column(PagingMode.SHADOW).hiddenFaultsProperty().get();

        vm.workload().shadowRootsProperty().set(1);

        assertEquals(8, cachedRoots, "4 pages, first touched by each of 2 processes");
        assertEquals(1024, vm.column(PagingMode.SHADOW).hiddenFaultsProperty().get(), "every read refills");
        assertEquals(steps(vm), vm.positionProperty().get(), "a new trace opens at its end when the old one was played");
    }

    @Test
    void aNewTraceOpensAtTheStartWhenTheOldOneWasThere() {
        vm.workload().pagesProperty().set(32);

        assertEquals(0, vm.positionProperty().get());
        assertEquals(2048, steps(vm));
        assertTrue(vm.workload().tunedProperty().get());
    }

    @Test
    void turningTheTlbOffMakesEveryReadAWalk() {
        vm.workload().pagesProperty().set(8);
        vm.workload().accessesProperty().set(64);
        vm.workload().tlbProperty().set(false);
        vm.toEnd();

        assertEquals("TLB off: 64 walks", vm.column(PagingMode.NATIVE).tlbTextProperty().get());
        assertEquals(64 * 4, vm.column(PagingMode.NATIVE).referencesProperty().get());
        assertEquals(64 * 24, vm.column(PagingMode.NESTED).referencesProperty().get());
        assertEquals("24.0 per walk (TLB miss)", vm.column(PagingMode.NESTED).perMissTextProperty().get());
        assertEquals("6.0× native", vm.column(PagingMode.NESTED).versusNativeProperty().get());
        assertEquals("the baseline", vm.column(PagingMode.NATIVE).versusNativeProperty().get());
    }

    @ParameterizedTest(name = "at {0}× Play takes {1} ticks")
    @CsvSource({"1.0, 187", "4.0, 50", "0.25, 683"})
    void playCoversTheTraceInAFixedNumberOfTicks(double speed, int ticks) {
        vm.speedProperty().set(speed);
        vm.play();
        int n = 0;
        while (vm.playingProperty().get()) {
            vm.tick();
            n++;
        }

        assertEquals(ticks, n);
        assertEquals(steps(vm), vm.positionProperty().get());
        assertFalse(vm.canStepForwardBinding().get());
    }

    @Test
    void playAtTheEndStartsOverAndAStepPauses() {
        vm.toEnd();
        vm.play();

        assertEquals(0, vm.positionProperty().get());
        assertTrue(vm.playingProperty().get());
        vm.tick();
        assertEquals(11, vm.positionProperty().get(), "2,048 steps in 200 ticks: 11 a tick");
        vm.stepForward();
        assertFalse(vm.playingProperty().get());
        assertEquals(12, vm.positionProperty().get());
    }

    @Test
    void theBarsShareOneScaleTheDearestColumnFills() {
        vm.toEnd();

        ColumnViewModel nested = vm.column(PagingMode.NESTED);
        ColumnViewModel shadow = vm.column(PagingMode.SHADOW);
        assertEquals(1.0, nested.referenceShareProperty().get() + nested.exitShareProperty().get(), 1e-9);
        assertEquals(0.0, nested.exitShareProperty().get());
        assertEquals(296_412.0 / 589_824, shadow.referenceShareProperty().get() + shadow.exitShareProperty().get(),
                1e-9);
        assertEquals(128 * 1500.0 / 589_824, shadow.exitShareProperty().get(), 1e-9);
    }

    @Test
    void theChartFollowsTheMetricAndTheCosts() {
        vm.chartMetricProperty().set(ChartMetric.REFERENCES);
        ChartData refs = vm.chartProperty().get();
        assertEquals(49_152, refs.max());
        assertEquals(24, refs.value(PagingMode.NESTED, 1));

        vm.chartMetricProperty().set(ChartMetric.VM_EXITS);
        assertEquals(128, vm.chartProperty().get().max());

        vm.chartMetricProperty().set(ChartMetric.CYCLES);
        vm.cyclesPerReferenceProperty().set(4);
        assertEquals(4 * 49_152, vm.chartProperty().get().value(PagingMode.NESTED, steps(vm)));
    }

    @Test
    void pickingAWorkloadPlaysItsTraceOnceNotOncePerKnob() {
        int[] recordings = {0};
        vm.recordingProperty().addListener(obs -> recordings[0]++);

        vm.workload().workloadProperty().set(Workload.MIXED);

        assertEquals(1, recordings[0]);
        assertEquals(Workload.MIXED.params(), vm.recordingProperty().get().trace().params());
    }

    @Test
    void knobsOutOfRangeAreClamped() {
        vm.workload().pagesProperty().set(1000);
        vm.workload().shadowRootsProperty().set(9);

        assertEquals(WorkloadParams.MAX_PAGES, vm.workload().getParams().pages());
        assertEquals(WorkloadParams.MAX_ROOTS, vm.workload().getParams().shadowRoots());
    }

    @Test
    void aTraceIsRecordedOnTheWorkerAndAnOvertakenOneIsThrownAway() {
        java.util.ArrayDeque<Runnable> worker = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Runnable> ui = new java.util.ArrayDeque<>();
        CompareViewModel async = new CompareViewModel(Workload.TLB_SCAN, worker::add, ui::add);

        assertTrue(async.busyProperty().get());
        assertEquals(0, steps(async));
        assertFalse(async.canPlayBinding().get(), "nothing to play before the first recording arrives");

        async.workload().pagesProperty().set(8);
        async.workload().pagesProperty().set(16);
        while (!worker.isEmpty()) {
            worker.poll().run();
        }
        assertTrue(async.busyProperty().get(), "done on the worker, not yet back");
        int[] shown = {0};
        async.recordingProperty().addListener(obs -> shown[0]++);
        while (!ui.isEmpty()) {
            ui.poll().run();
        }

        assertFalse(async.busyProperty().get());
        assertEquals(1, shown[0], "the two overtaken recordings are thrown away");
        assertEquals(16, async.recordingProperty().get().trace().params().pages());
        assertEquals(2048, steps(async));
        assertEquals("", async.problemProperty().get());
    }
}
