package org.memvirt.viewmodel.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.memvirt.engine.VmImage;
import org.memvirt.engine.event.Dimension;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.ShadowSync;
import org.memvirt.engine.event.SyncKind;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.X86Entry;
import org.memvirt.viewmodel.HexAddress;
import org.memvirt.viewmodel.StepFrame;

/** The Tables view's state, derived from real engine steps, without the toolkit (given / when / then). */
class TablesViewModelTest {

    /** Plays {@code frames} up to {@code last} into a fresh view model, as the lesson player does. */
    private static TablesViewModel playedTo(List<StepFrame> frames, int last) {
        TablesViewModel vm = new TablesViewModel();
        for (int i = 0; i <= last; i++) {
            vm.setFrame(frames.get(i));
        }
        return vm;
    }

    private static <T extends Event> List<T> events(StepFrame f, Class<T> type) {
        return f.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static TableColumn column(TablesViewModel vm, TableKind kind) {
        TableColumn c = vm.getContent().column(kind);
        assertNotNull(c, () -> "no " + kind + " column");
        return c;
    }

    private static EntryRow row(TableColumn c, long entryAddress) {
        return c.entries().stream().filter(e -> e.ref().address() == entryAddress).findFirst()
                .orElseThrow(() -> new AssertionError("no row for entry " + HexAddress.compact(entryAddress)
                        + " in " + c.kind()));
    }

    private static List<BeatKind> beats(TablesViewModel vm) {
        return vm.getContent().story().stream().map(StoryBeat::kind).toList();
    }

    @Test
    void nestedReadMarksEveryEntryTheTwoDimensionalWalkReadInOrder() {
        List<StepFrame> frames = TableScenarios.nested();
        TablesViewModel vm = playedTo(frames, 1);
        List<WalkStep> walk = events(frames.get(1), WalkStep.class);

        assertEquals(List.of(TableKind.GUEST, TableKind.EPT), vm.getContent().columns().stream()
                .map(TableColumn::kind).toList());
        for (int k = 0; k < walk.size(); k++) {
            WalkStep w = walk.get(k);
            TableKind kind = w.dimension() == Dimension.GUEST ? TableKind.GUEST : TableKind.EPT;
            EntryRow r = row(column(vm, kind), w.entryAddress());
            assertTrue(r.has(EntryMark.READ), r::toString);
            assertTrue(r.reads().contains(k + 1), () -> "reference " + w.reference() + " missing from " + r.reads());
        }
        List<EntryRow> guestPath = column(vm, TableKind.GUEST).entries().stream()
                .filter(e -> e.has(EntryMark.PATH)).toList();
        assertEquals(List.of(254, 232, 226, 2), guestPath.stream().map(EntryRow::index).toList());
        assertEquals(List.of(5, 10, 15, 20), guestPath.stream().flatMap(e -> e.reads().stream()).toList());
        assertEquals(20, column(vm, TableKind.EPT).entries().stream().mapToInt(e -> e.reads().size()).sum(),
                "20 EPT references, each shown on the entry it read");
        assertEquals(List.of(BeatKind.WALK, BeatKind.RESULT), beats(vm));
        assertTrue(vm.getContent().links().isEmpty(), "no shadow, no fill arrows");
    }

    @Test
    void nativeReadShowsOneProcessTableWithItsFourReferences() {
        TablesViewModel vm = playedTo(TableScenarios.nativeMachine(), 1);

        assertEquals(List.of(TableKind.NATIVE), vm.getContent().columns().stream().map(TableColumn::kind).toList());
        assertEquals(List.of(0), vm.vmIds());
        List<EntryRow> read = column(vm, TableKind.NATIVE).entries().stream().filter(e -> e.has(EntryMark.READ))
                .toList();
        assertEquals(List.of(1, 2, 3, 4), read.stream().flatMap(e -> e.reads().stream()).toList());
        assertTrue(read.stream().allMatch(e -> e.has(EntryMark.PATH)));
        assertTrue(read.get(3).maps());
        assertTrue(read.get(3).targetText().startsWith("→ 4K page at PA "), read.get(3).targetText());
    }

    @Test
    void aHiddenFaultFillsTheShadowPathAndLinksEachShadowEntryToTheGuestEntryItCameFrom() {
        List<StepFrame> frames = TableScenarios.shadow();
        TablesViewModel vm = playedTo(frames, 1);
        List<ShadowSync> fills = events(frames.get(1), ShadowSync.class).stream()
                .filter(s -> s.kind() == SyncKind.FILL).toList();

        assertEquals(4, fills.size(), "PML4, PDPT, PD and PT entries filled");
        List<EntryLink> links = vm.getContent().links();
        for (ShadowSync fill : fills) {
            EntryRef guest = new EntryRef(TableKind.GUEST, fill.guestEntryAddress());
            EntryRef shadow = new EntryRef(TableKind.SHADOW, fill.shadowEntryAddress());
            assertTrue(links.stream().anyMatch(l -> l.from().equals(guest) && l.to().equals(shadow)
                    && l.kind() == EntryLink.LinkKind.FILL), () -> "no link for " + fill);
            EntryRow s = row(column(vm, TableKind.SHADOW), fill.shadowEntryAddress());
            assertTrue(s.has(EntryMark.FILLED));
            long accessedDirty = X86Entry.A | X86Entry.D;
            assertEquals(fill.shadowEntry() & ~accessedDirty, s.value() & ~accessedDirty,
                    "the entry as filled (the walk that follows may set A)");
            assertTrue(row(column(vm, TableKind.GUEST), fill.guestEntryAddress()).has(EntryMark.SOURCE));
        }
        EntryLink fromP2m = links.stream().filter(l -> l.from().table() == TableKind.P2M).findFirst().orElseThrow();
        EntryRow p2m = row(column(vm, TableKind.P2M), fromP2m.from().address());
        long hpa = events(frames.get(1), Translated.class).get(0).hpa();
        assertEquals(hpa & ~0xFFFL, EptEntry.address(p2m.value(), 1), "the P2M entry behind the data page");
        assertEquals(fills.get(3).shadowEntryAddress(), fromP2m.to().address(), "it feeds the shadow leaf");
        assertEquals(List.of(BeatKind.WALK, BeatKind.EXIT, BeatKind.SHADOW_FILL, BeatKind.PROTECT, BeatKind.ENTRY,
                BeatKind.WALK, BeatKind.RESULT), beats(vm));
        assertTrue(vm.getContent().story().get(0).warning(), "the first walk stops at a not-present entry");
        EntryRow pml4e = row(column(vm, TableKind.SHADOW), fills.get(0).shadowEntryAddress());
        assertEquals(List.of(1, 2), pml4e.reads(), "read once not present, then again after the fill");
        assertTrue(pml4e.has(EntryMark.FAULT));
    }

    @Test
    void aTrappedGuestPteWriteIsToldAsStoreTrapEmulateUpdateResume() {
        List<StepFrame> frames = TableScenarios.shadow();
        TablesViewModel vm = playedTo(frames, 3);
        ShadowSync update = events(frames.get(3), ShadowSync.class).get(0);

        assertEquals(SyncKind.UPDATE, update.kind());
        assertEquals(List.of(BeatKind.GUEST_STORE, BeatKind.EXIT, BeatKind.EMULATE, BeatKind.SHADOW_UPDATE,
                BeatKind.ENTRY), beats(vm));
        List<StoryBeat> story = vm.getContent().story();
        assertEquals(List.of(Actor.GUEST, Actor.VMM, Actor.VMM, Actor.SHADOW, Actor.VMM),
                story.stream().map(StoryBeat::actor).toList());
        assertTrue(story.get(1).title().contains("EXCEPTION_NMI"), story.get(1).title());
        EntryRow guest = row(column(vm, TableKind.GUEST), update.guestEntryAddress());
        assertEquals(Set.of(EntryMark.WRITTEN, EntryMark.SOURCE, EntryMark.PATH), guest.marks());
        assertEquals(update.guestEntry(), guest.value(), "the emulated store is in the guest table");
        EntryRow shadow = row(column(vm, TableKind.SHADOW), update.shadowEntryAddress());
        assertTrue(shadow.has(EntryMark.UPDATED));
        assertEquals(update.shadowEntry(), shadow.value());
        assertEquals(guest.links(), shadow.links(), "one numbered arrow joins them");
    }

    @Test
    void clearingAGuestPteZapsItsShadowEntryWhichStaysVisibleAsNotPresent() {
        List<StepFrame> frames = TableScenarios.shadow();
        TablesViewModel vm = playedTo(frames, 4);
        ShadowSync zap = events(frames.get(4), ShadowSync.class).get(0);

        assertEquals(SyncKind.ZAP, zap.kind());
        assertEquals(List.of(BeatKind.GUEST_STORE, BeatKind.EXIT, BeatKind.EMULATE, BeatKind.SHADOW_ZAP,
                BeatKind.ENTRY), beats(vm));
        EntryRow shadow = row(column(vm, TableKind.SHADOW), zap.shadowEntryAddress());
        assertTrue(shadow.has(EntryMark.ZAPPED));
        assertFalse(shadow.present());
        assertEquals(0, shadow.value());
        assertEquals("not present", shadow.target());
        assertTrue(row(column(vm, TableKind.GUEST), zap.guestEntryAddress()).has(EntryMark.WRITTEN));
    }

    @Test
    void writeProtectedMarksAreExactlyTheVmsWriteProtectedGuestFrames() {
        List<StepFrame> frames = TableScenarios.shadow();
        TablesViewModel vm = playedTo(frames, frames.size() - 1);
        vm.showAllProperty().set(true);
        VmImage image = frames.get(frames.size() - 1).snapshot().vm(1);

        Set<Long> marked = new TreeSet<>();
        Set<Long> seen = new TreeSet<>();
        for (ProcessChoice p : vm.processes()) {
            vm.selectProcess(p.pid());
            for (TableHeading h : column(vm, TableKind.GUEST).headings()) {
                seen.add(h.ref().address() >>> 12);
                if (h.writeProtected()) {
                    marked.add(h.ref().address() >>> 12);
                }
            }
        }
        assertFalse(image.writeProtectedGfns().isEmpty());
        assertEquals(image.writeProtectedGfns(), marked);
        assertTrue(seen.size() > marked.size(), "the FAR mapping's tables are never shadowed, so not protected");
    }

    @Test
    void theTablesProtectedInAStepSayJustNow() {
        List<StepFrame> frames = TableScenarios.shadow();
        TablesViewModel vm = playedTo(frames, 1);
        Set<Long> protectedNow = events(frames.get(1), ShadowSync.class).stream()
                .filter(s -> s.kind() == SyncKind.WRITE_PROTECT).map(ShadowSync::guestEntryAddress)
                .collect(Collectors.toSet());

        Set<Long> shown = column(vm, TableKind.GUEST).headings().stream()
                .filter(h -> h.marks().contains(TableMark.PROTECTED_NOW)).map(h -> h.ref().address())
                .collect(Collectors.toSet());
        assertEquals(protectedNow, shown);
    }

    @Test
    void anotherProcessShowsItsOwnGuestTableAndWhetherTheVmmKeepsAShadowRootForIt() {
        List<StepFrame> frames = TableScenarios.shadow();
        TablesViewModel vm = playedTo(frames, 1);
        VmImage image = frames.get(1).snapshot().vm(1);

        assertEquals(1, vm.selectedPidProperty().get(), "the running process");
        vm.selectProcess(2);

        TableHeading root = column(vm, TableKind.GUEST).headings().get(0);
        assertEquals(image.processes().get(1).root(), root.ref().address());
        assertTrue(column(vm, TableKind.SHADOW).rows().isEmpty());
        assertTrue(column(vm, TableKind.SHADOW).note().startsWith("No shadow root for process 2"),
                column(vm, TableKind.SHADOW).note());

        vm.setFrame(frames.get(5));
        assertEquals(2, vm.selectedPidProperty().get(), "a CR3 write turns the view to the process now running");
        assertTrue(column(vm, TableKind.SHADOW).headings().get(0).marks().contains(TableMark.ROOT_SWITCHED));
        vm.selectProcess(1);
        assertTrue(column(vm, TableKind.SHADOW).subtitle().contains("cached, not loaded"),
                column(vm, TableKind.SHADOW).subtitle());
        assertFalse(column(vm, TableKind.SHADOW).rows().isEmpty(), "the cached root still holds its entries");
    }

    @Test
    void byDefaultOnlyThePathIsOpenAndShowAllOpensEveryPresentEntry() {
        TablesViewModel vm = playedTo(TableScenarios.nested(), 1);
        EntryRow farPml4e = column(vm, TableKind.GUEST).entries().stream()
                .filter(e -> e.level() == 4 && e.index() == Levels.index(TableScenarios.FAR, 4)).findFirst()
                .orElseThrow();
        assertFalse(farPml4e.expanded());
        int tablesBefore = column(vm, TableKind.GUEST).headings().size();

        vm.showAllProperty().set(true);

        assertEquals(7, column(vm, TableKind.GUEST).headings().size(), () -> "the PML4, then two paths of three"
                + " tables: " + column(vm, TableKind.GUEST).headings());
        assertEquals(4, tablesBefore);
        assertTrue(column(vm, TableKind.GUEST).entries().stream().filter(e -> e.present() && !e.maps())
                .allMatch(EntryRow::expanded));
    }

    @Test
    void aLongTableIsFoldedAroundTheEntryInUse() {
        int pages = 40;
        TablesViewModel vm = playedTo(TableScenarios.longTable(pages), 1);
        TableColumn guest = column(vm, TableKind.GUEST);
        int ptStart = guest.rows().indexOf(guest.headings().get(3));
        List<TableRow> pt = guest.rows().subList(ptStart + 1, guest.rows().size());

        assertEquals(pages, guest.headings().get(3).presentCount());
        assertEquals(pages, count(pt), "every present entry is either shown or counted in a fold");
        assertTrue(pt.size() <= 4, "a 40-entry table takes a few rows: " + pt.size());

        vm.showAllProperty().set(true);
        List<TableRow> all = column(vm, TableKind.GUEST).rows();
        List<TableRow> ptAll = all.subList(ptStart + 1, all.size());
        assertEquals(pages, count(ptAll));
        assertTrue(ptAll.stream().filter(EntryRow.class::isInstance).count() <= TableTreeBuilder.SHOWN_WITH_ALL + 1);
        assertTrue(ptAll.stream().anyMatch(HiddenEntries.class::isInstance), "still folded beyond the limit");
    }

    private static int count(List<TableRow> rows) {
        int n = 0;
        for (TableRow r : rows) {
            if (r instanceof EntryRow e && e.present()) {
                n++;
            } else if (r instanceof HiddenEntries h) {
                n += h.count();
            }
        }
        return n;
    }

    @Test
    void aStepOfAnotherVmTurnsTheViewToItAndTheStudentCanTurnBack() {
        List<StepFrame> frames = TableScenarios.twoVms();
        TablesViewModel vm = playedTo(frames, 1);
        assertEquals(List.of(1, 2), vm.vmIds());
        assertEquals(1, vm.selectedVmProperty().get());

        vm.setFrame(frames.get(2));
        assertEquals(2, vm.selectedVmProperty().get());
        assertTrue(vm.getContent().context().contains("VM 2"), vm.getContent().context());
        assertTrue(vm.getContent().focusText().contains(HexAddress.grouped(TableScenarios.FAR)));

        vm.selectVm(1);
        assertTrue(vm.getContent().context().contains("VM 1"));
        assertTrue(vm.getContent().focusText().contains(HexAddress.grouped(TableScenarios.VA)),
                "each VM keeps the address it last used");
        assertTrue(vm.getContent().story().isEmpty(), "this step did nothing in VM 1");
    }

    @Test
    void aStepWithoutAnAddressKeepsFollowingTheLastOne() {
        List<StepFrame> frames = TableScenarios.shadow();
        TablesViewModel vm = playedTo(frames, 5);

        assertTrue(vm.getContent().focusText().contains(HexAddress.grouped(TableScenarios.VA2)),
                vm.getContent().focusText());
        assertEquals(List.of(BeatKind.EXIT, BeatKind.PROTECT, BeatKind.ROOT_SWITCH, BeatKind.ENTRY), beats(vm));
        EntryRow absent = column(vm, TableKind.GUEST).entries().stream().filter(e -> e.level() == 1
                && e.index() == Levels.index(TableScenarios.VA2, 1)).findFirst().orElseThrow();
        assertFalse(absent.present(), "process 2 does not map that page");
        assertTrue(absent.has(EntryMark.PATH), "the entry the followed address would need is shown anyway");
        assertTrue(column(vm, TableKind.SHADOW).rows().get(1) instanceof RowNote note
                && note.text().startsWith("empty"), "a fresh shadow root says why it is empty");
    }

    @Test
    void steppingForwardThenBackShowsTheSameAsBefore() {
        List<StepFrame> frames = TableScenarios.shadow();
        TablesViewModel vm = playedTo(frames, 3);
        TablesContent before = vm.getContent();

        vm.setFrame(frames.get(4));
        assertFalse(before.equals(vm.getContent()));
        vm.setFrame(frames.get(3));

        assertEquals(before, vm.getContent());
    }

    @Test
    void beforeAnyStepThereIsNothingToShow() {
        TablesViewModel vm = new TablesViewModel();
        assertEquals(-1, vm.getContent().frameIndex());
        assertTrue(vm.getContent().columns().isEmpty());
        assertNull(vm.selectedVmProperty().get());
        assertTrue(vm.vmIds().isEmpty());
    }

    @Test
    void atTheInitialStateOnlyTheRootTableIsOpen() {
        TablesViewModel vm = playedTo(TableScenarios.shadow(), 0);
        TableColumn guest = column(vm, TableKind.GUEST);
        assertEquals(1, guest.headings().size());
        assertTrue(guest.entries().stream().noneMatch(EntryRow::expanded));
        assertTrue(vm.getContent().focusText().startsWith("No address translated yet"));
    }
}
