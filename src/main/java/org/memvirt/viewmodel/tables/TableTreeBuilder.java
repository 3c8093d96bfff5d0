package org.memvirt.viewmodel.tables;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;
import org.memvirt.viewmodel.BitChip;
import org.memvirt.viewmodel.EntryDecoding;
import org.memvirt.viewmodel.HexAddress;

/**
 * Builds the tree of one kind of table as rows: present entries only (a table has 512 entries, a
 * student needs the few that matter), the entries on the followed path opened down to the page,
 * entries the step touched always shown, long runs of other entries folded into one line. With
 * "show all" every present entry is opened, still within a row budget.
 */
final class TableTreeBuilder {
    /** Entries shown per table besides those in use or touched, by default. */
    static final int SHOWN_BY_DEFAULT = 1;
    /** Entries shown per table besides those in use or touched, with "show all". */
    static final int SHOWN_WITH_ALL = 24;
    /** Rows one tree may hold before further tables stay closed. */
    static final int ROW_BUDGET = 400;

    private final VmTables tables;
    private final TableKind kind;
    private final TableMemory memory;
    private final StepMarks marks;
    private final boolean showAll;
    private final Map<Long, long[]> cache = new HashMap<>();
    private final Map<Long, Boolean> touched = new HashMap<>();
    private final List<TableRow> rows = new ArrayList<>();
    private int tablesLeftClosed;

    TableTreeBuilder(VmTables tables, TableKind kind, StepMarks marks, boolean showAll) {
        this.tables = tables;
        this.kind = kind;
        this.memory = tables.memory(kind);
        this.marks = marks;
        this.showAll = showAll;
    }

    /**
     * The rows of the tree rooted at {@code root}, with the paths of {@code path} (addresses this
     * kind of table translates) opened.
     */
    List<TableRow> build(long root, Set<Long> path) {
        rows.clear();
        tablesLeftClosed = 0;
        table(0, tables.levels(kind), root & ~0xFFFL, path);
        if (tablesLeftClosed > 0) {
            rows.add(new RowNote(0, tablesLeftClosed + " more table" + (tablesLeftClosed == 1 ? "" : "s")
                    + " not opened: the tree is long enough to read"));
        }
        return List.copyOf(rows);
    }

    private long[] entries(long base) {
        return cache.computeIfAbsent(base, memory::table);
    }

    private boolean present(long e) {
        return kind.eptFormat() ? EptEntry.present(e) : X86Entry.present(e);
    }

    private boolean leaf(long e, int level) {
        return kind.eptFormat() ? EptEntry.isLeaf(e, level) : X86Entry.isLeaf(e, level);
    }

    private long target(long e, int level) {
        return kind.eptFormat() ? EptEntry.address(e, level) : X86Entry.address(e, level);
    }

    /** Whether this step touched the table at {@code base} or any table below it. */
    private boolean touched(long base, int level) {
        Boolean known = touched.get(base);
        if (known != null) {
            return known;
        }
        touched.put(base, false);
        boolean t = !marks.tableMarks(new EntryRef(kind, base)).isEmpty() || marks.touchesTable(kind, base);
        long[] entries = t || level == 1 ? null : entries(base);
        if (entries != null) {
            for (int i = 0; i < 512 && !t; i++) {
                long e = entries[i];
                if (present(e) && !leaf(e, level)) {
                    t = touched(target(e, level), level - 1);
                }
            }
        }
        touched.put(base, t);
        return t;
    }

