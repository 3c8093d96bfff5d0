package org.memvirt.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.animation.Animation;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.viewmodel.CellKind;
import org.memvirt.viewmodel.CellState;
import org.memvirt.viewmodel.GridCell;
import org.memvirt.viewmodel.WalkCellViewModel;

/**
 * One cell of the walk grid. Its look comes from style classes (dimension, kind) and pseudo-classes
 * (state, fault); its words say the same as its colours, so colour is never alone. A cell lays its
 * content out to the room the grid gives it: the head and its detail lines where they fit whole,
 * else one compact line that still names the reference and the table it read ("7 · gPT"). No
 * text is ever cut with an ellipsis; the tooltip has every detail.
 */
final class WalkCellView extends Region {
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass UNUSED = PseudoClass.getPseudoClass("unused");
    private static final PseudoClass FAULT = PseudoClass.getPseudoClass("fault");
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");
    /** Space between the lines of the full form, in pixels at zoom 1. */
    private static final double LINE_GAP = 1;

    private final WalkCellViewModel viewModel;
    private final Duration lightUp;
    private final FontIcon icon = new FontIcon();
    private final Label status = new Label();
    private final HBox head;
    private final List<Label> lines = new ArrayList<>();
    private final Label compact = new Label();
    private final List<String> compactForms;
    private Animation running;
    private boolean compactShown;

