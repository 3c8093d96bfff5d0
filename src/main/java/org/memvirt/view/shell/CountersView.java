package org.memvirt.view.shell;

import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.memvirt.viewmodel.shell.CounterRow;
import org.memvirt.viewmodel.shell.CounterWords;
import org.memvirt.viewmodel.shell.CountersViewModel;

/**
 * The counters the lesson moves, named in words (the command-line name in the tooltip): total so
 * far and what this step added, a box to draw each one in the chart, and the chart. Counters the
 * step points at are marked.
 */
final class CountersView extends VBox {
    private final CountersViewModel viewModel;
    private final GridPane table = new GridPane();
    private final javafx.beans.property.ReadOnlyDoubleWrapper tableWidth = new javafx.beans.property.ReadOnlyDoubleWrapper(
            this, "tableWidth");

    CountersView(CountersViewModel viewModel) {
        this.viewModel = viewModel;
        setId("counters-panel");
        getStyleClass().add("counters-panel");
        Label heading = new Label("Counters");
        heading.getStyleClass().add("panel-heading");
        CheckBox total = new CheckBox("running total");
        total.setId("chart-running-total");
        total.setFocusTraversable(false);
        total.selectedProperty().bindBidirectional(viewModel.runningTotalProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        heading.setMinWidth(Label.USE_PREF_SIZE);
        total.setMinWidth(CheckBox.USE_PREF_SIZE);
        // heading and check box side by side, or the box under the heading in a narrow column
        javafx.scene.layout.FlowPane header = new javafx.scene.layout.FlowPane(16, 4, heading, total);
        header.getStyleClass().add("panel-header");

        table.setId("counter-table");
        table.getStyleClass().add("counter-table");
        ColumnConstraints box = new ColumnConstraints();
        ColumnConstraints name = new ColumnConstraints();
        name.setHgrow(Priority.ALWAYS);
        ColumnConstraints value = new ColumnConstraints();
        value.setHalignment(HPos.RIGHT);
        ColumnConstraints delta = new ColumnConstraints();
        delta.setHalignment(HPos.RIGHT);
        table.getColumnConstraints().addAll(box, name, value, delta);
        viewModel.rows().addListener((ListChangeListener<CounterRow>) c -> rebuild());
        rebuild();
        getChildren().addAll(header, table, new CounterChartView(viewModel));
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        tableWidth.set(Math.ceil(table.prefWidth(-1)));
    }

    /** How wide the counters' names and figures are: the step column is never narrower. */
    javafx.beans.property.ReadOnlyDoubleProperty tableWidthProperty() {
        return tableWidth.getReadOnlyProperty();
    }

    private void rebuild() {
        table.getChildren().clear();
        int r = 0;
        for (CounterRow row : viewModel.rows()) {
            CheckBox chart = new CheckBox();
            chart.setId("chart-" + row.name());
            chart.setSelected(row.charted());
            chart.setFocusTraversable(false);
            chart.setTooltip(new Tooltip("Draw " + CounterWords.of(row.name()) + " in the chart"));
            chart.setOnAction(e -> viewModel.toggleCharted(row.name()));
            Label name = new Label(CounterWords.of(row.name()));
            name.setId("counter-name-" + row.name());
            name.setTooltip(new Tooltip(CounterWords.tooltip(row.name())));
            name.setWrapText(true);
            name.getStyleClass().addAll("counter-name", CounterStyles.of(row.name()));
            Label value = new Label(Long.toString(row.value()));
            value.setMinWidth(Label.USE_PREF_SIZE);
            value.setId("counter-" + row.name());
            value.getStyleClass().add("counter-value");
            Label delta = new Label(row.deltaText());
            delta.setMinWidth(Label.USE_PREF_SIZE);
            delta.getStyleClass().add("counter-delta");
            if (row.highlighted()) {
                for (Label l : new Label[] {name, value, delta}) {
                    l.getStyleClass().add("counter-highlight");
                }
            }
            if (row.delta() != 0) {
                value.getStyleClass().add("counter-changed");
            }
            if (row.name().contains(".")) {
                name.getStyleClass().add("counter-sub");
            }
            table.addRow(r++, chart, name, value, delta);
        }
    }
}
