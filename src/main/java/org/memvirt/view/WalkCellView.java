package org.memvirt.view;

import java.util.Locale;

import javafx.animation.Animation;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.engine.event.Dimension;
import org.memvirt.viewmodel.CellKind;
import org.memvirt.viewmodel.CellState;
import org.memvirt.viewmodel.GridCell;
import org.memvirt.viewmodel.WalkCellViewModel;

/**
 * One cell of the walk grid. Its look comes from style classes (dimension, kind) and pseudo-classes
 * (state, fault); its words say the same as its colours, so colour is never alone.
 */
final class WalkCellView extends VBox {
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass UNUSED = PseudoClass.getPseudoClass("unused");
    private static final PseudoClass FAULT = PseudoClass.getPseudoClass("fault");

    private final WalkCellViewModel viewModel;
    private final Duration lightUp;
    private final FontIcon icon = new FontIcon();
    private final Label status = new Label();
    private HBox head;
    private Animation running;

    WalkCellView(WalkCellViewModel viewModel, Duration lightUp) {
        this.viewModel = viewModel;
        this.lightUp = lightUp;
        GridCell cell = viewModel.cell();
        getStyleClass().addAll("walk-cell");
        getStyleClass().addAll(dimensionClass(cell).split(" "));
        getStyleClass().addAll("kind-" + cell.kind().name().toLowerCase(Locale.ROOT)
                .replace('_', '-'));
        setId("cell-" + cell.row() + "-" + cell.column());
        setMinSize(0, 0);

        Label badge = new Label(cell.badge());
        badge.getStyleClass().add("cell-badge");
        badge.setManaged(!cell.badge().isEmpty());
        badge.setVisible(!cell.badge().isEmpty());
        badge.setMinWidth(Region.USE_PREF_SIZE);
        // a reference's level is already named by its row and column headers
        boolean named = cell.kind() != CellKind.REFERENCE && cell.kind() != CellKind.DATA;
        Label title = new Label(named ? cell.title() : "");
        title.getStyleClass().add("cell-title");
        title.setMinWidth(0);
        title.setWrapText(true);
        title.setManaged(named);
        title.setVisible(named);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        icon.getStyleClass().add("cell-icon");
        status.getStyleClass().add("cell-status");
        status.setMinWidth(Region.USE_PREF_SIZE);
        head = new HBox(6, badge, title, spacer, status, icon);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(head);
        for (String line : cell.lines()) {
            Label l = new Label(line);
            l.getStyleClass().add(cell.kind() == CellKind.REFERENCE || cell.kind() == CellKind.DATA
                    ? "cell-line" : "cell-reason");
            l.setTextOverrun(OverrunStyle.ELLIPSIS);
            l.setMinWidth(0);
            l.setWrapText(cell.kind() != CellKind.REFERENCE && cell.kind() != CellKind.DATA);
            getChildren().add(l);
        }
        Tooltip.install(this, new Tooltip(tooltip(cell)));
        pseudoClassStateChanged(FAULT, cell.fault());
        show(viewModel.getState(), false);
        viewModel.stateProperty().addListener((obs, old, now) -> show(now, true));
    }

    /**
     * Lines that do not fit the cell's height (a zoomed window squeezes the rows) are hidden
     * rather than drawn across the cell's border; the tooltip still has them all.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double limit = getHeight() - snappedBottomInset() + 0.5;
        for (javafx.scene.Node n : getChildren()) {
            if (n != head) {
                n.setVisible(n.getBoundsInParent().getMaxY() <= limit);
            }
        }
    }

    private void show(CellState state, boolean animate) {
        pseudoClassStateChanged(PENDING, state == CellState.PENDING);
        pseudoClassStateChanged(CURRENT, state == CellState.CURRENT);
        pseudoClassStateChanged(DONE, state == CellState.DONE);
        pseudoClassStateChanged(UNUSED, state == CellState.UNUSED);
        GridCell cell = viewModel.cell();
        String iconCode = iconFor(cell, state);
        icon.setIconLiteral(iconCode == null ? "mdi2c-checkbox-blank-outline" : iconCode);
        icon.setVisible(iconCode != null);
        status.setText(state == CellState.CURRENT ? (cell.fault() ? "FAULT" : "NOW")
                : cell.fault() && state == CellState.DONE ? "FAULT" : "");
        if (running != null) {
            running.stop();
            running = null;
            setScaleX(1);
            setScaleY(1);
        }
        if (animate && state == CellState.CURRENT) {
            running = CellAnimations.lightUp(this, lightUp);
            if (running != null) {
                running.play();
            }
        }
    }

    private static String iconFor(GridCell cell, CellState state) {
        if (cell.fault() && state != CellState.PENDING) {
            return "mdi2a-alert";
        }
        return switch (cell.kind()) {
            case REFERENCE -> state == CellState.CURRENT ? "mdi2e-eye"
                    : state == CellState.DONE ? "mdi2c-check" : null;
            case DATA -> state == CellState.DONE ? "mdi2c-check-circle" : null;
            case LARGE_PAGE -> "mdi2a-arrow-collapse-vertical";
            case WALK_CACHE, NESTED_TLB, TLB -> "mdi2l-lightning-bolt";
            case NOT_REACHED -> "mdi2m-minus-circle-outline";
        };
    }

    private static String dimensionClass(GridCell cell) {
        if (cell.kind() == CellKind.DATA) {
            return "dim-data";
        }
        if (cell.reference() == null) {
            return "dim-none";
        }
        return switch (cell.reference().dimension()) {
            case HOST -> "dim-host";
            case GUEST -> "dim-guest";
            case SHADOW -> "dim-native dim-shadow";
            case NATIVE -> "dim-native";
        };
    }

    private static String tooltip(GridCell cell) {
        StringBuilder sb = new StringBuilder();
        if (!cell.badge().isEmpty()) {
            sb.append(cell.badge()).append(' ');
        }
        sb.append(cell.title()).append('\n').append(String.join("\n", cell.lines()));
        return sb.toString();
    }
}
