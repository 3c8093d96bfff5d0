package org.memvirt.view.compare;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

import org.memvirt.viewmodel.compare.ColumnViewModel;

/**
 * The three machines side by side: one column per paging mode, equally wide, each on its own card,
 * with every section in a row the three share, so that walk references, exits, faults and cost
 * line up for reading across. The last row takes the spare height.
 */
final class CounterTable extends GridPane {

    private final List<CounterColumn> shown = new ArrayList<>();

    CounterTable(List<ColumnViewModel> columns) {
        getStyleClass().add("counter-table");
        setId("columns");
        setHgap(10);
        int rows = 0;
        for (int c = 0; c < columns.size(); c++) {
            ColumnConstraints equal = new ColumnConstraints();
            equal.setPercentWidth(100.0 / columns.size());
            equal.setFillWidth(true);
            getColumnConstraints().add(equal);
            CounterColumn column = new CounterColumn(columns.get(c));
            shown.add(column);
            List<Node> sections = column.sections();
            rows = sections.size();
            add(column.card(), c, 0, 1, rows);
            for (int r = 0; r < sections.size(); r++) {
                add(sections.get(r), c, r);
                GridPane.setValignment(sections.get(r), VPos.TOP);
            }
            GridPane.setFillHeight(sections.get(0), true);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints row = new RowConstraints();
            row.setVgrow(r == rows - 1 ? Priority.ALWAYS : Priority.NEVER);
            row.setValignment(VPos.TOP);
            getRowConstraints().add(row);
        }
        setMinWidth(0);
    }

    /** Density of the Compare screen, passed to every column (see {@link CounterColumn#density}). */
    void density(int level) {
        shown.forEach(c -> c.density(level));
    }
}
