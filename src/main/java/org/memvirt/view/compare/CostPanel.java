package org.memvirt.view.compare;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.view.WholeWords;
import org.memvirt.view.ChoiceToggles;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.viewmodel.compare.ChartMetric;
import org.memvirt.viewmodel.compare.CompareViewModel;
import org.memvirt.viewmodel.compare.Figures;

/**
 * The right-hand panel: the cost assumptions (clearly marked as such), then the chart of the
 * chosen metric over the trace with its legend.
 */
final class CostPanel extends VBox {
    private final Label assumption = new Label();
    private final FlowPane knobs;
    private final CostChart chart;

    CostPanel(CompareViewModel viewModel) {
        getStyleClass().add("cost-panel");
        setId("cost-panel");
        setSpacing(8);

        FontIcon calc = new FontIcon("mdi2c-calculator");
        calc.getStyleClass().add("panel-icon");
        Label title = new Label("Cost assumptions", calc);
        title.getStyleClass().add("panel-title");
        var refCost = new ChoiceToggles<>("ref-cost", viewModel.cyclesPerReferenceProperty(),
                CompareViewModel.REFERENCE_COSTS, c -> cacheShort(c) + " " + c, String::valueOf);
        Tooltip.install(refCost, new Tooltip("What one page-walk reference costs: walks mostly hit the caches"));
        KnobSlider exitCost = new KnobSlider("exit-cost", "1 VM exit ≈", viewModel.cyclesPerExitProperty(), 250,
                5000, 50, n -> Figures.count(n) + " cycles",
                "Measured: about 1,350 cycles VMRUN → #VMEXIT on a recent AMD part, about 2,500 for a whole KVM_RUN "
                        + "round trip");
        exitCost.slider().setPrefWidth(150);
        knobs = new FlowPane(18, 6, WorkloadBar.group("1 walk reference ≈ (cycles)", refCost), exitCost);
        knobs.setAlignment(Pos.BOTTOM_LEFT);
        assumption.setId("assumption");
        assumption.getStyleClass().add("assumption");
        assumption.textProperty().bind(viewModel.assumptionProperty());
        WholeWords.keep(assumption);
        assumption.setPrefWidth(0);
        assumption.setMaxWidth(Double.MAX_VALUE);
        assumption.managedProperty().bind(assumption.visibleProperty());
        knobs.managedProperty().bind(knobs.visibleProperty());
        assumption.setMinHeight(Region.USE_PREF_SIZE);

        FontIcon chartIcon = new FontIcon("mdi2c-chart-line");
        chartIcon.getStyleClass().add("panel-icon");
        Label chartTitle = new Label();
        chartTitle.setGraphic(chartIcon);
        chartTitle.getStyleClass().add("panel-title");
        chartTitle.setId("chart-title");
        chartTitle.textProperty().bind(viewModel.chartMetricProperty().map(m -> m.title() + " so far"));
        var metric = new ChoiceToggles<>("metric", viewModel.chartMetricProperty(), List.of(ChartMetric.values()),
                m -> switch (m) {
                    case CYCLES -> "Cycles";
                    case REFERENCES -> "References";
                    case VM_EXITS -> "VM exits";
                }, m -> m.name().replace('_', '-'));
        FlowPane chartHead = new FlowPane(12, 4, chartTitle, metric);
        chartHead.setAlignment(Pos.CENTER_LEFT);
        chart = new CostChart(viewModel.chartProperty(), viewModel.positionProperty());
        VBox.setVgrow(chart, Priority.ALWAYS);
        FlowPane legend = new FlowPane(16, 4,
                legendItem(PagingMode.NATIVE, "Native: dotted"),
                legendItem(PagingMode.NESTED, "Nested: solid"),
                legendItem(PagingMode.SHADOW, "Shadow: dashed"));
        legend.getStyleClass().add("chart-legend");

        getChildren().addAll(title, knobs, assumption, chartHead, chart, legend);
    }

    /**
     * Density of the Compare screen: from level 2 the assumption's sentence goes and the chart
     * keeps only a plot's height, from level 3 the cost knobs go (the figures use them still).
     */
    void density(int level) {
        assumption.setVisible(level < 2);
        chart.setCompact(level >= 2);
        knobs.setVisible(level < 3);
    }

    private static String cacheShort(int cycles) {
        return switch (cycles) {
            case 4 -> "L1";
            case 12 -> "L2";
            case 40 -> "L3";
            case 200 -> "DRAM";
            default -> "";
        };
    }

    private static HBox legendItem(PagingMode mode, String text) {
        Region line = new Region();
        line.getStyleClass().addAll("legend-line", "legend-" + mode.label());
        Label l = new Label(text);
        l.getStyleClass().add("legend-label");
        HBox box = new HBox(6, line, l);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
