package org.memvirt.viewmodel.compare;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.viewmodel.Playhead;

/**
 * The Compare screen: one access trace played on a native, a nested-paging and a shadow-paging
 * machine side by side. The student picks a workload and tunes it; the view model builds the three
 * machines, plays the trace on each once, keeps every step's counters, and then shows position
 * {@code k} (0 = before the first step, N = after the last) in all three columns at once, with a
 * chart of the cost so far and a one-sentence verdict. Changing the cost assumptions or the chart
 * re-simulates nothing. After a change of workload the position stays at the start if it was
 * there, and otherwise goes to the new trace's end.
 *
 * <p>Playing a trace on three machines takes from milliseconds to about a second (16,000 steps of
 * shadow paging dropping its root at every switch), so it runs on a worker and the result comes
 * back on the UI thread; meanwhile the old trace stays on screen and {@link #busyProperty()} is
 * true. A result that a newer change has overtaken is thrown away. Tests pass executors that run
 * at once.
 */
public final class CompareViewModel {
    /** Play covers a whole trace in at most this many clock ticks at 1× speed. */
    public static final int TICKS_PER_PLAY = 200;
    /** The cache-hit costs the student picks from, in cycles: L1, L2, L3, DRAM. */
    public static final List<Integer> REFERENCE_COSTS = List.of(4, 12, 40, 200);
    /** Play speeds. */
    public static final List<Double> SPEEDS = List.of(0.25, 0.5, 1.0, 2.0, 4.0);

    private final ObjectProperty<Integer> cyclesPerReference = new SimpleObjectProperty<>(this, "cyclesPerReference");
    private final IntegerProperty cyclesPerExit = new SimpleIntegerProperty(this, "cyclesPerExit");
    private final ObjectProperty<ChartMetric> chartMetric = new SimpleObjectProperty<>(this, "chartMetric",
            ChartMetric.CYCLES);
    private final ObjectProperty<Double> speed = new SimpleObjectProperty<>(this, "speed", 1.0);

    private final WorkloadKnobs workload;
    private final ReadOnlyObjectWrapper<CompareRecording> recording = new ReadOnlyObjectWrapper<>(this, "recording");
    private final ReadOnlyObjectWrapper<CostModel> costs = new ReadOnlyObjectWrapper<>(this, "costs");
    private final ReadOnlyObjectWrapper<ChartData> chart = new ReadOnlyObjectWrapper<>(this, "chart");
    private final Playhead playhead = new Playhead(this::show);
    private final ReadOnlyStringWrapper positionText = new ReadOnlyStringWrapper(this, "positionText", "");
    private final ReadOnlyStringWrapper stepCounter = new ReadOnlyStringWrapper(this, "stepCounter", "0 / 0");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyStringWrapper assumption = new ReadOnlyStringWrapper(this, "assumption", "");
    private final ColumnViewModel nativeColumn = new ColumnViewModel(PagingMode.NATIVE);
    private final ColumnViewModel nestedColumn = new ColumnViewModel(PagingMode.NESTED);
    private final ColumnViewModel shadowColumn = new ColumnViewModel(PagingMode.SHADOW);

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final Executor worker;
    private final Executor ui;
    private WorkloadParams requested;
    private long generation;

    /** The screen showing the TLB-unfriendly scan, recording on a worker thread. */
    public CompareViewModel() {
        this(Workload.TLB_SCAN);
    }

    /** The screen showing {@code initial}, recording on a worker thread. */
    public CompareViewModel(Workload initial) {
        this(initial, worker(), Platform::runLater);
    }

