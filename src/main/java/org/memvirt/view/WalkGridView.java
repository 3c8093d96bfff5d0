package org.memvirt.view;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.util.Duration;

import org.memvirt.engine.paging.Levels;
import org.memvirt.viewmodel.WalkCellViewModel;
import org.memvirt.viewmodel.WalkGrid;
import org.memvirt.viewmodel.WalkViewModel;

/**
 * The 2D walk as a grid: guest levels down, host levels across, the guest entry last; the data
 * row at the bottom. Headers carry their level's tint, the same as the address fields above, so
 * a row can be traced to the index bits it uses. Rebuilt whenever the view model's grid changes.
 *
 * <p>The grid fits the room it is given, whatever the window and the zoom: rows and columns
 * share the room, each cell shows as much as fits whole (down to one line that names the
 * reference and its table) and headers shorten their words; {@link #essentialSize()} tells the
 * walk screen how much room that takes, so it can draw its text smaller where even that does not fit.
 */
final class WalkGridView extends GridPane {
    /** The corner label's font size at zoom 1 (walk.css: 12 px). */
    private static final double CORNER_FONT_PX = 12;
    private final WalkViewModel viewModel;
    private final Duration lightUp;
    private final List<WalkCellView> cellViews = new ArrayList<>();
    private Label corner;

    WalkGridView(WalkViewModel viewModel, Duration lightUp) {
        this.viewModel = viewModel;
        this.lightUp = lightUp;
        getStyleClass().add("walk-grid");
        setId("walk-grid");
        setMinSize(0, 0);
        rebuild(viewModel.gridProperty().get());
        viewModel.gridProperty().addListener((obs, old, now) -> rebuild(now));
    }

    /** The cells as drawn, row by row (for tests that check where they are). */
    List<WalkCellView> cellViews() {
        return List.copyOf(cellViews);
    }

    private void rebuild(WalkGrid grid) {
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        cellViews.clear();
        if (grid == null) {
            return;
        }
        boolean nested = grid.walk().settings().nested();
        corner = new FittingLabel(nested ? List.of("guest level ↓\nhost level →", "guest ↓\nhost →", "↓ →")
                : List.of("table level ↓", "level ↓", "↓"));
        corner.getStyleClass().add("grid-corner");
        // sizes in pixels at the 14 px base font, scaled with it (the presenter's zoom)
        ColumnConstraints headerColumn = new ColumnConstraints();
        headerColumn.prefWidthProperty().bind(scaled(corner, 150));
        headerColumn.maxWidthProperty().bind(scaled(corner, 190));
        getColumnConstraints().add(headerColumn);
        for (int c = 0; c < grid.columns().size(); c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.prefWidthProperty().bind(scaled(corner, 170));
            cc.maxWidthProperty().bind(scaled(corner, nested ? 240 : 420));
            cc.setHgrow(Priority.ALWAYS);
            cc.setFillWidth(true);
            getColumnConstraints().add(cc);
        }
        getRowConstraints().add(new RowConstraints());
        for (int r = 0; r < grid.rows().size(); r++) {
            RowConstraints rc = new RowConstraints();
            rc.prefHeightProperty().bind(scaled(corner, 96));
            rc.maxHeightProperty().bind(scaled(corner, 120));
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
        for (WalkCellViewModel cell : viewModel.cells()) {
            WalkCellView view = new WalkCellView(cell, lightUp);
            add(view, cell.cell().column() + 1, cell.cell().row() + 1);
            GridPane.setFillWidth(view, true);
            GridPane.setFillHeight(view, true);
            cellViews.add(view);
        }
    }

    /** The corner label's font, 12 px at zoom 1, scales the grid's sizes. */
    private static DoubleBinding scaled(Label corner, double px) {
        return Bindings.createDoubleBinding(() -> px * Math.max(0.1, corner.getFont().getSize() / CORNER_FONT_PX),
                corner.fontProperty());
    }

    /**
     * The smallest room the grid can be drawn in at the current text size: every header in its
     * shortest words and every cell in its compact form ({@code [width, height]}).
     */
    double[] essentialSize() {
        int columns = getColumnConstraints().size();
        int rows = getRowConstraints().size();
        if (cellViews.isEmpty() || columns == 0 || rows == 0) {
            return new double[] {0, 0};
        }
        double needW = snappedLeftInset() + snappedRightInset() + snapSpaceX(getHgap()) * (columns - 1);
        double needH = snappedTopInset() + snappedBottomInset() + snapSpaceY(getVgap()) * (rows - 1);
        double[] colMin = new double[columns];
        double[] rowMin = new double[rows];
        for (var n : getChildren()) {
            Integer c = GridPane.getColumnIndex(n);
            Integer r = GridPane.getRowIndex(n);
            if (c == null || r == null || !(n instanceof Region region)) {
                continue;
            }
            double w = n instanceof WalkCellView cell ? cell.essentialWidth() : region.minWidth(-1);
            double h = n instanceof WalkCellView cell ? cell.essentialHeight() : region.minHeight(-1);
            colMin[c] = Math.max(colMin[c], w);
            rowMin[r] = Math.max(rowMin[r], h);
        }
        for (double w : colMin) {
            needW += w;
        }
        for (double h : rowMin) {
            needH += h;
        }
        return new double[] {needW, needH};
    }

    private static Label columnHeader(WalkGrid.Column column, boolean nested) {
        List<String> forms = column.level() == WalkGrid.DATA
                ? nested ? List.of(column.title(), "guest", "g") : List.of(column.title(), "entry", "e")
                : List.of(column.title(), "e" + Levels.name(column.level()));
        Label l = new FittingLabel(forms);
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

    private static Region rowHeader(WalkGrid.Row row, boolean nested) {
        List<String> forms = nested && row.level() != WalkGrid.DATA
                ? List.of(row.title(), "g" + Levels.name(row.level())) : List.of(row.title());
        Label title = new FittingLabel(forms);
        title.getStyleClass().add("row-title");
        Label subtitle = new Label(row.subtitle());
        subtitle.getStyleClass().add("row-subtitle");
        FirstFits box = new FirstFits(title, subtitle);
        box.getStyleClass().add("row-header");
        if (row.level() == WalkGrid.DATA) {
            box.getStyleClass().add("dim-data");
        } else {
            box.getStyleClass().addAll(nested ? "dim-guest" : "dim-native", "level-" + row.level());
        }
        box.setMaxHeight(Double.MAX_VALUE);
        box.setMaxWidth(Double.MAX_VALUE);
        GridPane.setValignment(box, VPos.CENTER);
        GridPane.setFillHeight(box, true);
        GridPane.setFillWidth(box, true);
        return box;
    }
}
