package org.memvirt.viewmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.memvirt.engine.event.Dimension;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.LookupOutcome;
import org.memvirt.engine.event.TlbLookup;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;

/**
 * The two-dimensional picture of one walk: a row per guest level (top table first) plus a row
 * for the data, a column per host (EPT) level plus one for the guest entry. Each reference of the
 * walk has its cell; the cells a walk does not use say why (a large page, a cache, a fault). A
 * native walk has one column. Built once per walk; immutable.
 */
public final class WalkGrid {
    /** The level number the data row and the guest-entry column carry. */
    public static final int DATA = 0;

    private final TranslationWalk walk;
    private final List<Row> rows = new ArrayList<>();
    private final List<Column> columns = new ArrayList<>();
    private final List<GridCell> cells = new ArrayList<>();
    private final Map<Integer, WalkStep> byCell = new HashMap<>();
    private final Set<Integer> nestedTlbRows = new HashSet<>();
    /** Cells where an earlier try of the access faulted, with what happened there. */
    private final Map<Integer, String> earlierFaults = new HashMap<>();
    private WalkAttempt shownAttempt;
    private boolean tlbHit;
    private int walkCacheLevel;
    private int guestLeafLevel;

    /**
     * A row.
     *
     * @param level    the guest level whose entry (and table address) the row is about; 0 = data
     * @param title    "Guest PML4", "PT", "Data"
     * @param subtitle where its table (or the data page) is, when known
     */
    public record Row(int level, String title, String subtitle) {
    }

    /**
     * A column.
     *
     * @param level the host level it reads; 0 = the guest (or native) entry itself
     * @param title "EPT PD", "Guest entry"
     */
    public record Column(int level, String title) {
    }

    private WalkGrid(TranslationWalk walk) {
        this.walk = walk;
        analyse();
        layOut();
    }

    /** The grid of a walk. */
    public static WalkGrid of(TranslationWalk walk) {
        return new WalkGrid(walk);
    }

