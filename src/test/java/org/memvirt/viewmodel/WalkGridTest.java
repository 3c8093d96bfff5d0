package org.memvirt.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.memvirt.engine.paging.PageSize;

/** The 2D picture of a walk: which cell each reference lands in, and why the others are empty. */
class WalkGridTest {
    private final WalkScenario scenario = new WalkScenario();

    private WalkGrid grid(WalkSettings s) {
        return WalkGrid.of(scenario.walk(s));
    }

    private static GridCell cell(WalkGrid g, int row, int column) {
        return g.cells().get(row * g.columns().size() + column);
    }

    @Test
    void theClassicFigureNumbersCellsRowByRow() {
        WalkGrid g = grid(WalkSettings.defaults());

        assertEquals(List.of("Guest PML4", "Guest PDPT", "Guest PD", "Guest PT", "Data"),
                g.rows().stream().map(WalkGrid.Row::title).toList());
        assertEquals(List.of("EPT PML4", "EPT PDPT", "EPT PD", "EPT PT", "Guest entry"),
                g.columns().stream().map(WalkGrid.Column::title).toList());
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 5; c++) {
                GridCell cell = cell(g, r, c);
                assertEquals(CellKind.REFERENCE, cell.kind());
                assertEquals(r * 5 + c + 1, cell.ordinal(), "row " + r + " column " + c);
            }
        }
        for (int c = 0; c < 4; c++) {
            assertEquals(21 + c, cell(g, 4, c).ordinal());
        }
        assertEquals(CellKind.DATA, cell(g, 4, 4).kind());
    }

    @Test
    void cellsShowTableIndexAndEntry() {
        GridCell first = cell(grid(WalkSettings.defaults()), 0, 4);

        assertEquals("#5", first.badge());
        assertEquals("Guest PML4", first.title());
        assertEquals("index 254", first.lines().get(1));
        assertTrue(first.lines().get(0).startsWith("table 0x"));
        assertTrue(first.lines().get(2).startsWith("entry 0x"));
    }

    @Test
    void aLargeGuestPageSkipsTheRowsBelowIt() {
        WalkGrid g = grid(WalkSettings.defaults().withPages(PageSize.SIZE_2M, PageSize.SIZE_4K));

        for (int c = 0; c < 5; c++) {
            GridCell ptCell = cell(g, 3, c);
            assertEquals(CellKind.LARGE_PAGE, ptCell.kind());
            assertEquals("2M guest page", ptCell.lines().get(0));
        }
        assertEquals(2, g.guestLeafLevel());
    }

    @Test
    void aLargeHostPageSkipsTheLastEptColumn() {
        WalkGrid g = grid(WalkSettings.defaults().withPages(PageSize.SIZE_4K, PageSize.SIZE_2M));

        for (int r = 0; r < 5; r++) {
            assertEquals(CellKind.LARGE_PAGE, cell(g, r, 3).kind(), "EPT PT of row " + r);
            assertEquals(2, g.hostLeafLevel(g.rows().get(r).level()));
        }
    }

    @Test
    void warmWalkCachesLeaveOnlyThePtReadAndTheDataHostWalk() {
        WalkGrid g = grid(WalkSettings.defaults().withCaches(false, true));

        assertEquals(2, g.walkCacheLevel());
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 5; c++) {
                assertEquals(CellKind.WALK_CACHE, cell(g, r, c).kind());
            }
        }
        assertTrue(g.nestedTlbHit(1), "the PT table's gPA is in the nested TLB");
        for (int c = 0; c < 4; c++) {
            assertEquals(CellKind.NESTED_TLB, cell(g, 3, c).kind());
            assertEquals(CellKind.REFERENCE, cell(g, 4, c).kind());
        }
        assertEquals(1, cell(g, 3, 4).ordinal());
    }

    @Test
    void aTlbHitLeavesEveryCellButTheDataCached() {
        WalkGrid g = grid(WalkSettings.defaults().withCaches(true, false).withRepeatAccess(true));

        assertTrue(g.tlbHit());
        long cached = g.cells().stream().filter(c -> c.kind() == CellKind.TLB).count();
        assertEquals(24, cached);
        assertEquals(CellKind.DATA, cell(g, 4, 4).kind());
    }

    @Test
    void aNativeWalkHasOneColumn() {
        WalkGrid g = grid(WalkSettings.defaults().withMode(org.memvirt.engine.mmu.PagingMode.NATIVE));

        assertEquals(1, g.columns().size());
        assertEquals(List.of("PML4", "PDPT", "PD", "PT", "Data"), g.rows().stream().map(WalkGrid.Row::title).toList());
        assertEquals(List.of(1, 2, 3, 4, 0), g.cells().stream().map(GridCell::ordinal).toList());
    }

    @Test
    void rowsNameTheGuestPhysicalAddressTheirHostWalkTranslates() {
        WalkGrid g = grid(WalkSettings.defaults());

        assertTrue(g.rows().get(0).subtitle().startsWith("table at gPA 0x"));
        assertEquals(g.walk().result().orElseThrow().gpa(), g.rowAddress(WalkGrid.DATA).getAsLong());
    }
}
