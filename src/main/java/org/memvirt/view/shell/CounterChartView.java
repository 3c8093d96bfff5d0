package org.memvirt.view.shell;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

import org.memvirt.viewmodel.shell.CounterWords;
import org.memvirt.viewmodel.shell.CountersViewModel;

/**
 * The chosen counters over the lesson's steps, drawn only up to the step on screen (a later step's
 * spike would answer the question before it is asked); the axis spans the whole lesson, the
 * scale only what is drawn. One line per counter in its colour and, since two counters may
 * coincide (walk references and page table references on a native machine), each also with its
 * own dash pattern and point marker, named in words in a legend under the plot. Drawn with
 * shapes, so it stays sharp at any zoom.
 */
final class CounterChartView extends Region {
    private static final double[][] DASHES = {{}, {8, 4}, {2, 4}, {10, 4, 2, 4}};
    /** Point markers by series: filled circle, hollow square, hollow triangle, filled diamond. */
    private static final int MARKERS = 4;
    /** At most this many markers along a line (a long lesson gets one every few steps). */
    private static final int MAX_MARKERS = 40;
    private final CountersViewModel viewModel;
    /** Stays a child: its font (root font × CSS) sizes the margins and the dashes. */
    private final Label probe = new Label("0");
    private String drawn = "";

    CounterChartView(CountersViewModel viewModel) {
        this.viewModel = viewModel;
        setId("counter-chart");
        getStyleClass().add("counter-chart");
        viewModel.charted().addListener((ListChangeListener<String>) c -> requestLayout());
        viewModel.historyProperty().addListener((obs, old, now) -> requestLayout());
        viewModel.positionProperty().addListener((obs, old, now) -> requestLayout());
        viewModel.runningTotalProperty().addListener((obs, old, now) -> requestLayout());
        viewModel.revisionProperty().addListener((obs, old, now) -> requestLayout());
        probe.setManaged(false);
        probe.setVisible(false);
        probe.getStyleClass().add("chart-tick");
        getChildren().add(probe);
    }

    @Override
    protected void layoutChildren() {
        double fs = Math.max(10, probe.getFont().getSize() / 0.8);
        String signature = getWidth() + "x" + getHeight() + "@" + fs + "|" + viewModel.charted() + "|"
                + viewModel.revisionProperty().get() + "|" + viewModel.runningTotalProperty().get() + "|"
                + System.identityHashCode(viewModel.historyProperty().get());
        if (signature.equals(drawn)) {
            return;
        }
        drawn = signature;
        getChildren().setAll(probe);
        List<String> names = List.copyOf(viewModel.charted());
        double legendRow = fs * 1.35;
        double left = fs * 2.6;
        double right = fs * 0.8;
        double top = fs * 0.6;
        double bottom = fs * 1.6 + legendRow * names.size();
        double w = getWidth() - left - right;
        double h = getHeight() - top - bottom;
        int n = viewModel.historyProperty().get().size();
        if (w < 20 || h < 20 || n == 0) {
            return;
        }
        List<long[]> series = new ArrayList<>();
        long max = 1;
        for (String name : names) {
            long[] s = viewModel.series(name);
            series.add(s);
            for (long v : s) {
                max = Math.max(max, v);
            }
        }
        double dx = n > 1 ? w / (n - 1) : 0;
        Label maxLabel = label(Long.toString(max), "chart-tick");
        maxLabel.resizeRelocate(0, top - fs * 0.5, left - fs * 0.3, fs * 1.3);
        Label zero = label("0", "chart-tick");
        zero.resizeRelocate(0, top + h - fs * 0.7, left - fs * 0.3, fs * 1.3);
        String caption = viewModel.runningTotalProperty().get() ? "running total, by step" : "added per step, by step";
        Label xLabel = label(caption, "chart-caption");
        xLabel.resizeRelocate(left, top + h + fs * 0.15, w, fs * 1.4);
        getChildren().addAll(line(left, top + h, left + w, top + h, "chart-axis"),
                line(left, top, left, top + h, "chart-axis"), maxLabel, zero, xLabel);
        int p = viewModel.positionProperty().get();
        getChildren().add(line(left + dx * p, top, left + dx * p, top + h, "chart-marker"));
        double legendTop = top + h + fs * 1.6;
        for (int i = 0; i < names.size(); i++) {
            long[] s = series.get(i);
            String tone = CounterStyles.of(names.get(i));
            Polyline line = new Polyline();
            for (int k = 0; k < s.length; k++) {
                line.getPoints().addAll(left + dx * k, top + h - h * s[k] / max);
            }
            line.getStyleClass().addAll("chart-line", tone);
            line.getStrokeDashArray().setAll(dashes(i, fs));
            getChildren().add(line);
            int every = Math.max(1, (int) Math.ceil(s.length / (double) MAX_MARKERS));
            for (int k = 0; k < s.length; k += every) {
                getChildren().add(marker(i, left + dx * k, top + h - h * s[k] / max, fs, tone));
            }
            getChildren().addAll(legendEntry(names.get(i), i, left, legendTop + legendRow * i, w, legendRow, fs, tone));
        }
    }

    /** The legend's line for series {@code i}: a stretch of its dash with its marker, and its name in words. */
    private List<Node> legendEntry(String name, int i, double x, double y, double w, double row, double fs,
                                   String tone) {
        double mid = y + row / 2;
        Line sample = line(x, mid, x + fs * 2.2, mid, "chart-line");
        sample.getStyleClass().add(tone);
        sample.getStrokeDashArray().setAll(dashes(i, fs));
        Shape mark = marker(i, x + fs * 1.1, mid, fs, tone);
        Label words = label(CounterWords.of(name), "chart-label");
        words.setId("chart-legend-" + name);
        words.getStyleClass().add(tone);
        words.setTooltip(new Tooltip(CounterWords.tooltip(name)));
        words.resizeRelocate(x + fs * 2.7, y, Math.max(0, w - fs * 2.7), row);
        return List.of(sample, mark, words);
    }

    private static List<Double> dashes(int series, double fs) {
        List<Double> out = new ArrayList<>();
        for (double d : DASHES[series % DASHES.length]) {
            out.add(d * fs / 14);
        }
        return out;
    }

    /** Series {@code i}'s point marker at (x, y). */
    private static Shape marker(int i, double x, double y, double fs, String tone) {
        double r = fs * 0.28;
        Shape s = switch (i % MARKERS) {
            case 0 -> new Circle(x, y, r);
            case 1 -> new Rectangle(x - r * 1.3, y - r * 1.3, r * 2.6, r * 2.6);
            case 2 -> new Polygon(x, y - r * 1.6, x + r * 1.5, y + r * 1.1, x - r * 1.5, y + r * 1.1);
            default -> new Polygon(x, y - r * 1.4, x + r * 1.4, y, x, y + r * 1.4, x - r * 1.4, y);
        };
        s.getStyleClass().addAll("chart-point", i % MARKERS == 1 || i % MARKERS == 2 ? "hollow" : "filled", tone);
        return s;
    }

    private static Line line(double x1, double y1, double x2, double y2, String style) {
        Line l = new Line(x1, y1, x2, y2);
        l.getStyleClass().add(style);
        return l;
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setManaged(false);
        return l;
    }
}