    public TranslationWalk walk() {
        return walk;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public List<Column> columns() {
        return List.copyOf(columns);
    }

    /** All cells, row by row. */
    public List<GridCell> cells() {
        return List.copyOf(cells);
    }

    /** The walk's references in hardware order. */
    public List<WalkStep> references() {
        return walk.references();
    }

    /** Whether the TLB answered the access (no walk at all). */
    public boolean tlbHit() {
        return tlbHit;
    }

    /** The deepest guest level the page-walk cache supplied, or 0 when it did not hit. */
    public int walkCacheLevel() {
        return walkCacheLevel;
    }

    /** Whether the nested TLB knew the guest-physical address that row {@code level} needs. */
    public boolean nestedTlbHit(int level) {
        return nestedTlbRows.contains(level);
    }

    /** The guest level whose entry mapped the data page, or 0 when the walk did not get there. */
    public int guestLeafLevel() {
        return guestLeafLevel;
    }

    /** The row (guest level, 0 = data) a reference belongs to. */
    public static int rowLevel(WalkStep step) {
        return step.dimension() == Dimension.HOST ? step.forGuestLevel() : step.level();
    }

    /** The EPT level whose entry mapped the host page of row {@code level}, or 0 if unknown. */
    public int hostLeafLevel(int level) {
        int leaf = 0;
        for (WalkStep w : walk.references()) {
            if (w.dimension() == Dimension.HOST && w.forGuestLevel() == level && w.present()
                    && EptEntry.isLeaf(w.entryValue(), w.level())) {
                leaf = w.level();
            }
        }
        return leaf;
    }

    /**
     * The guest-physical address row {@code level} is about: the guest table of that level, or
     * for the data row the address of the data.
     */
    public OptionalLong rowAddress(int level) {
        for (WalkStep w : walk.references()) {
            if (w.dimension() != Dimension.HOST && w.level() == level) {
                return OptionalLong.of(w.tableAddress());
            }
        }
        if (level == DATA) {
            var result = walk.result();
            if (result.isPresent()) {
                // a shadow table maps straight to host memory: the data row is about the hPA
                return OptionalLong.of(walk.settings().mode() == PagingMode.SHADOW ? result.get().hpa()
                        : result.get().gpa());
            }
            for (WalkStep w : walk.references()) {
                if (w.dimension() != Dimension.HOST && w.present() && X86Entry.isLeaf(w.entryValue(), w.level())) {
                    long mask = PageSize.ofLeafLevel(w.level()).offsetMask();
                    return OptionalLong.of(X86Entry.address(w.entryValue(), w.level()) | (walk.settings().gva() & mask));
                }
            }
            return OptionalLong.empty();
        }
        for (WalkStep w : walk.references()) {
            if (w.dimension() != Dimension.HOST && w.level() == level + 1 && w.present()
                    && !X86Entry.isLeaf(w.entryValue(), w.level())) {
                return OptionalLong.of(X86Entry.address(w.entryValue(), w.level()));
            }
        }
        return OptionalLong.empty();
    }

    /** The try of the access the grid draws (the last one), with its fault when it faulted. */
    public WalkAttempt attempt() {
        return shownAttempt;
    }

    /** How many tries the access took (2 when it faulted into the hypervisor and was retried). */
    public int attemptCount() {
        return walk.attempts().size();
    }

    private void analyse() {
        List<WalkAttempt> attempts = walk.attempts();
        shownAttempt = attempts.get(attempts.size() - 1);
        for (WalkAttempt a : attempts.subList(0, attempts.size() - 1)) {
            if (a.faultedAt() != null) {
                WalkStep w = a.faultedAt();
                int column = w.dimension() == Dimension.HOST ? w.level() : DATA;
                earlierFaults.merge(key(rowLevel(w), column), "try " + a.number() + " faulted here",
                        (x, y) -> x + ", " + y);
            }
        }
        int expected = walk.settings().guestLevels();
        for (Event e : walk.lastAttempt()) {
            if (e instanceof TlbLookup t) {
                boolean hit = t.outcome() != LookupOutcome.MISS;
                switch (t.cache()) {
                    case TLB -> tlbHit |= hit;
                    case WALK_CACHE -> {
                        if (hit) {
                            walkCacheLevel = t.level();
                            expected = t.level() - 1;
                        }
                    }
                    case NESTED_TLB -> {
                        if (hit) {
                            nestedTlbRows.add(expected);
                        }
                    }
                }
            } else if (e instanceof WalkStep w) {
                int column = w.dimension() == Dimension.HOST ? w.level() : DATA;
                byCell.put(key(rowLevel(w), column), w);
                if (w.dimension() != Dimension.HOST) {
                    boolean leaf = w.present() && X86Entry.isLeaf(w.entryValue(), w.level());
                    if (leaf) {
                        guestLeafLevel = w.level();
                    }
                    expected = leaf ? DATA : w.level() - 1;
                }
            }
        }
    }

    private void layOut() {
        WalkSettings s = walk.settings();
        boolean nested = s.nested();
        for (int level = s.guestLevels(); level >= 1; level--) {
            String title = nested ? "Guest " + Levels.name(level) : Levels.name(level);
            String at = nested ? "table at gPA " : s.mode() == PagingMode.SHADOW ? "shadow table at hPA " : "table at PA ";
            rows.add(new Row(level, title, rowSubtitle(level, at)));
        }
        rows.add(new Row(DATA, "Data", rowSubtitle(DATA, nested ? "at gPA " : s.mode() == PagingMode.SHADOW
                ? "at hPA " : "at PA ")));
        if (nested) {
            for (int level = s.hostLevels(); level >= 1; level--) {
                columns.add(new Column(level, Levels.eptName(level)));
            }
            columns.add(new Column(DATA, "Guest entry"));
        } else {
            columns.add(new Column(DATA, "Entry read"));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                cells.add(cell(r, c));
            }
        }
    }

