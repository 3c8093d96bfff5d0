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
import org.memvirt.view.ViewPalette.Hue;
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

    private final MemoryTheme theme;
    private final Canvas canvas = new Canvas();
    private final Label stateText = new Label();
    private final Pane holder;
    private Font bandFont;
    private Font tickFont;
    private double zoom = 1;
    private FreeMemoryState state;

    StateGauge(HostMemoryViewModel viewModel, MemoryTheme theme) {
        this.theme = theme;
        getStyleClass().add("state-gauge");
        setId("state-gauge");
        setSpacing(4);
        stateText.setId("state-text");
        stateText.getStyleClass().add("state-text");
        stateText.setWrapText(true);
        stateText.setMinHeight(Label.USE_PREF_SIZE);
        holder = new Pane(canvas) {
            @Override
            protected void layoutChildren() {
                canvas.setWidth(getWidth());
                canvas.setHeight(HEIGHT * zoom);
                paint();
            }
        };
        holder.setMinWidth(0);
        canvas.setWidth(300);
        restyle();
        theme.onChange(() -> {
            restyle();
            paint();
        });
        getChildren().addAll(stateText, holder);
        viewModel.freeStateProperty().addListener((obs, old, now) -> {
            state = now;
            stateText.setText(now == null ? "" : now.text());
            paint();
        });
        state = viewModel.freeStateProperty().get();
        stateText.setText(state == null ? "" : state.text());
    }

    private void restyle() {
        zoom = theme.scale();
        bandFont = theme.font(FontWeight.BOLD, 12);
        tickFont = theme.font(FontWeight.NORMAL, 11);
        holder.setMinHeight(HEIGHT * zoom);
        holder.setPrefHeight(HEIGHT * zoom);
        canvas.setHeight(HEIGHT * zoom);
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        g.clearRect(0, 0, w, canvas.getHeight());
        if (state == null || w < 40) {
            return;
        }
        Color ink = theme.color(Hue.INK);
        Color panel = theme.color(Hue.PANEL);
        Color muted = theme.color(Hue.MUTED);
        double left = 4;
        double right = w - 4;
        double top = 16 * zoom;
        double barH = 22 * zoom;
        double span = right - left;
        double[][] bands = {{0, 2}, {2, 4}, {4, 6}, {6, SCALE}};
        MemoryState[] names = {MemoryState.LOW, MemoryState.HARD, MemoryState.SOFT, MemoryState.HIGH};
        String[] words = {"low", "hard: swap", "soft: balloon", "high"};
        // the lower the band, the deeper its grey; the current band is drawn in ink
        double[] depth = {0.32, 0.2, 0.1, 0.04};
        for (int i = 0; i < bands.length; i++) {
            double x0 = left + span * bands[i][0] / SCALE;
            double x1 = left + span * bands[i][1] / SCALE;
            boolean current = state.state() == names[i];
            g.setFill(current ? ink : MapPalette.mix(panel, theme.color(Hue.NATIVE), depth[i]));
            g.fillRect(x0, top, x1 - x0, barH);
            g.setStroke(theme.color(Hue.FAINT));
            g.setLineWidth(1);
            g.strokeRect(x0 + 0.5, top + 0.5, x1 - x0 - 1, barH - 1);
            g.setFill(current ? panel : ink);
            g.setFont(bandFont);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(words[i], (x0 + x1) / 2, top + barH / 2, x1 - x0 - 4);
        }
        g.setFill(muted);
        g.setFont(tickFont);
        g.setTextBaseline(VPos.TOP);
        for (MemoryState s : MemoryState.values()) {
            double x = left + span * s.percent() / SCALE;
            g.setStroke(muted);
            g.strokeLine(x, top + barH, x, top + barH + 4);
            g.fillText(s.percent() + " %", x, top + barH + 5);
        }
        double p = state.percent();
        double mx = left + span * Math.min(p, SCALE) / SCALE;
        double arrow = 7 * zoom;
        g.setFill(ink);
        g.fillPolygon(new double[] {mx - arrow, mx + arrow, mx}, new double[] {top - 2 * arrow + 1, top - 2 * arrow + 1,
            top - 1}, 3);
        if (p > SCALE) {
            g.setFont(bandFont);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            g.fillText("free " + String.format(java.util.Locale.ROOT, "%.0f %% →", p), mx - 10, 0);
        }
    }
}
