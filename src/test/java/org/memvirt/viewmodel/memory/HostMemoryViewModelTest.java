package org.memvirt.viewmodel.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.reclaim.MemoryState;
import org.memvirt.viewmodel.StepFrame;

/** The Host memory screen's state and commands, without the toolkit (given / when / then). */
class HostMemoryViewModelTest {
    private static final List<StepFrame> LESSON = MemoryScenario.playedLesson();

    private HostMemoryViewModel vm;

    @BeforeEach
    void givenTheLessonInTheHistory() {
        vm = new HostMemoryViewModel();
        vm.history().setAll(LESSON);
    }

    private void show(int step) {
        vm.frameProperty().set(LESSON.get(step));
    }

    private MemoryPicture picture() {
        return vm.updateProperty().get().picture();
    }

    @Test
    void beforeAnyFrameThereIsNothingToDraw() {
        HostMemoryViewModel empty = new HostMemoryViewModel();

        assertNull(empty.updateProperty().get());
        assertEquals("No step yet", empty.headlineProperty().get());
        assertFalse(empty.canStepForwardBinding().get());
        empty.hoverFrame(3);
        assertEquals("No machine to show yet.", empty.infoLineProperty().get());
    }

    @Test
    void theChartHasTheFreeFramesOfEveryStep() {
        assertEquals(LESSON.size(), vm.chart().size());
        for (int i = 0; i < LESSON.size(); i++) {
            HistoryPoint point = vm.chart().get(i);
            var c = LESSON.get(i).snapshot().counters();
            assertEquals(i, point.step());
            assertEquals(c.hostFramesFree(), point.free(), "step " + i);
            assertEquals(c.sharedFrames(), point.shared());
            assertEquals(c.balloonPages(), point.ballooned());
            long swapped = LESSON.get(i).snapshot().vms().stream().mapToLong(v -> v.memory().hostSwappedPages()).sum();
            assertEquals(swapped, point.swapped());
        }
    }

    @Test
    void theHeadlineCountsStepsAndTheStatesFollowTheSnapshot() {
        show(MemoryScenario.MORE_PRESSURE);

        assertEquals("Step 14 of 16 · Memory pressure: the host takes 126 frames", vm.headlineProperty().get());
        assertEquals(14, vm.positionProperty().get());
        FreeMemoryState s = vm.freeStateProperty().get();
        assertEquals(LESSON.get(14).snapshot().memoryState(), s.state());
        assertEquals(MemoryState.HIGH, s.state(), "reclaimed back to the high state");
        assertEquals(246, s.thresholdFrames(MemoryState.HIGH), "6 % of 4,096 frames");
        assertEquals(246, s.free());
    }

    @Test
    void steppingOneForwardAnimatesAndJumpingDrawsTheResult() {
        show(MemoryScenario.GUEST_SWAP);
        show(MemoryScenario.BALLOON);

        AnimationPlan plan = vm.updateProperty().get().animation();
        assertNotNull(plan, "one step forward is animated");
        assertEquals(11, plan.before().step());
        assertTrue(plan.items().get(0) instanceof MemoryAnimation.BalloonInflation);

        show(MemoryScenario.AFTER_SHARING);
        assertNull(vm.updateProperty().get().animation(), "stepping back draws the result");
        show(MemoryScenario.BALLOON);
        assertNull(vm.updateProperty().get().animation(), "so does a jump");
        assertEquals(120, vm.updateProperty().get().changedCount() - 0,
                "changed frames are still marked after a jump: the 120 freed");
    }

    @Test
    void fastDrawsResultsOnlyAndStopsAnAnimationShown() {
        show(MemoryScenario.GUEST_SWAP);
        show(MemoryScenario.BALLOON);
        assertNotNull(vm.updateProperty().get().animation());

        vm.fastProperty().set(true);
        assertNull(vm.updateProperty().get().animation(), "switching fast on stops the animation");

        show(MemoryScenario.PRESSURE);
        assertNull(vm.updateProperty().get().animation());
        assertEquals(13, picture().step());
    }

