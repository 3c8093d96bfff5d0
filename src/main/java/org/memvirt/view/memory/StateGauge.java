package org.memvirt.view.memory;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.memvirt.engine.reclaim.MemoryState;
import org.memvirt.viewmodel.memory.FreeMemoryState;
import org.memvirt.viewmodel.memory.HostMemoryViewModel;

/**
 * Free host memory against ESX's thresholds: a bar from 0 to 8 % of host memory split into the
 * four states, each named, the current one dark, with a marker where free memory is (an arrow
 * at the right end when it is above 8 %). The state is also spelled out in words.
 */
final class StateGauge extends VBox {
    private static final double SCALE = 8;
    private static final double HEIGHT = 56;

    private final Canvas canvas = new Canvas();
    private final Label stateText = new Label();
    private final Font bandFont = Font.font("System", FontWeight.BOLD, 12);
    private final Font tickFont = Font.font("System", 11);
    private FreeMemoryState state;

    StateGauge(HostMemoryViewModel viewModel) {
        getStyleClass().add("state-gauge");
        setId("state-gauge");
        setSpacing(4);
        stateText.setId("state-text");
        stateText.getStyleClass().add("state-text");
        stateText.setWrapText(true);
        stateText.setMinHeight(Label.USE_PREF_SIZE);
        Pane holder = new Pane(canvas) {
            @Override
            protected void layoutChildren() {
                canvas.setWidth(getWidth());
                canvas.setHeight(HEIGHT);
                paint();
            }
        };
        holder.setMinHeight(HEIGHT);
        holder.setPrefHeight(HEIGHT);
        holder.setMinWidth(0);
        canvas.setWidth(300);
        canvas.setHeight(HEIGHT);
        getChildren().addAll(stateText, holder);
        viewModel.freeStateProperty().addListener((obs, old, now) -> {
            state = now;
            stateText.setText(now == null ? "" : now.text());
            paint();
        });
        state = viewModel.freeStateProperty().get();
        stateText.setText(state == null ? "" : state.text());
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        g.clearRect(0, 0, w, HEIGHT);
        if (state == null || w < 40) {
            return;
        }
        double left = 4;
        double right = w - 4;
        double top = 16;
        double barH = 22;
        double span = right - left;
        double[][] bands = {{0, 2}, {2, 4}, {4, 6}, {6, SCALE}};
        MemoryState[] names = {MemoryState.LOW, MemoryState.HARD, MemoryState.SOFT, MemoryState.HIGH};
        String[] words = {"low", "hard: swap", "soft: balloon", "high"};
        Color[] fills = {Color.web("#c9ced4"), Color.web("#dde1e5"), Color.web("#eceff1"), Color.web("#f7f8f9")};
        for (int i = 0; i < bands.length; i++) {
            double x0 = left + span * bands[i][0] / SCALE;
            double x1 = left + span * bands[i][1] / SCALE;
            boolean current = state.state() == names[i];
            g.setFill(current ? Color.web("#1f2328") : fills[i]);
            g.fillRect(x0, top, x1 - x0, barH);
            g.setStroke(Color.web("#8c959f"));
            g.setLineWidth(1);
            g.strokeRect(x0 + 0.5, top + 0.5, x1 - x0 - 1, barH - 1);
            g.setFill(current ? Color.WHITE : Color.web("#1f2328"));
            g.setFont(bandFont);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(words[i], (x0 + x1) / 2, top + barH / 2, x1 - x0 - 4);
        }
        g.setFill(Color.web("#57606a"));
        g.setFont(tickFont);
        g.setTextBaseline(VPos.TOP);
        for (MemoryState s : MemoryState.values()) {
            double x = left + span * s.percent() / SCALE;
            g.setStroke(Color.web("#57606a"));
            g.strokeLine(x, top + barH, x, top + barH + 4);
            g.fillText(s.percent() + " %", x, top + barH + 5);
        }
        double p = state.percent();
        double mx = left + span * Math.min(p, SCALE) / SCALE;
        g.setFill(Color.web("#1f2328"));
        g.fillPolygon(new double[] {mx - 7, mx + 7, mx}, new double[] {top - 13, top - 13, top - 1}, 3);
        if (p > SCALE) {
            g.setFont(bandFont);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            g.fillText("free " + String.format(java.util.Locale.ROOT, "%.0f %% →", p), mx - 10, 0);
        }
    }
}
