package org.memvirt.view.shell;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;

import org.memvirt.viewmodel.shell.CountersViewModel;

/**
 * The chosen counters over the lesson's steps: one line per counter in its colour, each also
 * named at its end and drawn with its own dash pattern (never colour alone), a mark at the step
 * shown, and the largest value on the axis. Drawn with shapes, so it stays sharp at any zoom.
 */
final class CounterChartView extends Region {
    private static final String[][] DASHES = {{}, {"8", "4"}, {"2", "4"}, {"10", "4", "2", "4"}};
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
        probe.setManaged(false);
        probe.setVisible(false);
        probe.getStyleClass().add("chart-tick");
        getChildren().add(probe);
    }

    @Override
    protected void layoutChildren() {
        double fs = Math.max(10, probe.getFont().getSize() / 0.8);
        String signature = getWidth() + "x" + getHeight() + "@" + fs + "|" + viewModel.charted() + "|"
                + viewModel.positionProperty().get() + "|" + viewModel.runningTotalProperty().get() + "|"
                + System.identityHashCode(viewModel.historyProperty().get());
        if (signature.equals(drawn)) {
            return;
        }
        drawn = signature;
        getChildren().setAll(probe);
        double left = fs * 2.6;
        double right = fs * 6.5;
        double top = fs * 0.6;
        double bottom = fs * 1.6;
        double w = getWidth() - left - right;
        double h = getHeight() - top - bottom;
        int n = viewModel.historyProperty().get().size();
        if (w < 20 || h < 20 || n == 0) {
            return;
        }
        List<String> names = List.copyOf(viewModel.charted());
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
        Line xAxis = line(left, top + h, left + w, top + h, "chart-axis");
        Line yAxis = line(left, top, left, top + h, "chart-axis");
        Label maxLabel = label(Long.toString(max), "chart-tick");
        maxLabel.resizeRelocate(0, top - fs * 0.5, left - fs * 0.3, fs * 1.3);
        Label zero = label("0", "chart-tick");
        zero.resizeRelocate(0, top + h - fs * 0.7, left - fs * 0.3, fs * 1.3);
        String caption = viewModel.runningTotalProperty().get() ? "running total, by step" : "added per step, by step";
        Label xLabel = label(caption, "chart-caption");
        xLabel.resizeRelocate(left, top + h + fs * 0.15, w, fs * 1.4);
        getChildren().addAll(xAxis, yAxis, maxLabel, zero, xLabel);
        int p = viewModel.positionProperty().get();
        Line marker = line(left + dx * p, top, left + dx * p, top + h, "chart-marker");
        getChildren().add(marker);
        double lastLabelY = -1e9;
        for (int i = 0; i < names.size(); i++) {
            long[] s = series.get(i);
            Polyline line = new Polyline();
            for (int k = 0; k < s.length; k++) {
                line.getPoints().addAll(left + dx * k, top + h - h * s[k] / max);
            }
            line.getStyleClass().addAll("chart-line", CounterStyles.of(names.get(i)));
            String[] dash = DASHES[i % DASHES.length];
            for (String d : dash) {
                line.getStrokeDashArray().add(Double.parseDouble(d) * fs / 14);
            }
            getChildren().add(line);
            double y = top + h - h * s[s.length - 1] / max - fs * 0.7;
            y = Math.max(y, lastLabelY + fs * 1.3);
            lastLabelY = y;
            Label name = label(names.get(i), "chart-label");
            name.getStyleClass().add(CounterStyles.of(names.get(i)));
            name.resizeRelocate(left + w + fs * 0.4, y, right - fs * 0.4, fs * 1.4);
            getChildren().add(name);
        }
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
