package org.memvirt.view.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.memvirt.viewmodel.memory.HistoryPoint;
import org.memvirt.viewmodel.memory.HostMemoryViewModel;

/**
 * Host memory over the steps: free frames as a filled area, shared frames, host-swapped pages and
 * ballooned pages as lines told apart by dash and marker and named at their ends, the 6 % line
 * below which the host reclaims, and the current step marked. A click goes to that step.
 */
final class FreeMemoryChart extends Region {
    private static final double LEFT = 46;
    private static final double RIGHT = 96;
    private static final double TOP = 18;
    private static final double BOTTOM = 22;

    private final HostMemoryViewModel viewModel;
    private final Canvas canvas = new Canvas();
    private final Font font = Font.font("System", 11.5);
    private final Font bold = Font.font("System", FontWeight.BOLD, 12);
    private int hoverStep = -1;
    private final javafx.beans.property.ReadOnlyStringWrapper readout =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "readout", "");

    FreeMemoryChart(HostMemoryViewModel viewModel) {
        this.viewModel = viewModel;
        setId("free-memory-chart");
        getStyleClass().add("free-memory-chart");
        getChildren().add(canvas);
        setMinHeight(150);
        setPrefHeight(190);
        setMinWidth(200);
        setCursor(Cursor.HAND);
        viewModel.chart().addListener((ListChangeListener<HistoryPoint>) c -> paint());
        viewModel.positionProperty().addListener((obs, old, now) -> paint());
        viewModel.freeStateProperty().addListener((obs, old, now) -> paint());
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int s = stepAt(e.getX());
            if (s != hoverStep) {
                hoverStep = s;
                paint();
            }
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hoverStep = -1;
            paint();
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int s = stepAt(e.getX());
            if (s >= 0) {
                viewModel.goTo(s);
            }
        });
    }

    /** The figures of the step under the pointer, or of the current step; and how to move. */
    javafx.beans.property.ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    private void updateReadout() {
        List<HistoryPoint> pts = viewModel.chart();
        int i = hoverStep >= 0 ? hoverStep : viewModel.positionProperty().get();
        if (i < 0 || i >= pts.size()) {
            readout.set("Click a step to go there.");
            return;
        }
        HistoryPoint p = pts.get(i);
        readout.set(String.format(Locale.ROOT, "Step %d: free %,d · shared %,d · host-swapped %,d · ballooned %,d%s",
                p.step(), p.free(), p.shared(), p.swapped(), p.ballooned(),
                hoverStep >= 0 ? " (click to go there)" : ". Click a step to go there."));
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        paint();
    }

    /** Where the chart draws history index {@code i} (tests click there). */
    double xOf(int i) {
        int n = viewModel.chart().size();
        double plotW = getWidth() - LEFT - RIGHT;
        return LEFT + (n <= 1 ? plotW / 2 : plotW * i / (n - 1));
    }

    /** The history index under x, or -1. */
    int stepAt(double x) {
        int n = viewModel.chart().size();
        if (n == 0) {
            return -1;
        }
        double plotW = getWidth() - LEFT - RIGHT;
        double k = n == 1 ? 0 : (x - LEFT) / plotW * (n - 1);
        int i = (int) Math.round(k);
        return i < 0 || i >= n ? -1 : i;
    }

    private double total() {
        var s = viewModel.freeStateProperty().get();
        if (s != null) {
            return s.total();
        }
        return viewModel.chart().stream().mapToLong(HistoryPoint::free).max().orElse(1);
    }

    private void paint() {
        updateReadout();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        List<HistoryPoint> pts = viewModel.chart();
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        if (pts.isEmpty() || plotW < 20 || plotH < 20) {
            return;
        }
        double total = Math.max(1, total());
        int n = pts.size();
        java.util.function.IntToDoubleFunction xOf = i -> LEFT + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
        java.util.function.DoubleUnaryOperator yOf = v -> TOP + plotH * (1 - v / total);

        // the zone where the host reclaims (below 6 %): hatched
        double y6 = yOf.applyAsDouble(total * 0.06);
        g.save();
        g.beginPath();
        g.rect(LEFT, y6, plotW, TOP + plotH - y6);
        g.clip();
        g.setStroke(Color.web("#e2b9a0"));
        g.setLineWidth(1);
        for (double x = LEFT - plotH; x < LEFT + plotW; x += 6) {
            g.strokeLine(x, TOP + plotH, x + plotH, TOP);
        }
        g.restore();

        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = yOf.applyAsDouble(total * pct / 100.0);
            g.setStroke(Color.web(pct == 0 ? "#8c959f" : "#e4e8ec"));
            g.setLineWidth(1);
            g.strokeLine(LEFT, y, LEFT + plotW, y);
            g.setFill(Color.web("#57606a"));
            g.fillText(pct + " %", LEFT - 6, y);
        }
        g.setStroke(Color.web("#D55E00"));
        g.setLineDashes(6, 4);
        g.strokeLine(LEFT, y6, LEFT + plotW, y6);
        g.setLineDashes(null);
        g.setFill(Color.web("#8a3c00"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("6 %: below it the host reclaims", LEFT + 4, y6 - 2);

        // free: filled area
        g.beginPath();
        g.moveTo(xOf.applyAsDouble(0), yOf.applyAsDouble(0));
        for (int i = 0; i < n; i++) {
            g.lineTo(xOf.applyAsDouble(i), yOf.applyAsDouble(pts.get(i).free()));
        }
        g.lineTo(xOf.applyAsDouble(n - 1), yOf.applyAsDouble(0));
        g.closePath();
        g.setFill(Color.web("#F0E442", 0.45));
        g.fill();
        List<EndLabel> ends = new ArrayList<>();
        ends.add(series(g, pts, HistoryPoint::free, xOf, yOf, Color.web("#7a6c00"), 3, null, "free"));
        ends.add(series(g, pts, HistoryPoint::shared, xOf, yOf, Color.web("#2a8fcb"), 2.5, null, "shared"));
        ends.add(series(g, pts, HistoryPoint::swapped, xOf, yOf, Color.web("#1f2328"), 2, new double[] {7, 4},
                "host-swapped"));
        ends.add(series(g, pts, HistoryPoint::ballooned, xOf, yOf, Color.web("#D55E00"), 2,
                new double[] {10, 3, 2, 3}, "ballooned"));
        markers(g, pts, HistoryPoint::shared, xOf, yOf, Color.web("#2a8fcb"));
        endLabels(g, ends, LEFT + plotW + 6, TOP, TOP + plotH);

        // x axis: step numbers
        g.setFill(Color.web("#57606a"));
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int every = Math.max(1, (int) Math.ceil(n / (plotW / 28)));
        for (int i = 0; i < n; i += every) {
            g.fillText(Integer.toString(pts.get(i).step()), xOf.applyAsDouble(i), TOP + plotH + 4);
        }

        int current = viewModel.positionProperty().get();
        if (current >= 0 && current < n) {
            double x = xOf.applyAsDouble(current);
            g.setStroke(Color.web("#1f2328"));
            g.setLineWidth(2);
            g.strokeLine(x, TOP - 2, x, TOP + plotH);
            g.setFill(Color.web("#1f2328"));
            g.fillOval(x - 5, yOf.applyAsDouble(pts.get(current).free()) - 5, 10, 10);
            g.setFont(bold);
            g.setTextBaseline(VPos.BOTTOM);
            g.setTextAlign(x > LEFT + plotW - 40 ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText("step " + pts.get(current).step(), x, TOP - 3);
        }
        if (hoverStep >= 0 && hoverStep < n && hoverStep != current) {
            double x = xOf.applyAsDouble(hoverStep);
            g.setStroke(Color.web("#8c959f"));
            g.setLineWidth(1);
            g.setLineDashes(3, 3);
            g.strokeLine(x, TOP, x, TOP + plotH);
            g.setLineDashes(null);
        }
    }

    private record EndLabel(String text, double y, Color color) {
    }

    private EndLabel series(GraphicsContext g, List<HistoryPoint> pts, ToLongFunction<HistoryPoint> value,
                            java.util.function.IntToDoubleFunction xOf, java.util.function.DoubleUnaryOperator yOf,
                            Color color, double width, double[] dashes, String name) {
        g.setStroke(color);
        g.setLineWidth(width);
        g.setLineCap(StrokeLineCap.ROUND);
        if (dashes != null) {
            g.setLineDashes(dashes);
        }
        g.beginPath();
        for (int i = 0; i < pts.size(); i++) {
            double x = xOf.applyAsDouble(i);
            double y = yOf.applyAsDouble(value.applyAsLong(pts.get(i)));
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        g.setLineDashes(null);
        long last = value.applyAsLong(pts.get(pts.size() - 1));
        return new EndLabel(name, yOf.applyAsDouble(last), color);
    }

    private static void markers(GraphicsContext g, List<HistoryPoint> pts, ToLongFunction<HistoryPoint> value,
                                java.util.function.IntToDoubleFunction xOf,
                                java.util.function.DoubleUnaryOperator yOf, Color color) {
        if (pts.size() > 60) {
            return;
        }
        g.setFill(Color.WHITE);
        g.setStroke(color);
        g.setLineWidth(1.5);
        for (int i = 0; i < pts.size(); i++) {
            double x = xOf.applyAsDouble(i);
            double y = yOf.applyAsDouble(value.applyAsLong(pts.get(i)));
            g.fillOval(x - 3, y - 3, 6, 6);
            g.strokeOval(x - 3, y - 3, 6, 6);
        }
    }

    /** Names at the lines' ends, pushed apart so that they never overlap. */
    private void endLabels(GraphicsContext g, List<EndLabel> ends, double x, double top, double bottom) {
        List<EndLabel> sorted = new ArrayList<>(ends);
        sorted.sort(Comparator.comparingDouble(EndLabel::y));
        double gap = 14;
        double[] ys = new double[sorted.size()];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = Math.max(sorted.get(i).y(), i == 0 ? top : ys[i - 1] + gap);
        }
        for (int i = ys.length - 1; i >= 0; i--) {
            double limit = i == ys.length - 1 ? bottom : ys[i + 1] - gap;
            ys[i] = Math.min(ys[i], limit);
        }
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < ys.length; i++) {
            g.setFill(sorted.get(i).color());
            g.fillText(sorted.get(i).text(), x, ys[i], RIGHT - 6);
        }
    }
}
