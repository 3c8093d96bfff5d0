package org.memvirt.viewmodel.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.memvirt.engine.MachineSnapshot;
import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.viewmodel.StepFrame;

/**
 * The Host memory screen: a frame map of the whole host, each VM's guest-physical pages, the host
 * swap device, the free-memory state, counters, each VM's reclamation figures and a chart of host
 * memory over the steps. The lesson player sets {@link #frameProperty()} to the current step and
 * fills {@link #history()} with all steps; everything else follows. A step one after the previous
 * is animated (unless "fast" is on); any other jump draws the result only.
 */
public final class HostMemoryViewModel {
    private final ObjectProperty<StepFrame> frame = new SimpleObjectProperty<>(this, "frame");
    private final ObservableList<StepFrame> history = FXCollections.observableArrayList();
    private final BooleanProperty fast = new SimpleBooleanProperty(this, "fast");

    private final ReadOnlyObjectWrapper<MapUpdate> update = new ReadOnlyObjectWrapper<>(this, "update");
    private final ReadOnlyObjectWrapper<FreeMemoryState> freeState = new ReadOnlyObjectWrapper<>(this, "freeState");
    private final ReadOnlyObjectWrapper<Highlight> highlight =
            new ReadOnlyObjectWrapper<>(this, "highlight", Highlight.NONE);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "No step yet");
    private final ReadOnlyStringWrapper infoLine = new ReadOnlyStringWrapper(this, "infoLine", "");
    private final ReadOnlyStringWrapper mapTitle = new ReadOnlyStringWrapper(this, "mapTitle", "");
    private final ReadOnlyObjectWrapper<ShownFrames> shownFrames = new ReadOnlyObjectWrapper<>(this, "shownFrames");
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position", -1);
    private final ObservableList<SummaryLine> summary = FXCollections.observableArrayList();
    private final ObservableList<LegendEntry> frameLegend = FXCollections.observableArrayList();
    private final ObservableList<LegendEntry> guestLegend = FXCollections.observableArrayList();
    private final ObservableList<CounterRow> counters = FXCollections.observableArrayList();
    private final ObservableList<VmCard> vmCards = FXCollections.observableArrayList();
    private final ObservableList<HistoryPoint> chart = FXCollections.observableArrayList();

    // made once: an unmodifiable wrapper holds its listeners only while someone holds the wrapper
    private final ObservableList<SummaryLine> summaryView = FXCollections.unmodifiableObservableList(summary);
    private final ObservableList<LegendEntry> frameLegendView = FXCollections.unmodifiableObservableList(frameLegend);
    private final ObservableList<LegendEntry> guestLegendView = FXCollections.unmodifiableObservableList(guestLegend);
    private final ObservableList<CounterRow> countersView = FXCollections.unmodifiableObservableList(counters);
    private final ObservableList<VmCard> vmCardsView = FXCollections.unmodifiableObservableList(vmCards);
    private final ObservableList<HistoryPoint> chartView = FXCollections.unmodifiableObservableList(chart);

    private final BooleanBinding canStepBack = position.greaterThan(0);
    private final BooleanBinding canStepForward = Bindings.createBooleanBinding(
            () -> position.get() >= 0 && position.get() < history.size() - 1, position, history);

    private IntConsumer seek;
    private final SwapHistory swapHistory = new SwapHistory(history);

    /** A screen with nothing to show until a frame is set. */
    public HostMemoryViewModel() {
        frame.addListener((obs, old, now) -> show(old, now));
        history.addListener((ListChangeListener<StepFrame>) c -> {
            swapHistory.forget();
            shownFrames.set(ShownFrames.of(history));
            refreshChart();
            position.set(positionOf(frame.get()));
        });
        shownFrames.addListener((obs, old, now) -> {
            if (frame.get() != null) {
                mapTitle.set(mapTitle(frame.get().snapshot().memory().frameCount()));
            }
        });
        fast.addListener((obs, was, now) -> {
            if (now && update.get() != null && update.get().animation() != null) {
                MapUpdate u = update.get();
                update.set(new MapUpdate(u.picture(), u.changed(), null));
            }
        });
        infoLine.set(defaultInfo());
    }

    // ---- inputs ----

    /** The step shown; the lesson player sets it. */
    public ObjectProperty<StepFrame> frameProperty() {
        return frame;
    }

    /** Every step of the lesson so far, step 0 first; the chart draws it and stepping moves in it. */
    public ObservableList<StepFrame> history() {
        return history;
    }

    /** When on, steps draw their result without animating. */
    public BooleanProperty fastProperty() {
        return fast;
    }

    /**
     * Who moves to another step when the student asks for one (a click on the chart, the step
     * buttons): the lesson player, which then sets the frame. Without one the screen sets the
     * frame itself from the history.
     */
    public void setOnSeek(IntConsumer seek) {
        this.seek = seek;
    }

    // ---- state (read only) ----

    /** What the map draws now: picture, changed frames, animation. Null before the first frame. */
    public ReadOnlyObjectProperty<MapUpdate> updateProperty() {
        return update.getReadOnlyProperty();
    }

    /** Free host memory against ESX's thresholds. */
    public ReadOnlyObjectProperty<FreeMemoryState> freeStateProperty() {
        return freeState.getReadOnlyProperty();
    }

    /** What the pointer is over, with the other side of its mapping. */
    public ReadOnlyObjectProperty<Highlight> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    /** "Step 4 of 12 · Scan for sharing (4 s)". */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** One line about what the pointer is over (frame, guest page or swap slot), or a hint. */
    public ReadOnlyStringProperty infoLineProperty() {
        return infoLine.getReadOnlyProperty();
    }

    /** The frames the map draws when most of the host stays free all lesson; null: all of them. */
    public ReadOnlyObjectProperty<ShownFrames> shownFramesProperty() {
        return shownFrames.getReadOnlyProperty();
    }

    /** The map's title: the host's size, and which of its frames the map draws. */
    public ReadOnlyStringProperty mapTitleProperty() {
        return mapTitle.getReadOnlyProperty();
    }

    /** Where the shown step is in the history (-1: not in it). */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** What this step did to memory, a sentence per kind. */
    public ObservableList<SummaryLine> summary() {
        return summaryView;
    }

    /** The frame map's legend with counts. */
    public ObservableList<LegendEntry> frameLegend() {
        return frameLegendView;
    }

    /** The guest strips' (and swap device's) legend with counts. */
    public ObservableList<LegendEntry> guestLegend() {
        return guestLegendView;
    }

    /** The reclamation counters with their change since the previous step. */
    public ObservableList<CounterRow> counters() {
        return countersView;
    }

    /** One card per VM. */
    public ObservableList<VmCard> vmCards() {
        return vmCardsView;
    }

    /** Host memory per step of the history, for the chart. */
    public ObservableList<HistoryPoint> chart() {
        return chartView;
    }

    public BooleanBinding canStepBackBinding() {
        return canStepBack;
    }

    public BooleanBinding canStepForwardBinding() {
        return canStepForward;
    }

    // ---- commands ----

    /** Asks for step {@code index} of the history (clamped). */
    public void goTo(int index) {
        if (history.isEmpty()) {
            return;
        }
        int k = Math.max(0, Math.min(index, history.size() - 1));
        if (seek != null) {
            seek.accept(k);
        } else if (!frame.isBound()) {
            frame.set(history.get(k));
        }
    }

    /** The next step of the history. */
    public void stepForward() {
        if (canStepForward.get()) {
            goTo(position.get() + 1);
        }
    }

    /** The previous step of the history. */
    public void stepBack() {
        if (canStepBack.get()) {
            goTo(position.get() - 1);
        }
    }

    /** The pointer is over host frame {@code pfn}. */
    public void hoverFrame(int pfn) {
        MemoryPicture p = picture();
        if (p == null || pfn < 0 || pfn >= p.frames().frameCount()) {
            clearHover();
            return;
        }
        infoLine.set(HoverText.frame(p, pfn));
        highlight.set(new Highlight(pfn, p.frames().mappers(pfn), -1));
    }

    /** The pointer is over guest page {@code gfn} of VM {@code vm}. */
    public void hoverGuestPage(int vm, int gfn) {
        MemoryPicture p = picture();
        GuestStrip strip = p == null ? null : p.strip(vm);
        if (strip == null || gfn < 0 || gfn >= strip.pageCount()) {
            clearHover();
            return;
        }
        infoLine.set(HoverText.guestPage(p, strip, gfn));
        highlight.set(new Highlight(strip.frameOf(gfn), List.of(new GuestRef(vm, gfn)), p.swap().slotOf(vm, gfn)));
    }

    /** The pointer is over slot {@code slot} of the host swap device. */
    public void hoverSwapSlot(int slot) {
        MemoryPicture p = picture();
        if (p == null || slot < 0 || slot >= p.swap().slotCount()) {
            clearHover();
            return;
        }
        infoLine.set(HoverText.swapSlot(p, slot));
        GuestRef page = p.swap().slot(slot);
        highlight.set(new Highlight(-1, page == null ? List.of() : List.of(page), slot));
    }

    /** The pointer left the map. */
    public void clearHover() {
        infoLine.set(defaultInfo());
        highlight.set(Highlight.NONE);
    }

    // ---- internals ----

    private MemoryPicture picture() {
        return update.get() == null ? null : update.get().picture();
    }

    private String mapTitle(int frames) {
        ShownFrames shown = shownFrames.get();
        String host = "Host frames: " + Numbers.count(frames) + " × 4 KiB = " + Numbers.size(frames);
        return shown == null || shown.total() != frames ? host + ", frame 0 at the top left, row by row"
                : host + "; drawn: the " + Numbers.count(shown.size()) + " this lesson uses, in frame order";
    }

    private String defaultInfo() {
        return update.get() == null ? "No machine to show yet."
                : "Point at a frame, a guest page or a swap slot to see what it holds and who maps it.";
    }

    private void show(StepFrame old, StepFrame now) {
        position.set(positionOf(now));
        if (now == null) {
            update.set(null);
            freeState.set(null);
            headline.set("No step yet");
            mapTitle.set("");
            summary.clear();
            frameLegend.clear();
            guestLegend.clear();
            counters.clear();
            vmCards.clear();
            clearHover();
            return;
        }
        MemoryPicture shownBefore = picture();
        MemoryPicture picture = MemoryPicture.of(now, swapHistory.after(positionOf(now), now));
        boolean next = old != null && old.index() + 1 == now.index() && shownBefore != null
                && shownBefore.frames().frameCount() == picture.frames().frameCount();
        StepFrame previousFrame = next ? old : previousInHistory(now);
        MemoryPicture before = next ? shownBefore
                : previousFrame == null ? null : MemoryPicture.of(previousFrame,
                        swapHistory.afterWithoutMemo(positionOf(previousFrame), previousFrame));
        if (before != null && before.frames().frameCount() != picture.frames().frameCount()) {
            before = null;
            previousFrame = null;
        }
        List<AnimationPhase> phases = AnimationPlanner.phases(now.events(), before, picture);
        AnimationPlan plan = next && !fast.get() && !phases.isEmpty() ? new AnimationPlan(before, phases) : null;
        int[] changed = before == null ? new int[0] : picture.frames().changedSince(before.frames());

        MachineSnapshot s = now.snapshot();
        CounterSnapshot c = s.counters();
        CounterSnapshot cBefore = previousFrame == null ? null : previousFrame.snapshot().counters();
        freeState.set(new FreeMemoryState(s.memoryState(), s.memory().freeFrames(), s.memory().frameCount()));
        headline.set(headline(now));
        mapTitle.set(mapTitle(s.memory().frameCount()));
        summary.setAll(StepSummary.of(phases, now.events(),
                cBefore == null ? -1 : cBefore.hostFramesFree(), c.hostFramesFree()));
        if (summary.isEmpty()) {
            summary.add(new SummaryLine(SummaryLine.Topic.NET, now.index() == 0
                    ? "The machine before the first step."
                    : "This step did not change host memory."));
        }
        frameLegend.setAll(MemoryLegend.frames(picture));
        guestLegend.setAll(MemoryLegend.guestPages(picture));
        counters.setAll(StepFigures.counters(c, cBefore));
        vmCards.setAll(StepFigures.cards(s));
        update.set(new MapUpdate(picture, changed, plan));
        clearHover();
    }

    private String headline(StepFrame f) {
        String count = position.get() >= 0 ? "Step " + f.index() + " of " + history.get(history.size() - 1).index()
                : "Step " + f.index();
        return f.title() == null || f.title().isBlank() ? count : count + " · " + f.title();
    }

    private StepFrame previousInHistory(StepFrame f) {
        int p = positionOf(f);
        return p > 0 ? history.get(p - 1) : null;
    }

    private int positionOf(StepFrame f) {
        if (f == null) {
            return -1;
        }
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i) == f) {
                return i;
            }
        }
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).equals(f)) {
                return i;
            }
        }
        return -1;
    }

    private void refreshChart() {
        List<HistoryPoint> points = new ArrayList<>();
        for (StepFrame f : history) {
            CounterSnapshot c = f.snapshot().counters();
            long swapped = f.snapshot().vms().stream().filter(v -> v.memory() != null)
                    .mapToLong(v -> v.memory().hostSwappedPages()).sum();
            points.add(new HistoryPoint(f.index(), c.hostFramesFree(), c.sharedFrames(), swapped, c.balloonPages()));
        }
        chart.setAll(points);
        if (frame.get() != null) {
            headline.set(headline(frame.get()));
        }
    }
}