    private void table(int depth, int level, long base, Set<Long> path) {
        EntryRef ref = new EntryRef(kind, base);
        long[] entries = entries(base);
        Set<TableMark> tableMarks = EnumSet.noneOf(TableMark.class);
        tableMarks.addAll(marks.tableMarks(ref));
        if (kind == TableKind.GUEST && tables.vm().writeProtectedGfns().contains(base >>> 12)) {
            tableMarks.add(TableMark.WRITE_PROTECTED);
        }
        int present = 0;
        if (entries != null) {
            for (long e : entries) {
                present += present(e) ? 1 : 0;
            }
        }
        rows.add(new TableHeading(depth, ref, level, kind.levelName(level), kind.space() + " " + HexAddress.compact(base),
                hostText(base), present, tableMarks));
        if (entries == null) {
            rows.add(new RowNote(depth, "cannot be read: no host memory backs " + kind.space() + " "
                    + HexAddress.compact(base)));
            return;
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            long e = entries[i];
            EntryRef entry = new EntryRef(kind, base + 8L * i);
            Set<EntryMark> m = marks.marks(entry);
            Set<Long> below = new LinkedHashSet<>();
            for (long a : path) {
                if (Levels.index(a, level) == i) {
                    below.add(a);
                }
            }
            // an absent entry shows only when the step touched it or the followed address needs it
            if (!present(e) && m.isEmpty() && below.isEmpty()) {
                continue;
            }
            boolean opens = present(e) && !leaf(e, level);
            boolean inTouchedSubtree = opens && touched(target(e, level), level - 1);
            candidates.add(new Candidate(i, e, entry, m, below, opens, inTouchedSubtree));
        }
        if (present == 0) {
            rows.add(new RowNote(depth, kind == TableKind.SHADOW
                    ? "empty: every access through it faults to the VMM, which fills entries on demand"
                    : "no present entries"));
        }
        int limit = showAll ? SHOWN_WITH_ALL : SHOWN_BY_DEFAULT;
        long others = candidates.stream().filter(c -> !c.important()).count();
        boolean[] visible = new boolean[candidates.size()];
        int shownOthers = 0;
        for (int k = 0; k < candidates.size(); k++) {
            Candidate c = candidates.get(k);
            visible[k] = c.important() || shownOthers < limit || others <= limit + 1;
            if (!c.important() && visible[k]) {
                shownOthers++;
            }
        }
        int k = 0;
        while (k < candidates.size()) {
            if (!visible[k]) {
                int first = k;
                while (k < candidates.size() && !visible[k]) {
                    k++;
                }
                rows.add(new HiddenEntries(depth, k - first, candidates.get(first).index(),
                        candidates.get(k - 1).index()));
                continue;
            }
            Candidate c = candidates.get(k++);
            boolean wantsOpen = c.opens() && (showAll || !c.path().isEmpty() || c.inTouchedSubtree());
            boolean open = wantsOpen && rows.size() < ROW_BUDGET;
            if (wantsOpen && !open) {
                tablesLeftClosed++;
            }
            rows.add(entryRow(depth, level, c, open));
            if (open) {
                table(depth + 1, level - 1, target(c.value(), level), c.path());
            }
        }
    }

    private EntryRow entryRow(int depth, int level, Candidate c, boolean open) {
        long e = c.value();
        boolean present = present(e);
        boolean leaf = present && leaf(e, level);
        Set<EntryMark> m = EnumSet.noneOf(EntryMark.class);
        m.addAll(c.marks());
        if (!c.path().isEmpty()) {
            m.add(EntryMark.PATH);
        }
        WalkStep asRead = new WalkStep(tables.vm().id(), StepMarks.dimension(kind), level, level, c.ref().tableBase(),
                c.index(), c.ref().address(), e, present, 0);
        List<BitChip> chips = EntryDecoding.of(asRead).chips();
        String[] target = target(e, level, present, leaf);
        return new EntryRow(depth, c.ref(), level, c.index(), e, HexAddress.compact(e), chips, target[0], target[1],
                target[2], leaf, present, open, m, marks.reads(c.ref()), marks.links(c.ref()));
    }

    /** Words, address and contents of what an entry points to. */
    private String[] target(long e, int level, boolean present, boolean leaf) {
        if (!present) {
            return new String[] {"not present", "", ""};
        }
        String space = kind == TableKind.GUEST ? "gPA" : kind == TableKind.NATIVE ? "PA" : "hPA";
        long target = target(e, level);
        String address = space + " " + HexAddress.compact(target);
        if (!leaf) {
            return new String[] {"→ " + kind.levelName(level - 1) + " at", address, ""};
        }
        String words = "→ " + PageSize.ofLeafLevel(level).label() + " page at";
        return new String[] {words, address, kind == TableKind.GUEST ? "" : holds(target)};
    }

    /** What the host frame at {@code hpa} holds, for a leaf that maps host memory. */
    private String holds(long hpa) {
        int pfn = (int) (hpa >>> 12);
        if (pfn < 0 || pfn >= tables.snapshot().memory().frameCount()) {
            return "outside host memory";
        }
        FrameUse use = tables.snapshot().memory().frame(pfn).use();
        return switch (use) {
            case FREE -> "free frame";
            case DATA -> "data";
            case GUEST_TABLE -> "a guest table";
            case EPT_TABLE -> "an EPT table";
            case SHADOW_TABLE -> "a shadow table";
            case SHARED -> "shared, read-only";
            case HOST_TABLE -> "the hypervisor process's page table";
            case HOST -> "host's own";
        };
    }

    private String hostText(long base) {
        if (kind != TableKind.GUEST) {
            return "";
        }
        long hpa = memory.hostAddress(base);
        return hpa < 0 ? "not in host memory" : "in hPA " + HexAddress.compact(hpa);
    }

    /**
     * One entry that may get a row.
     *
     * @param path             the followed addresses that go through it
     * @param opens            whether it points to a table
     * @param inTouchedSubtree whether the step touched the table it points to, or one below
     */
    private record Candidate(int index, long value, EntryRef ref, Set<EntryMark> marks, Set<Long> path, boolean opens,
                             boolean inTouchedSubtree) {
        boolean important() {
            return !marks.isEmpty() || !path.isEmpty() || inTouchedSubtree;
        }
    }
}
