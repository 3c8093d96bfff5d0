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

import org.memvirt.view.ViewPalette.Hue;
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
    private final MemoryTheme theme;
    private final Canvas canvas = new Canvas();
    private Font font;
    private Font bold;
    private double zoom = 1;
    private ChartColours colours;
    private int hoverStep = -1;
    private final javafx.beans.property.ReadOnlyStringWrapper readout =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "readout", "");

    FreeMemoryChart(HostMemoryViewModel viewModel, MemoryTheme theme) {
        this.viewModel = viewModel;
        this.theme = theme;
        setId("free-memory-chart");
        getStyleClass().add("free-memory-chart");
        getChildren().add(canvas);
        setMinWidth(200);
        restyle();
        theme.onChange(() -> {
            restyle();
            requestLayout();
            paint();
        });
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

    /** The chart's colours: each series keeps its meaning (free yellow, shared sky, ballooned vermillion). */
    private record ChartColours(Color reclaimHatch, Color grid, Color axis, Color text, Color reclaim,
                                Color reclaimText, Color freeArea, Color free, Color shared, Color swapped,
                                Color ballooned, Color marker, Color ink, Color faint) {
        static ChartColours of(MemoryTheme theme) {
            Color panel = theme.color(Hue.PANEL);
            Color ink = theme.color(Hue.INK);
            Color vmm = theme.color(Hue.VMM);
            return new ChartColours(MapPalette.mix(panel, vmm, 0.4), MapPalette.mix(panel, theme.color(Hue.LINE), 0.6),
                    theme.color(Hue.FAINT), theme.color(Hue.MUTED), vmm, MapPalette.mix(vmm, ink, 0.35),
                    MapPalette.color(theme.palette().free()), MapPalette.mix(theme.color(Hue.HOST), ink, 0.35),
                    MapPalette.mix(theme.color(Hue.SHARED), ink, 0.35), ink, vmm, panel, ink, theme.color(Hue.FAINT));
        }
    }

    private void restyle() {
        zoom = theme.scale();
        font = theme.font(FontWeight.NORMAL, 11.5);
        bold = theme.font(FontWeight.BOLD, 12);
        colours = ChartColours.of(theme);
        setMinHeight(150 * zoom);
        setPrefHeight(190 * zoom);
    }

    private double left() {
        return LEFT * zoom;
    }

    private double right() {
        return RIGHT * zoom;
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
        double plotW = getWidth() - left() - right();
        return left() + (n <= 1 ? plotW / 2 : plotW * i / (n - 1));
    }

    /** The history index under x, or -1. */
    int stepAt(double x) {
        int n = viewModel.chart().size();
        if (n == 0) {
            return -1;
        }
        double plotW = getWidth() - left() - right();
        double k = n == 1 ? 0 : (x - left()) / plotW * (n - 1);
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
        ChartColours c = colours;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        List<HistoryPoint> pts = viewModel.chart();
        double left = left();
        double top = TOP * zoom;
        double plotW = w - left - right();
        double plotH = h - top - BOTTOM * zoom;
        if (pts.isEmpty() || plotW < 20 || plotH < 20) {
            return;
        }
        double total = Math.max(1, total());
        int n = pts.size();
        java.util.function.IntToDoubleFunction xOf = i -> left + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
        java.util.function.DoubleUnaryOperator yOf = v -> top + plotH * (1 - v / total);

        // free: filled area, under the grid, the hatching and the lines
        g.beginPath();
        g.moveTo(xOf.applyAsDouble(0), yOf.applyAsDouble(0));
        for (int i = 0; i < n; i++) {
            g.lineTo(xOf.applyAsDouble(i), yOf.applyAsDouble(pts.get(i).free()));
        }
        g.lineTo(xOf.applyAsDouble(n - 1), yOf.applyAsDouble(0));
        g.closePath();
        g.setFill(c.freeArea());
        g.fill();

        // the zone where the host reclaims (below 6 %): hatched
        double y6 = yOf.applyAsDouble(total * 0.06);
        g.save();
        g.beginPath();
        g.rect(left, y6, plotW, top + plotH - y6);
        g.clip();
        g.setStroke(c.reclaimHatch());
        g.setLineWidth(1);
        for (double x = left - plotH; x < left + plotW; x += 6) {
            g.strokeLine(x, top + plotH, x + plotH, top);
        }
        g.restore();

        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = yOf.applyAsDouble(total * pct / 100.0);
            g.setStroke(pct == 0 ? c.axis() : c.grid());
            g.setLineWidth(1);
            g.strokeLine(left, y, left + plotW, y);
            g.setFill(c.text());
            g.fillText(pct + " %", left - 6, y);
        }
        g.setStroke(c.reclaim());
        g.setLineWidth(1);
        g.setLineDashes(6, 4);
        g.strokeLine(left, y6, left + plotW, y6);
        g.setLineDashes(null);
        g.setFill(c.reclaimText());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("6 %: below it the host reclaims", left + 4, y6 - 2);

        List<EndLabel> ends = new ArrayList<>();
        ends.add(series(g, pts, HistoryPoint::free, xOf, yOf, c.free(), 3, null, "free"));
        ends.add(series(g, pts, HistoryPoint::shared, xOf, yOf, c.shared(), 2.5, null, "shared"));
        ends.add(series(g, pts, HistoryPoint::swapped, xOf, yOf, c.swapped(), 2, new double[] {7, 4},
                "host-swapped"));
        ends.add(series(g, pts, HistoryPoint::ballooned, xOf, yOf, c.ballooned(), 2,
                new double[] {10, 3, 2, 3}, "ballooned"));
        markers(g, pts, HistoryPoint::shared, xOf, yOf, c.shared(), c.marker());
        endLabels(g, ends, left + plotW + 6, top, top + plotH);

        // x axis: step numbers
        g.setFill(c.text());
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int every = Math.max(1, (int) Math.ceil(n / (plotW / (28 * zoom))));
        for (int i = 0; i < n; i += every) {
            g.fillText(Integer.toString(pts.get(i).step()), xOf.applyAsDouble(i), top + plotH + 4);
        }

        int current = viewModel.positionProperty().get();
        if (current >= 0 && current < n) {
            double x = xOf.applyAsDouble(current);
            g.setStroke(c.ink());
            g.setLineWidth(2);
            g.strokeLine(x, top - 2, x, top + plotH);
            g.setFill(c.ink());
            g.fillOval(x - 5, yOf.applyAsDouble(pts.get(current).free()) - 5, 10, 10);
            g.setFont(bold);
            g.setTextBaseline(VPos.BOTTOM);
            g.setTextAlign(x > left + plotW - 40 * zoom ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText("step " + pts.get(current).step(), x, top - 3);
        }
        if (hoverStep >= 0 && hoverStep < n && hoverStep != current) {
            double x = xOf.applyAsDouble(hoverStep);
            g.setStroke(c.faint());
            g.setLineWidth(1);
            g.setLineDashes(3, 3);
            g.strokeLine(x, top, x, top + plotH);
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
                                java.util.function.DoubleUnaryOperator yOf, Color color, Color fill) {
        if (pts.size() > 60) {
            return;
        }
        g.setFill(fill);
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
        double gap = 14 * zoom;
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
            g.fillText(sorted.get(i).text(), x, ys[i], right() - 6);
        }
    }
}