    @Test
    void stepCommandsMoveThroughTheHistory() {
        show(0);
        assertFalse(vm.canStepBackBinding().get());
        assertTrue(vm.canStepForwardBinding().get());

        vm.stepForward();
        vm.stepForward();
        assertEquals(2, vm.positionProperty().get());
        assertTrue(vm.updateProperty().get().animation().items().get(0) instanceof MemoryAnimation.Backed,
                "VM 2's first touch of its zero pages backs them with frames");

        vm.goTo(99);
        assertEquals(16, vm.positionProperty().get(), "clamped to the last step");
        assertFalse(vm.canStepForwardBinding().get());
        vm.stepBack();
        assertEquals(15, vm.positionProperty().get());
    }

    @Test
    void aPlayerThatOwnsThePositionIsAskedInstead() {
        List<Integer> asked = new ArrayList<>();
        vm.setOnSeek(asked::add);
        show(4);

        vm.stepForward();
        vm.goTo(12);

        assertEquals(List.of(5, 12), asked);
        assertEquals(4, vm.positionProperty().get(), "the player sets the frame, not the screen");
    }

    @Test
    void forwardThenBackShowsTheSamePictureAsBefore() {
        show(MemoryScenario.AFTER_SHARING);
        MemoryPicture first = picture();
        for (int k = MemoryScenario.AFTER_SHARING + 1; k <= MemoryScenario.RELEASE; k++) {
            vm.stepForward();
        }
        for (int k = MemoryScenario.RELEASE; k > MemoryScenario.AFTER_SHARING; k--) {
            vm.stepBack();
        }

        MemoryPicture again = picture();
        assertArrayEquals(first.frames().looks(), again.frames().looks());
        for (int i = 0; i < first.strips().size(); i++) {
            assertArrayEquals(first.strips().get(i).looks(), again.strips().get(i).looks());
        }
        assertEquals(first.swap().used(), again.swap().used());
    }

    @Test
    void theSwapDeviceIsFoldedFromTheHistoryWhicheverWayTheStepIsReached() {
        show(MemoryScenario.RELEASE);
        int direct = picture().swap().used();
        show(MemoryScenario.PRESSURE);
        vm.stepForward();
        vm.stepForward();
        vm.stepForward();

        assertEquals(direct, picture().swap().used());
        long swapped = LESSON.get(MemoryScenario.RELEASE).snapshot().vms().stream()
                .mapToLong(v -> v.memory().hostSwappedPages()).sum();
        assertEquals(swapped, direct);
    }

    @Test
    void hoveringASharedFrameNamesItsReferencesAndTheGuestPagesMappingIt() {
        show(MemoryScenario.AFTER_SHARING);
        int shared = firstFrame(FrameUse.SHARED, 3);

        vm.hoverFrame(shared);

        String info = vm.infoLineProperty().get();
        assertTrue(info.startsWith("Frame " + Numbers.count(shared) + " (hPA "), info);
        assertTrue(info.contains("shared read-only, 3 references"), info);
        assertTrue(info.contains("mapped by VM 1 gPA 0x"), info);
        assertTrue(info.contains("(pid 1 gVA 0x40_00"), info);
        Highlight h = vm.highlightProperty().get();
        assertEquals(shared, h.frame());
        assertEquals(3, h.guestPages().size(), "one page in each VM");
    }

    @Test
    void hoveringAPageInTheBalloonSaysTheHostTookItsFrame() {
        show(MemoryScenario.BALLOON);
        GuestStrip vm3 = picture().strip(3);
        int gfn = firstPage(vm3, GuestPageState.BALLOON);

        vm.hoverGuestPage(3, gfn);

        assertTrue(vm.infoLineProperty().get().contains("in the balloon: pinned by the guest's driver"),
                vm.infoLineProperty().get());
        assertEquals(-1, vm.highlightProperty().get().frame(), "no frame behind it");
    }