    private String rowSubtitle(int level, String prefix) {
        OptionalLong a = rowAddress(level);
        if (a.isPresent()) {
            return prefix + HexAddress.compact(a.getAsLong());
        }
        if (tlbHit) {
            return "not needed: TLB hit";
        }
        if (level != DATA && walkCacheLevel > 0 && level >= walkCacheLevel) {
            return "entry from the walk cache";
        }
        return "";
    }

    private GridCell cell(int r, int c) {
        int row = rows.get(r).level();
        int column = columns.get(c).level();
        WalkStep step = byCell.get(key(row, column));
        if (step != null) {
            String title = step.dimension() == Dimension.HOST ? Levels.eptName(step.level())
                    : step.dimension() == Dimension.GUEST ? "Guest " + Levels.name(step.level())
                    : Levels.name(step.level());
            List<String> lines = List.of("table " + HexAddress.compact(step.tableAddress()),
                    "index " + step.index(),
                    "entry " + HexAddress.compact(step.entryValue()));
            WalkStep faulted = shownAttempt.faultedAt();
            String fault = faulted != null && faulted.reference() == step.reference() ? shownAttempt.fault() : "";
            return new GridCell(r, c, CellKind.REFERENCE, step, "#" + step.reference(), title, lines, fault,
                    earlierFaults.getOrDefault(key(row, column), ""));
        }
        if (row == DATA && column == DATA) {
            return dataCell(r, c);
        }
        CellKind kind = unusedKind(row, column);
        String title = switch (kind) {
            case TLB, WALK_CACHE, NESTED_TLB -> "cached";
            case LARGE_PAGE -> "skipped";
            default -> "not reached";
        };
        return new GridCell(r, c, kind, null, "", title, List.of(reason(kind, row)), "",
                earlierFaults.getOrDefault(key(row, column), ""));
    }

    private GridCell dataCell(int r, int c) {
        var result = walk.result();
        if (result.isEmpty()) {
            return new GridCell(r, c, CellKind.NOT_REACHED, null, "", CellKind.NOT_REACHED.label(),
                    List.of("the access did not complete"), "", "");
        }
        Translated t = result.get();
        List<String> lines = walk.settings().nested()
                ? List.of("gPA " + HexAddress.compact(t.gpa()), "hPA " + HexAddress.compact(t.hpa()),
                "the access itself")
                : List.of("PA " + HexAddress.compact(t.hpa()), "the access itself");
        return new GridCell(r, c, CellKind.DATA, null, "DATA", "Data read", lines, "", "");
    }

    private CellKind unusedKind(int row, int column) {
        if (tlbHit) {
            return CellKind.TLB;
        }
        if (row != DATA && walkCacheLevel > 0 && row >= walkCacheLevel) {
            return CellKind.WALK_CACHE;
        }
        if (column != DATA && nestedTlbRows.contains(row)) {
            return CellKind.NESTED_TLB;
        }
        if (row != DATA && guestLeafLevel > row) {
            return CellKind.LARGE_PAGE;
        }
        int hostLeaf = column == DATA ? 0 : hostLeafLevel(row);
        if (hostLeaf > column) {
            return CellKind.LARGE_PAGE;
        }
        return CellKind.NOT_REACHED;
    }

    private String reason(CellKind kind, int row) {
        return switch (kind) {
            case TLB -> "TLB hit";
            case WALK_CACHE -> "walk cache";
            case NESTED_TLB -> "nested TLB";
            case LARGE_PAGE -> guestLeafLevel > row && row != DATA
                    ? PageSize.ofLeafLevel(guestLeafLevel).label() + " guest page"
                    : PageSize.ofLeafLevel(hostLeafLevel(row)).label() + " host page";
            case NOT_REACHED -> "walk stopped";
            case REFERENCE, DATA -> throw new IllegalStateException("not an unused cell: " + kind);
        };
    }

    private static int key(int row, int column) {
        return row * 8 + column;
    }
}
