package org.memvirt.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.PageSize;

/** The walk screen's state and commands, without the toolkit (given / when / then). */
class WalkViewModelTest {
    private WalkViewModel vm;

    @BeforeEach
    void givenTheClassicWalk() {
        vm = new WalkViewModel(new WalkScenario());
    }

    /** Everything the view shows, as one comparable value. */
    private record Shown(int position, String counter, String breakdown, String caption, String result,
                         EntryDecoding entry, AddressBreakdown virtual, AddressBreakdown physical,
                         List<CellState> cells, List<String> log, boolean canBack, boolean canForward) {
    }

    private Shown shown() {
        return new Shown(vm.positionProperty().get(), vm.counterTextProperty().get(),
                vm.breakdownTextProperty().get(), vm.captionProperty().get(), vm.resultTextProperty().get(),
                vm.currentEntryProperty().get(), vm.virtualAddressProperty().get(), vm.physicalAddressProperty().get(),
                vm.cells().stream().map(WalkCellViewModel::getState).toList(), List.copyOf(vm.eventLog()),
                vm.canStepBackBinding().get(), vm.canStepForwardBinding().get());
    }

    @Test
    void atTheStartNothingIsReadAndOnlyForwardApplies() {
        assertEquals(0, vm.positionProperty().get());
        assertEquals("reference 0 of 24", vm.counterTextProperty().get());
        assertFalse(vm.canStepBackBinding().get());
        assertTrue(vm.canStepForwardBinding().get());
        assertTrue(vm.canPlayBinding().get());
        assertNull(vm.currentEntryProperty().get());
        assertTrue(vm.captionProperty().get().contains("Press Step"), vm.captionProperty().get());
        assertEquals("", vm.resultTextProperty().get());
        assertTrue(vm.cells().stream().noneMatch(c -> c.getState() == CellState.CURRENT));
    }

    @Test
    void steppingToTheEndReadsAllTwentyFourReferences() {
        for (int i = 0; i < 24; i++) {
            vm.stepForward();
        }

        assertEquals("reference 24 of 24", vm.counterTextProperty().get());
        assertEquals("guest refs 4 of 4 · host refs 20 of 20", vm.breakdownTextProperty().get());
        assertEquals(4, vm.guestRefsProperty().get());
        assertEquals(20, vm.hostRefsProperty().get());
        assertFalse(vm.canStepForwardBinding().get());
        assertTrue(vm.resultTextProperty().get().contains("→ hPA"), vm.resultTextProperty().get());
        WalkCellViewModel data = vm.cells().get(vm.cells().size() - 1);
        assertEquals(CellKind.DATA, data.cell().kind());
        assertEquals(CellState.DONE, data.getState());

        vm.stepForward();
        assertEquals(24, vm.positionProperty().get(), "stepping past the end does nothing");
    }

    @ParameterizedTest(name = "step {0}: exactly one current cell, with that ordinal")
    @ValueSource(ints = {1, 4, 5, 13, 20, 24})
    void theCurrentCellIsTheReferenceJustMade(int k) {
        vm.goTo(k);

        List<WalkCellViewModel> current = vm.cells().stream().filter(c -> c.getState() == CellState.CURRENT)
                .toList();
        assertEquals(1, current.size());
        assertEquals(k, current.get(0).cell().ordinal());
        assertEquals(k - 1, vm.cells().stream().filter(c -> c.getState() == CellState.DONE
                && c.cell().kind() == CellKind.REFERENCE).count());
        assertNotNull(vm.currentEntryProperty().get());
        assertEquals("reference " + k + " of 24", vm.counterTextProperty().get());
    }

    @ParameterizedTest(name = "forward {0} then back {0} returns to the start")
    @ValueSource(ints = {1, 2, 5, 12, 23, 24})
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

    @ParameterizedTest(name = "from {0}: forward {1} then back {1}")
    @CsvSource({"3, 4", "10, 7", "20, 4"})
    void forwardThenBackFromTheMiddle(int from, int k) {
        vm.goTo(from);
        Shown before = shown();
        for (int i = 0; i < k; i++) {
            vm.stepForward();
        }
        for (int i = 0; i < k; i++) {
            vm.stepBack();
        }

        assertEquals(before, shown());
    }

    @ParameterizedTest(name = "{0} {1}/{2}, guest {3}, host {4} -> {5}")
    @CsvSource({
            "NESTED, 5, 5, 4K, 4K, 35",
            "NESTED, 4, 4, 2M, 4K, 19",
            "NESTED, 4, 4, 4K, 2M, 19",
            "NESTED, 5, 4, 4K, 4K, 29",
            "NATIVE, 4, 4, 4K, 4K, 4",
            "NATIVE, 5, 4, 2M, 4K, 4",
    })
    void changingAControlRegeneratesTheWalk(PagingMode mode, int guest, int host, String guestPage,
                                           String hostPage, int references) {
        vm.goTo(7);

        vm.settings().modeProperty().set(mode);
        vm.settings().guestLevelsProperty().set(guest);
        vm.settings().hostLevelsProperty().set(host);
        vm.settings().guestPageProperty().set(PageSize.parse(guestPage));
        vm.settings().hostPageProperty().set(PageSize.parse(hostPage));

        assertEquals(references, vm.referenceCountProperty().get());
        assertEquals(0, vm.positionProperty().get());
        assertEquals("reference 0 of " + references, vm.counterTextProperty().get());
        assertEquals("", vm.errorMessageProperty().get());
    }