    @Test
    void hoveringAHostSwappedPageAndItsSlotNameEachOther() {
        show(MemoryScenario.MORE_PRESSURE);
        GuestStrip vm1 = picture().strip(1);
        int gfn = firstPage(vm1, GuestPageState.HOST_SWAPPED);
        int slot = picture().swap().slotOf(1, gfn);

        vm.hoverGuestPage(1, gfn);
        assertTrue(vm.infoLineProperty().get().contains("swapped out by the host to slot " + slot),
                vm.infoLineProperty().get());
        assertEquals(slot, vm.highlightProperty().get().swapSlot());

        vm.hoverSwapSlot(slot);
        assertTrue(vm.infoLineProperty().get().startsWith("Host swap slot " + slot + " · holds VM 1 gPA"),
                vm.infoLineProperty().get());

        vm.clearHover();
        assertSame(Highlight.NONE, vm.highlightProperty().get());
    }

    @ParameterizedTest(name = "step {0}: the legend counts {1} free frames")
    @CsvSource({"0, 2974", "9, 2923", "12, 3042", "14, 246"})
    void theLegendCountsWhatTheMapShows(int step, long free) {
        show(step);

        LegendEntry first = vm.frameLegend().get(0);
        assertEquals("Free", first.label());
        assertEquals(free, first.count());
        long total = vm.frameLegend().stream().mapToLong(LegendEntry::count).sum();
        assertEquals(4096, total, "every frame is in one legend entry");
        long pages = vm.guestLegend().stream().mapToLong(LegendEntry::count).sum();
        long tables = picture().strips().stream().mapToLong(g -> g.count(GuestPageState.TABLE)).sum();
        assertEquals(3 * 1024, pages + tables, "every guest page in one entry (tables listed with the host's)");
    }

    @Test
    void countersShowTheirChangeSinceThePreviousStep() {
        show(MemoryScenario.BALLOON);

        CounterRow free = vm.counters().stream().filter(r -> r.name().equals("hostFramesFree")).findFirst()
                .orElseThrow();
        assertEquals(3042, free.value());
        assertEquals(120, free.delta());
        assertEquals("+120", free.deltaText());
    }

    @Test
    void theVmWithTheLowestSharesPerPageIsMarked() {
        show(MemoryScenario.GUEST_SWAP);

        List<VmCard> cards = vm.vmCards();
        assertEquals(3, cards.size());
        VmCard lowest = cards.stream().filter(VmCard::lowestRho).findFirst().orElseThrow();
        double min = cards.stream().mapToDouble(c -> c.memory().sharesPerPage()).min().orElseThrow();
        assertEquals(min, lowest.memory().sharesPerPage());
        assertEquals(1, cards.stream().filter(VmCard::lowestRho).count());
        assertEquals("Balloon", cards.get(2).figures().get(1).label());
        assertEquals("0", cards.get(2).figures().get(1).value());
    }

    @Test
    void theSummarySaysWhatTheStepDid() {
        show(MemoryScenario.AFTER_SHARING);

        List<String> lines = vm.summary().stream().map(SummaryLine::text).toList();
        assertTrue(lines.get(0).startsWith("Sharing scan hashed 600 pages:"), lines.get(0));
        assertTrue(lines.get(1).startsWith("Sharing: 403 pages now map 154 shared frames read-only"), lines.get(1));
        assertEquals("Free host frames: 2,674 → 2,923 (+249).", lines.get(2));
    }

    @Test
    void theListsTheViewListensToAreAlwaysTheSameOnes() {
        assertSame(vm.summary(), vm.summary());
        assertSame(vm.frameLegend(), vm.frameLegend());
        assertSame(vm.counters(), vm.counters());
        assertSame(vm.vmCards(), vm.vmCards());
        assertSame(vm.chart(), vm.chart());
    }

    private int firstFrame(FrameUse use, int refs) {
        MemoryPicture p = picture();
        for (int pfn = 0; pfn < p.frames().frameCount(); pfn++) {
            var f = p.frames().frame(pfn);
            if (f.use() == use && f.refs() == refs) {
                return pfn;
            }
        }
        throw new AssertionError("no " + use + " frame with " + refs + " references");
    }

    private static int firstPage(GuestStrip strip, GuestPageState state) {
        for (int gfn = 0; gfn < strip.pageCount(); gfn++) {
            if (strip.state(gfn) == state) {
                return gfn;
            }
        }
        throw new AssertionError("no " + state + " page in VM " + strip.vm());
    }
}
