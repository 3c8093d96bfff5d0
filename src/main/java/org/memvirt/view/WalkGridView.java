package org.memvirt.view;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.memvirt.viewmodel.WalkCellViewModel;
import org.memvirt.viewmodel.WalkGrid;
import org.memvirt.viewmodel.WalkViewModel;

/**
 * The 2D walk as a grid: guest levels down, host levels across, the guest entry last; the data
 * row at the bottom. Headers carry their level's tint, the same as the address fields above, so
 * a row can be traced to the index bits it uses. Rebuilt whenever the view model's grid changes.
 */
final class WalkGridView extends GridPane {
    /** The corner label's font size at zoom 1 (walk.css: 12 px). */
    private static final double CORNER_FONT_PX = 12;
    private final WalkViewModel viewModel;
    private final Duration lightUp;

    WalkGridView(WalkViewModel viewModel, Duration lightUp) {
        this.viewModel = viewModel;
        this.lightUp = lightUp;
        getStyleClass().add("walk-grid");
        setId("walk-grid");
        widthProperty().addListener((obs, old, now) -> fitText());
        rebuild(viewModel.gridProperty().get());
        viewModel.gridProperty().addListener((obs, old, now) -> rebuild(now));
    }

    private void rebuild(WalkGrid grid) {
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        if (grid == null) {
            return;
        }
        boolean nested = grid.walk().settings().nested();
        Label corner = new Label(nested ? "guest level ↓\nhost level →" : "table level ↓");
        corner.getStyleClass().add("grid-corner");
        corner.setWrapText(true);
        // sizes in pixels at the 14 px base font, scaled with it (the presenter's zoom)
        ColumnConstraints headerColumn = new ColumnConstraints();
        size(headerColumn, corner, 130, 150, 190);
        getColumnConstraints().add(headerColumn);
        for (int c = 0; c < grid.columns().size(); c++) {
            ColumnConstraints cc = new ColumnConstraints();
            size(cc, corner, 100, 170, nested ? 240 : 420);
            cc.setHgrow(Priority.ALWAYS);
            cc.setFillWidth(true);
            getColumnConstraints().add(cc);
        }
        RowConstraints headerRow = new RowConstraints();
        size(headerRow, corner, 36, 40, 48);
        getRowConstraints().add(headerRow);
        for (int r = 0; r < grid.rows().size(); r++) {
            RowConstraints rc = new RowConstraints();
            size(rc, corner, 54, 96, 120);
            rc.setVgrow(Priority.ALWAYS);
            rc.setFillHeight(true);
            getRowConstraints().add(rc);
        }
        add(corner, 0, 0);
        for (int c = 0; c < grid.columns().size(); c++) {
            add(columnHeader(grid.columns().get(c), nested), c + 1, 0);
        }
        for (int r = 0; r < grid.rows().size(); r++) {
            add(rowHeader(grid.rows().get(r), nested), 0, r + 1);
        }
        fitText();
        for (WalkCellViewModel cell : viewModel.cells()) {
            WalkCellView view = new WalkCellView(cell, lightUp);
            add(view, cell.cell().column() + 1, cell.cell().row() + 1);
            GridPane.setFillWidth(view, true);
            GridPane.setFillHeight(view, true);
        }
    }

    /** The corner label's font, 12 px at zoom 1, scales the grid's sizes. */
    private static DoubleBinding scaled(Label corner, double px) {
        return Bindings.createDoubleBinding(() -> px * Math.max(1.0, corner.getFont().getSize() / CORNER_FONT_PX),
                corner.fontProperty());
    }

    private static void size(ColumnConstraints c, Label corner, double min, double pref, double max) {
        c.minWidthProperty().bind(scaled(corner, min));
        c.prefWidthProperty().bind(scaled(corner, pref));
        c.maxWidthProperty().bind(scaled(corner, max));
    }

    private static void size(RowConstraints r, Label corner, double min, double pref, double max) {
        r.minHeightProperty().bind(scaled(corner, min));
        r.prefHeightProperty().bind(scaled(corner, pref));
        r.maxHeightProperty().bind(scaled(corner, max));
    }

    /** Narrow columns (a small window, 5 EPT levels) get the compact cell style. */
    private void fitText() {
        int columns = Math.max(1, getColumnConstraints().size() - 1);
        double perColumn = (getWidth() - 150) / columns;
        boolean compact = perColumn < 150;
        if (compact != getStyleClass().contains("compact")) {
            if (compact) {
                getStyleClass().add("compact");
            } else {
                getStyleClass().remove("compact");
            }
        }
    }

    private static Label columnHeader(WalkGrid.Column column, boolean nested) {
        Label l = new Label(column.title());
        l.getStyleClass().add("column-header");
        if (column.level() == WalkGrid.DATA) {
            l.getStyleClass().add(nested ? "dim-guest" : "dim-native");
        } else {
            l.getStyleClass().addAll("dim-host", "level-" + column.level());
        }
        l.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHalignment(l, HPos.CENTER);
        GridPane.setFillWidth(l, true);
        return l;
    }

    private static VBox rowHeader(WalkGrid.Row row, boolean nested) {
        Label title = new Label(row.title());
        title.getStyleClass().add("row-title");
        Label subtitle = new Label(row.subtitle());
        subtitle.getStyleClass().add("row-subtitle");
        subtitle.setWrapText(true);
        VBox box = new VBox(2, title, subtitle);
        box.getStyleClass().add("row-header");
        if (row.level() == WalkGrid.DATA) {
            box.getStyleClass().add("dim-data");
        } else {
            box.getStyleClass().addAll(nested ? "dim-guest" : "dim-native", "level-" + row.level());
        }
        box.setMaxHeight(Double.MAX_VALUE);
        GridPane.setValignment(box, VPos.CENTER);
        GridPane.setFillHeight(box, true);
        return box;
    }
}