    /**
     * The screen showing {@code initial}, with the default cost assumptions.
     *
     * @param worker runs the recording of a trace (tests: {@code Runnable::run})
     * @param ui     brings a finished recording back to the thread the view model lives on
     */
    public CompareViewModel(Workload initial, Executor worker, Executor ui) {
        this.worker = worker;
        this.ui = ui;
        cyclesPerReference.set(CostModel.DEFAULT.cyclesPerReference());
        cyclesPerExit.set(CostModel.DEFAULT.cyclesPerExit());
        costs.set(CostModel.DEFAULT);
        cyclesPerReference.addListener(obs -> costsChanged());
        cyclesPerExit.addListener(obs -> costsChanged());
        chartMetric.addListener(obs -> rebuildChart());
        workload = new WorkloadKnobs(initial);
        workload.paramsProperty().addListener((obs, old, now) -> record(now));
        record(workload.getParams());
    }

    // ---- the workload and the assumptions (the view binds its controls to these) ----

    /** The workload picked and its knobs. */
    public WorkloadKnobs workload() {
        return workload;
    }

    /** Cycles one walk reference is assumed to cost: one of {@link #REFERENCE_COSTS}. */
    public ObjectProperty<Integer> cyclesPerReferenceProperty() {
        return cyclesPerReference;
    }

    /** Cycles one VM exit is assumed to cost. */
    public IntegerProperty cyclesPerExitProperty() {
        return cyclesPerExit;
    }

    public ObjectProperty<ChartMetric> chartMetricProperty() {
        return chartMetric;
    }

    /** Play speed, one of {@link #SPEEDS}. */
    public ObjectProperty<Double> speedProperty() {
        return speed;
    }

    // ---- what is shown (read only) ----

    /** The three machines' counters over the whole trace. */
    public ReadOnlyObjectProperty<CompareRecording> recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** True while a trace is being played on the three machines; the old one stays on screen. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last workload could not be played; empty when it could. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CostModel> costsProperty() {
        return costs.getReadOnlyProperty();
    }

    /** What the chart plots; the view draws it up to {@link #positionProperty()}. */
    public ReadOnlyObjectProperty<ChartData> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty positionProperty() {
        return playhead.positionProperty();
    }

    /** Steps in the trace. */
    public ReadOnlyIntegerProperty lengthProperty() {
        return playhead.lengthProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playhead.playingProperty();
    }

    /** "Step 37 of 1,279: process 1 reads page 36 (0x…)." */
    public ReadOnlyStringProperty positionTextProperty() {
        return positionText.getReadOnlyProperty();
    }

    /** "37 / 1,279", for the transport. */
    public ReadOnlyStringProperty stepCounterProperty() {
        return stepCounter.getReadOnlyProperty();
    }

    /** One sentence: references, exits, and which mode is cheaper at the assumed costs. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** The cost assumption spelled out, marked as an assumption. */
    public ReadOnlyStringProperty assumptionProperty() {
        return assumption.getReadOnlyProperty();
    }

    public ColumnViewModel column(PagingMode mode) {
        return switch (mode) {
            case NATIVE -> nativeColumn;
            case NESTED -> nestedColumn;
            case SHADOW -> shadowColumn;
        };
    }

    public List<ColumnViewModel> columns() {
        return List.of(nativeColumn, nestedColumn, shadowColumn);
    }

    /** Where the player is and what it can do next (the transport's controls bind to it). */
    public Playhead playhead() {
        return playhead;
    }

    public BooleanBinding canStepBackBinding() {
        return playhead.canStepBackBinding();
    }

    public BooleanBinding canStepForwardBinding() {
        return playhead.canStepForwardBinding();
    }

    public BooleanBinding canPlayBinding() {
        return playhead.canPlayBinding();
    }

    // ---- commands ----

    public void stepForward() {
        playhead.stepForward();
    }

    public void stepBack() {
        playhead.stepBack();
    }

    /** Back to before the first step. */
    public void reset() {
        playhead.reset();
    }

    /** After the last step. */
    public void toEnd() {
        playhead.toEnd();
    }

    /** Jumps to position {@code k}, clamped to 0..N. */
    public void goTo(int k) {
        playhead.goTo(k);
    }

    /** Starts playing (from the start when at the end). */
    public void play() {
        playhead.play();
    }

    public void pause() {
        playhead.pause();
    }

