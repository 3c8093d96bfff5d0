package org.memvirt.view.compare;

import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.view.FitPane;
import org.memvirt.view.OwnTransport;
import org.memvirt.view.PlayheadControls;
import org.memvirt.view.ViewPalette;
import org.memvirt.viewmodel.Playhead;
import org.memvirt.viewmodel.compare.CompareViewModel;

/**
 * The Compare screen: one access trace played on native, nested and shadow paging side by side.
 * The workload and its knobs on top; the step being played and the verdict; the three machines'
 * counters growing together, next to the cost assumptions and the chart; the transport at the
 * bottom. Keys: ← and → step, Space plays or pauses, Home and End jump (not while a slider or a
 * text field has the keyboard).
 */
public final class CompareView extends BorderPane implements OwnTransport {
    /** The stylesheet of the Compare screen, next to walk.css. */
    public static final String STYLESHEET = "/org/memvirt/view/compare.css";
    /** Below this width the cost panel goes under the columns (at the 14 px base font; it grows with the zoom). */
    static final double NARROW = 1100;
    /** The position text's font size at the 14 px base (compare.css: 15 px); its font tells the zoom. */
    private static final double POSITION_FONT_PX = 15;
    /** How much the presenter's zoom has grown the text (1 at 100 %); fields, so that they live as long as the view. */
    private final DoubleBinding zoom;
    /** Whether the screen is narrow for its text. */
    private final BooleanBinding narrow;
    private final Playhead playhead;
    /** Play's clock: a whole trace takes about 200 ticks at 1×, so about 8 s. */
    public static final Duration TICK = Duration.millis(40);
    /** Density levels, loosest first (see {@link #densityLevel()}). */
    static final int DENSITY_LEVELS = 4;
    private final FitPane fit;

    /** The screen with the normal play clock. */
    public CompareView(CompareViewModel viewModel) {
        this(viewModel, TICK);
    }

    /**
     * @param viewModel what to show
     * @param tick      how long a tick of Play lasts; zero (tests, screenshots) plays to the end at once
     */
    public CompareView(CompareViewModel viewModel, Duration tick) {
        getStyleClass().add("compare-view");
        setId("compare-view");
        getStylesheets().add(CompareView.class.getResource(STYLESHEET).toExternalForm());
        ViewPalette.applyTo(this);
        new CompareClock(viewModel, tick);

        WorkloadBar workload = new WorkloadBar(viewModel.workload());

        Label position = new Label();
        position.setId("position-text");
        position.getStyleClass().add("position-text");
        position.textProperty().bind(viewModel.positionTextProperty());
        position.setWrapText(true);
        position.setMinHeight(Region.USE_PREF_SIZE);
        Label busy = new Label("Playing the trace on the three machines…", new ProgressIndicator());
        busy.setId("busy");
        busy.getStyleClass().add("busy");
        busy.visibleProperty().bind(viewModel.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label problem = new Label();
        problem.setId("problem");
        problem.getStyleClass().add("problem");
        problem.setGraphic(new FontIcon("mdi2a-alert"));
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        HBox positionRow = new HBox(16, position, busy);
        positionRow.setAlignment(Pos.CENTER_LEFT);
        FontIcon scale = new FontIcon("mdi2s-scale-balance");
        scale.getStyleClass().add("verdict-icon");
        Label verdict = new Label();
        verdict.setId("verdict");
        verdict.getStyleClass().add("verdict");
        verdict.setGraphic(scale);
        verdict.textProperty().bind(viewModel.verdictProperty());
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.setMaxWidth(Double.MAX_VALUE);

        CounterTable columns = new CounterTable(viewModel.columns());
        CostPanel costs = new CostPanel(viewModel);
        VBox center = new VBox(8, positionRow, problem, verdict);
        center.getStyleClass().add("compare-center");
        VBox.setVgrow(center, Priority.ALWAYS);
        VBox content = new VBox(workload, center);
        FitPane fit = new FitPane(content, DENSITY_LEVELS, level -> {
            workload.density(level);
            columns.density(level);
            costs.density(level);
        });
        fit.setId("compare-fit");
        this.fit = fit;
        setCenter(fit);
        CompareTransport transport = new CompareTransport(viewModel);
        setBottom(transport);
        zoom = Bindings.createDoubleBinding(() -> Math.max(1, position.getFont().getSize() / POSITION_FONT_PX),
                position.fontProperty());
        narrow = widthProperty().lessThan(zoom.multiply(NARROW));
        Runnable layout = () -> {
            workload.setNarrow(narrow.get());
            transport.setCompact(narrow.get());
            arrange(center, columns, costs, narrow.get());
        };
        layout.run();
        narrow.addListener((obs, was, now) -> {
            layout.run();
            fit.refit();
        });

        PlayheadControls.addKeys(this, viewModel.playhead());
        playhead = viewModel.playhead();
    }

    /** The trace's playhead: in the lesson window, this view's transport is the only one while it shows. */
    @Override
    public Optional<Playhead> ownPlayhead() {
        return Optional.of(playhead);
    }

    /**
     * The density the screen settled on at its last layout: 0 everything; 1 without the columns'
     * subtitles, detail lines and the workload's description; 2 also without the last step, the
     * cost assumption's sentence, with a shorter chart; 3 also without the cost knobs. Beyond that
     * the whole screen is drawn smaller.
     */
    int densityLevel() {
        return fit.levelProperty().get();
    }

    /** The scale the screen is drawn at (1 unless its densest form did not fit). */
    double shrink() {
        return fit.shrinkProperty().get();
    }

    /**
     * Wide: the columns with the cost panel beside them (about 40 % of the width). Narrow (a
     * window shell with side panels, a small screen): the cost panel under the columns, smaller
     * type; the chart keeps a plot's height.
     */
    private void arrange(VBox center, CounterTable columns, CostPanel costs, boolean narrow) {
        getStyleClass().remove("narrow");
        center.getChildren().remove(3, center.getChildren().size());
        costs.prefWidthProperty().unbind();
        Pane main;
        if (narrow) {
            getStyleClass().add("narrow");
            costs.setMinWidth(0);
            costs.setPrefWidth(Region.USE_COMPUTED_SIZE);
            main = new VBox(12, columns, costs);
        } else {
            // about 40 % of the window: 600 px at 1500, 500 px at 1260
            costs.prefWidthProperty().bind(Bindings.max(420, Bindings.min(640, widthProperty().multiply(0.4))));
            costs.setMinWidth(380);
            HBox.setHgrow(columns, Priority.ALWAYS);
            main = new HBox(14, columns, costs);
        }
        VBox.setVgrow(main, Priority.ALWAYS);
        center.getChildren().add(main);
    }
}
