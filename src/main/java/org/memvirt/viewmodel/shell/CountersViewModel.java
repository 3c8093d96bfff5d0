package org.memvirt.viewmodel.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.event.Event;
import org.memvirt.lesson.CounterNames;

/**
 * The counters panel: the counters this lesson moves (under DESIGN.md's names), their totals and
 * what the current step added, and the history the chart draws for the counters chosen. A
 * counter the lesson never changes is left out, so the panel stays short.
 *
 * <p>No spoilers: the chart has values only up to the step on screen, and while that step's walk
 * is being animated the counters that events tell ({@link EventTally}) grow as the animation
 * reaches each event ({@link #reveal(int)}); the others take their new value when it ends.
 */
public final class CountersViewModel {
    /** What the chart draws first, in this order of preference, when the lesson moves them. */
    private static final List<String> CHART_PREFERENCE = List.of("guestRefs", "hostRefs", "shadowRefs",
            "nativeRefs", "vmExits", "hiddenFaults", "guestFaults", "swapOuts", "sharedFrames", "balloonPages",
            "walkRefs", "tlbMisses");
    private static final int CHART_DEFAULT = 3;
    /** {@link #reveal(int)}: every event of the step has happened on screen. */
    public static final int ALL = Integer.MAX_VALUE;

    private final ObservableList<CounterRow> rows = FXCollections.observableArrayList();
    private final ObservableList<CounterRow> rowsReadOnly = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> charted = FXCollections.observableArrayList();
    private final ObservableList<String> chartedReadOnly = FXCollections.unmodifiableObservableList(charted);
    private final BooleanProperty runningTotal = new SimpleBooleanProperty(this, "runningTotal");
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position");
    private final ReadOnlyObjectWrapper<List<CounterSnapshot>> history =
            new ReadOnlyObjectWrapper<>(this, "history", List.of());
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private List<String> names = List.of();
    private List<Event> stepEvents = List.of();
    private CounterSnapshot stepBefore;
    private int revealed = ALL;
    private Set<String> highlighted = Set.of();

    CountersViewModel() {
        charted.addListener((javafx.collections.ListChangeListener<String>) c -> refresh());
    }

    /** The rows at the current step. */
    public ObservableList<CounterRow> rows() {
        return rowsReadOnly;
    }

    /** The counters the chart draws, in order. */
    public ObservableList<String> charted() {
        return chartedReadOnly;
    }

    /** False: the chart shows what each step added; true: the running totals. */
    public BooleanProperty runningTotalProperty() {
        return runningTotal;
    }

    /** The step the chart marks. */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** The counters at every position of the lesson (0 = before step 1). */
    public ReadOnlyObjectProperty<List<CounterSnapshot>> historyProperty() {
        return history.getReadOnlyProperty();
    }

    /** The counters the lesson moves (and {@code accesses} and {@code walkRefs}), in DESIGN.md's order. */
    public List<String> names() {
        return names;
    }

    /** Draws {@code name} in the chart, or stops drawing it. */
    public void toggleCharted(String name) {
        if (charted.contains(name)) {
            charted.remove(name);
        } else if (names.contains(name)) {
            charted.add(name);
        }
    }

    /** Changes whenever what the panel shows changes (the chart redraws on it). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /**
     * The values the chart draws for {@code name}, one per position from 0 to the step on screen
     * (never past it: the chart must not show what a question asks), the last one as far as the
     * step's animation has got.
     */
    public long[] series(String name) {
        List<CounterSnapshot> h = history.get();
        if (h.isEmpty()) {
            return new long[0];
        }
        int p = shownPosition();
        long[] values = new long[p + 1];
        for (int i = 0; i <= p; i++) {
            long v = i == p ? shown(name) : CounterNames.value(h.get(i), name);
            values[i] = runningTotal.get() || i == 0 ? v : v - CounterNames.value(h.get(i - 1), name);
        }
        if (!runningTotal.get()) {
            values[0] = 0;
        }
        return values;
    }

    /**
     * The step's animation has got as far as its first {@code events} events (of those the step
     * shows); {@link #ALL} when it is over or the step was not animated.
     */
    public void reveal(int events) {
        int r = Math.max(0, events);
        if (r != revealed) {
            revealed = r;
            refresh();
        }
    }

    // ---- driven by the lesson window ----

    void setHistory(List<CounterSnapshot> snapshots) {
        List<String> moved = new ArrayList<>();
        for (String n : CounterNames.names()) {
            if (n.equals("accesses") || n.equals("walkRefs") || changes(snapshots, n)) {
                moved.add(n);
            }
            if (n.equals(CounterNames.VM_EXITS)) {
                for (String reason : CounterNames.exitReasons()) {
                    String r = CounterNames.VM_EXITS + "." + reason;
                    if (changes(snapshots, r)) {
                        moved.add(r);
                    }
                }
            }
        }
        names = List.copyOf(moved);
        history.set(List.copyOf(snapshots));
        List<String> chart = new ArrayList<>();
        for (String n : CHART_PREFERENCE) {
            if (chart.size() < CHART_DEFAULT && moved.contains(n) && changes(snapshots, n)) {
                chart.add(n);
            }
        }
        charted.setAll(chart);
        refresh();
    }

    /**
     * The step on screen: its position, the counters it points at, the events it shows and the
     * counters before them. Until {@link #reveal(int)} says otherwise every event has happened.
     */
    void setPosition(int p, Set<String> highlightedNames, List<Event> events, CounterSnapshot before) {
        highlighted = new LinkedHashSet<>(highlightedNames);
        stepEvents = List.copyOf(events);
        stepBefore = before;
        revealed = ALL;
        position.set(p);
        refresh();
    }

    void setPosition(int p, Set<String> highlightedNames) {
        setPosition(p, highlightedNames, List.of(), null);
    }

    private int shownPosition() {
        return Math.max(0, Math.min(history.get().size() - 1, position.get()));
    }

    /** Counter {@code name} as the screen has it now: mid-animation, what the events so far added. */
    private long shown(String name) {
        List<CounterSnapshot> h = history.get();
        int p = shownPosition();
        long after = CounterNames.value(h.get(p), name);
        if (revealed >= stepEvents.size() || p == 0 || !h.get(p - 1).equals(stepBefore)) {
            return after;
        }
        long before = CounterNames.value(stepBefore, name);
        boolean toldByEvents = EventTally.of(stepEvents).added(name) == after - before;
        if (!toldByEvents) {
            return before;
        }
        return before + EventTally.of(stepEvents.subList(0, revealed)).added(name);
    }

    private void refresh() {
        List<CounterSnapshot> h = history.get();
        if (h.isEmpty()) {
            rows.clear();
            return;
        }
        int p = shownPosition();
        List<CounterRow> out = new ArrayList<>();
        for (String n : names) {
            long v = shown(n);
            long before = p == 0 ? v : CounterNames.value(h.get(p - 1), n);
            out.add(new CounterRow(n, v, v - before, highlighted.contains(n), charted.contains(n)));
        }
        rows.setAll(out);
        revision.set(revision.get() + 1);
    }

    private static boolean changes(List<CounterSnapshot> snapshots, String name) {
        if (snapshots.isEmpty()) {
            return false;
        }
        long first = CounterNames.value(snapshots.get(0), name);
        return snapshots.stream().anyMatch(s -> CounterNames.value(s, name) != first);
    }
}