    WalkCellView(WalkCellViewModel viewModel, Duration lightUp) {
        this.viewModel = viewModel;
        this.lightUp = lightUp;
        GridCell cell = viewModel.cell();
        getStyleClass().add("walk-cell");
        getStyleClass().addAll(dimensionClass(cell).split(" "));
        getStyleClass().add("kind-" + cell.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        setId("cell-" + cell.row() + "-" + cell.column());

        Label badge = new Label(cell.badge());
        badge.getStyleClass().addAll("cell-badge", "key-text");
        badge.setManaged(!cell.badge().isEmpty());
        badge.setVisible(!cell.badge().isEmpty());
        badge.setMinWidth(Region.USE_PREF_SIZE);
        // a reference's level is already named by its row and column headers
        boolean named = cell.kind() != CellKind.REFERENCE && cell.kind() != CellKind.DATA;
        Label title = new Label(named ? cell.title() : "");
        title.getStyleClass().add("cell-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
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
        boolean detail = cell.kind() == CellKind.REFERENCE || cell.kind() == CellKind.DATA;
        for (String line : cell.lines()) {
            lines.add(line(line, detail ? "cell-line" : "cell-reason"));
        }
        if (cell.faultedBefore()) {
            lines.add(line(cell.earlier(), "cell-earlier"));
        }
        getChildren().addAll(lines);
        compact.getStyleClass().addAll("cell-compact", "key-text");
        compact.setMinWidth(Region.USE_PREF_SIZE);
        compact.setVisible(false);
        getChildren().add(compact);
        compactForms = compactForms(cell);
        compact.setText(compactForms.get(0));
        Tooltip.install(this, new Tooltip(tooltip(cell)));
        pseudoClassStateChanged(FAULT, cell.faulted());
        show(viewModel.getState(), false);
        viewModel.stateProperty().addListener((obs, old, now) -> show(now, true));
    }

    private static Label line(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** Whether the cell shows its one-line compact form (its room is too small for the details). */
    boolean compactShown() {
        return compactShown;
    }

    /** The width the cell needs to say the essential: its number and the table it read ("7 · gPT"). */
    double essentialWidth() {
        String saved = compact.getText();
        compact.setText(compactForms.get(Math.min(1, compactForms.size() - 1)));
        double w = compact.prefWidth(-1);
        compact.setText(saved);
        return snappedLeftInset() + w + snappedRightInset();
    }

    /** The height of the compact form. */
    double essentialHeight() {
        return snappedTopInset() + compact.prefHeight(-1) + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = head.prefWidth(-1);
        for (Label l : lines) {
            w = Math.max(w, l.prefWidth(-1));
        }
        return snappedLeftInset() + w + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + fullHeight() + snappedBottomInset();
    }

    private double fullHeight() {
        double h = head.prefHeight(-1);
        for (Label l : lines) {
            h += LINE_GAP + l.prefHeight(-1);
        }
        return h;
    }

    /**
     * The full form where the head and at least one detail line fit whole in the room the grid
     * gave; lines that do not fit are left out (the tooltip keeps them); otherwise the compact
     * line, in the longest of its forms that fits.
     */
    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double h = getHeight() - y - snappedBottomInset();
        double headH = head.prefHeight(-1);
        boolean fits = head.prefWidth(-1) <= w + 0.5 && headH <= h + 0.5;
        // the detail lines that fit whole, in order, as many as the height takes
        boolean[] shown = new boolean[lines.size()];
        int shownLines = 0;
        double used = headH;
        for (int i = 0; i < lines.size(); i++) {
            Label l = lines.get(i);
            double lh = l.prefHeight(-1);
            if (l.prefWidth(-1) <= w + 0.5 && used + LINE_GAP + lh <= h + 0.5) {
                shown[i] = true;
                used += LINE_GAP + lh;
                shownLines++;
            }
        }
        if (!lines.isEmpty() && shownLines == 0) {
            fits = false;
        }
        setCompact(!fits);
        if (fits) {
            head.resizeRelocate(x, y, w, headH);
            double at = y + headH;
            for (int i = 0; i < lines.size(); i++) {
                Label l = lines.get(i);
                l.setVisible(shown[i]);
                double lh = l.prefHeight(-1);
                l.resizeRelocate(x, shown[i] ? at + LINE_GAP : y, l.prefWidth(-1), lh);
                if (shown[i]) {
                    at += LINE_GAP + lh;
                }
            }
            compact.resizeRelocate(x, y, compact.prefWidth(-1), compact.prefHeight(-1));
            return;
        }
        String form = compactForms.get(compactForms.size() - 1);
        for (String f : compactForms) {
            compact.setText(f);
            if (compact.prefWidth(-1) <= w + 0.5) {
                form = f;
                break;
            }
        }
        compact.setText(form);
        double cw = compact.prefWidth(-1);
        double ch = compact.prefHeight(-1);
        compact.resizeRelocate(x, y + Math.max(0, (h - ch) / 2), cw, ch);
        head.resizeRelocate(x, y, head.prefWidth(-1), headH);
        for (Label l : lines) {
            l.setVisible(false);
            l.resizeRelocate(x, y, l.prefWidth(-1), l.prefHeight(-1));
        }
    }

    private void setCompact(boolean on) {
        compactShown = on;
        head.setVisible(!on);
        compact.setVisible(on);
        pseudoClassStateChanged(COMPACT, on);
    }

    /** Longest first: "#7 · gPT", "7 · gPT", "7"; "DATA", "D"; "not reached", "". */
    private static List<String> compactForms(GridCell cell) {
        return switch (cell.kind()) {
            case REFERENCE -> List.of("#" + cell.compactText(), cell.compactText(),
                    String.valueOf(cell.ordinal()));
            case DATA -> List.of("DATA", "D");
            case LARGE_PAGE, WALK_CACHE, NESTED_TLB, TLB, NOT_REACHED -> List.of(cell.compactText(), "");
        };
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
        boolean faultShown = cell.faulted() && state != CellState.PENDING;
        status.setText(faultShown ? "FAULT" : state == CellState.CURRENT ? "NOW" : "");
        compact.setGraphic(faultShown ? faultIcon() : null);
        if (running != null) {
            running.stop();
            running = null;
        }
        CellAnimations.restore(this);
        if (animate && state == CellState.CURRENT) {
            running = CellAnimations.lightUp(this, lightUp);
            if (running != null) {
                running.play();
            }
        }
    }

    private static Node faultIcon() {
        FontIcon i = new FontIcon("mdi2a-alert");
        i.getStyleClass().add("cell-icon");
        return i;
    }

    private static String iconFor(GridCell cell, CellState state) {
        if (cell.faulted() && state != CellState.PENDING) {
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
        if (cell.faulted()) {
            sb.append("\nfault: ").append(cell.fault());
        }
        if (cell.faultedBefore()) {
            sb.append('\n').append(cell.earlier());
        }
        return sb.toString();
    }
}