    public void togglePlay() {
        playhead.togglePlay();
    }

    /** Steps one clock tick moves: the whole trace takes {@link #TICKS_PER_PLAY} ticks at 1×. */
    public int stepsPerTick() {
        double s = speed.get() == null ? 1 : speed.get();
        return Math.max(1, (int) Math.ceil(playhead.length() * s / TICKS_PER_PLAY));
    }

    /** One beat of the player's clock: {@link #stepsPerTick()} steps on, stopping at the end. */
    public void tick() {
        playhead.tick(stepsPerTick());
    }

    // ---- inside ----

    /** Builds the three machines of {@code p} and plays its trace on each, once, on the worker. */
    private void record(WorkloadParams p) {
        if (p.equals(requested)) {
            return;
        }
        pause();
        requested = p;
        long mine = ++generation;
        busy.set(true);
        worker.execute(() -> {
            CompareRecording r;
            try {
                r = CompareRecording.of(p);
            } catch (RuntimeException e) {
                ui.execute(() -> failed(mine, e));
                return;
            }
            ui.execute(() -> recorded(mine, r));
        });
    }

    private void recorded(long mine, CompareRecording r) {
        if (mine != generation) {
            return;
        }
        busy.set(false);
        problem.set("");
        boolean atStart = recording.get() == null || playhead.position() == 0;
        recording.set(r);
        playhead.setLength(r.length());
        rebuildChart();
        playhead.moveTo(atStart ? 0 : r.length());
    }

    private void failed(long mine, RuntimeException e) {
        if (mine != generation) {
            return;
        }
        busy.set(false);
        problem.set("This workload could not be played: " + e.getMessage());
    }

    private static Executor worker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "compare-recorder");
            t.setDaemon(true);
            return t;
        });
    }

    private void costsChanged() {
        int perRef = cyclesPerReference.get() == null ? CostModel.DEFAULT.cyclesPerReference()
                : Math.max(1, cyclesPerReference.get());
        costs.set(new CostModel(perRef, Math.max(0, cyclesPerExit.get())));
        rebuildChart();
        playhead.moveTo(playhead.position());
    }

    private void rebuildChart() {
        CompareRecording r = recording.get();
        if (r != null) {
            chart.set(ChartData.of(r, chartMetric.get(), costs.get()));
        }
    }

    /** Shows step {@code k} of the recording: the three columns, the texts, the verdict. */
    private void show(int k) {
        CompareRecording r = recording.get();
        if (r == null) {
            return;
        }
        CostModel c = costs.get();
        long scale = 1;
        for (PagingMode m : PagingMode.values()) {
            scale = Math.max(scale, c.cycles(r.at(m, r.length())));
        }
        CounterSnapshot nativeNow = r.at(PagingMode.NATIVE, k);
        for (ColumnViewModel col : columns()) {
            col.show(k == 0 ? null : r.at(col.mode(), k - 1), r.at(col.mode(), k), nativeNow, c, scale,
                    r.trace().params().tlb());
        }
        positionText.set(StepText.position(r, k));
        stepCounter.set(Figures.count(k) + " / " + Figures.count(r.length()));
        verdict.set(Verdict.of(k, r.length(), r.at(PagingMode.NESTED, k), r.at(PagingMode.SHADOW, k), c));
        assumption.set("Assumed, not measured: 1 walk reference ≈ " + Figures.count(c.cyclesPerReference())
                + " cycles (" + cacheName(c.cyclesPerReference()) + "), 1 VM exit ≈ " + Figures.count(c.cyclesPerExit())
                + " cycles. Data accesses cost the same in all three and are left out.");
    }

    /** Which cache hit a reference cost stands for. */
    public static String cacheName(int cycles) {
        return switch (cycles) {
            case 4 -> "an L1 hit";
            case 12 -> "an L2 hit";
            case 40 -> "an L3 hit";
            case 200 -> "a DRAM access";
            default -> "your pick";
        };
    }
}