    @Test
    void fiveGuestLevelsMoveTheDefaultAddressToFiftySevenBits() {
        vm.settings().guestLevelsProperty().set(5);

        assertEquals(WalkSettings.DEFAULT_GVA_5_LEVELS, vm.settings().getSettings().gva());
        assertEquals("0x0012_7f3a_1c40_2000", vm.settings().addressTextProperty().get());
        assertEquals(35 - 6, vm.referenceCountProperty().get(), "5 guest levels over 4 EPT levels");
    }

    @Test
    void nativeModeHasNoHostSettingsAndNoPhysicalStrip() {
        vm.settings().modeProperty().set(PagingMode.NATIVE);

        assertFalse(vm.settings().hostSettingsApplyBinding().get());
        assertNull(vm.physicalAddressProperty().get());
        assertTrue(vm.breakdownTextProperty().get().startsWith("page-table refs 0 of 4"));
    }

    @Test
    void playRunsToTheEndOneTickAtATimeAndStops() {
        vm.play();
        assertTrue(vm.playingProperty().get());
        int ticks = 0;
        while (vm.playingProperty().get()) {
            vm.tick();
            ticks++;
        }

        assertEquals(24, ticks);
        assertEquals(24, vm.positionProperty().get());
        assertFalse(vm.playingProperty().get());
    }

    @Test
    void playAtTheEndStartsOverAndAStepPauses() {
        vm.toEnd();
        vm.play();
        assertEquals(0, vm.positionProperty().get());
        assertTrue(vm.playingProperty().get());

        vm.tick();
        vm.stepForward();

        assertFalse(vm.playingProperty().get());
        assertEquals(2, vm.positionProperty().get());
    }

    @Test
    void togglePlayPausesAndResumes() {
        vm.togglePlay();
        vm.tick();
        vm.togglePlay();
        vm.tick();

        assertFalse(vm.playingProperty().get());
        assertEquals(1, vm.positionProperty().get());
    }

    @Test
    void goToClampsToTheWalk() {
        vm.goTo(99);
        assertEquals(24, vm.positionProperty().get());
        vm.goTo(-3);
        assertEquals(0, vm.positionProperty().get());
    }

    @Test
    void aTlbHitIsAWalkOfNoReferences() {
        vm.settings().tlbProperty().set(true);
        vm.settings().repeatAccessProperty().set(true);

        assertEquals("reference 0 of 0", vm.counterTextProperty().get());
        assertFalse(vm.canPlayBinding().get());
        assertFalse(vm.canStepForwardBinding().get());
        assertTrue(vm.captionProperty().get().startsWith("TLB hit"), vm.captionProperty().get());
        assertTrue(vm.headlineProperty().get().endsWith("0 references (24 uncached)"), vm.headlineProperty().get());
        assertFalse(vm.preambleTextProperty().get().isEmpty());
    }

    @Test
    void theEventLogGrowsWithThePosition() {
        vm.settings().tlbProperty().set(true);
        assertEquals(List.of("TLB miss for 0x7f3a_1c40_2000"), vm.eventLog());

        vm.goTo(3);
        assertEquals(4, vm.eventLog().size());
        assertTrue(vm.eventLog().get(3).startsWith("#3 EPT PD[0]"), vm.eventLog().get(3));

        vm.toEnd();
        assertTrue(vm.eventLog().get(vm.eventLog().size() - 1).startsWith("Translated"));
    }

    @Test
    void theAddressStripsFollowTheCurrentReference() {
        vm.goTo(5);
        AddressField pml4 = vm.virtualAddressProperty().get().fields().get(1);
        assertEquals("PML4", pml4.name());
        assertEquals("254", pml4.value());
        assertTrue(pml4.current(), "reference 5 reads the guest PML4 entry");

        vm.goTo(7);
        AddressBreakdown gpa = vm.physicalAddressProperty().get();
        assertEquals("gPA of the guest PDPT table", gpa.label());
        assertTrue(gpa.fields().get(2).current(), "reference 7 reads the EPT PDPT entry");
        assertTrue(vm.virtualAddressProperty().get().fields().stream().noneMatch(AddressField::current));
    }

    @Test
    void aFailingScenarioShowsItsMessageAndNoWalk() {
        WalkViewModel failing = new WalkViewModel(s -> {
            throw new ScenarioFailure("This configuration cannot run: host memory exhausted");
        });

        assertEquals("This configuration cannot run: host memory exhausted", failing.errorMessageProperty().get());
        assertEquals("no walk", failing.counterTextProperty().get());
        assertNull(failing.gridProperty().get());
        assertTrue(failing.cells().isEmpty());
        assertFalse(failing.canPlayBinding().get());
        assertFalse(failing.canStepForwardBinding().get());
        failing.play();
        assertFalse(failing.playingProperty().get());
    }

    @Test
    void aBadAddressIsExplainedAndAGoodOneRecovers() {
        vm.settings().addressTextProperty().set("0xnot-hex");
        vm.settings().applyAddress();

        assertTrue(vm.errorMessageProperty().get().contains("is not an address"), vm.errorMessageProperty().get());
        assertEquals("no walk", vm.counterTextProperty().get());

        vm.settings().addressTextProperty().set("7fff_0000_1000");
        vm.settings().applyAddress();

        assertEquals("", vm.errorMessageProperty().get());
        assertEquals("0x0000_7fff_0000_1000", vm.settings().addressTextProperty().get());
        assertEquals("reference 0 of 24", vm.counterTextProperty().get());
    }

    @Test
    void aNonCanonicalAddressIsExplained() {
        vm.settings().addressTextProperty().set("0x0000_8000_0000_0000");
        vm.settings().applyAddress();

        assertTrue(vm.errorMessageProperty().get().contains("not a canonical address"),
                vm.errorMessageProperty().get());
        assertEquals(0, vm.referenceCountProperty().get());
    }
}
