package org.memvirt.view.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.viewmodel.compare.ChartData;
import org.memvirt.viewmodel.compare.Figures;

/**
 * The cumulative chart: one line per paging mode from the first step to the current one. The
 * frame follows the lines (steps 0 to now, values 0 to the largest now), so a single step early in
 * the trace is as readable as the whole trace at its end; while Play runs the lines keep their
 * shape and the axes count up. Each line has its own colour, its own dash pattern and its name at
 * its tip.
 */
final class CostChart extends Region {
    static final Color NATIVE = Color.web("#57606a");
    static final Color NESTED = Color.web("#0072B2");
    static final Color SHADOW = Color.web("#CC79A7");
    private static final Color INK = Color.web("#1f2328");
    private static final Color GRID = Color.web("#d8dee4");
    private static final double LEFT = 64;
    private static final double RIGHT = 150;
    private static final double TOP = 14;
    private static final double BOTTOM = 34;
    /** The fewest steps the horizontal axis spans, so the first steps are not stretched absurdly. */
    private static final int MIN_SPAN = 10;

    private final Canvas canvas = new Canvas();
    private final ObservableValue<ChartData> data;
    private final ObservableValue<Number> position;

    CostChart(ObservableValue<ChartData> data, ObservableValue<Number> position) {
        this.data = data;
        this.position = position;
        getStyleClass().add("cost-chart");
        setId("cost-chart");
        getChildren().add(canvas);
        data.addListener(obs -> draw());
        position.addListener(obs -> draw());
        setMinSize(200, 160);
        setPrefSize(480, 320);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private static Color colour(PagingMode m) {
        return switch (m) {
            case NATIVE -> NATIVE;
            case NESTED -> NESTED;
            case SHADOW -> SHADOW;
        };
    }

    private static String name(PagingMode m) {
        return switch (m) {
            case NATIVE -> "Native";
            case NESTED -> "Nested";
            case SHADOW -> "Shadow";
        };
    }

    private static double[] dashes(PagingMode m) {
        return switch (m) {
            case NATIVE -> new double[] {2, 5};
            case NESTED -> new double[0];
            case SHADOW -> new double[] {12, 6};
        };
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        ChartData d = data.getValue();
        if (d == null || w < LEFT + RIGHT + 20 || h < TOP + BOTTOM + 20) {
            return;
        }
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        int k = Math.max(0, Math.min(d.length(), position.getValue().intValue()));
        int n = Math.max(Math.min(MIN_SPAN, Math.max(1, d.length())), k);
        long highest = 1;
        for (PagingMode m : PagingMode.values()) {
            highest = Math.max(highest, d.value(m, k));
        }
        double yStep = niceStep(highest / 4.0);
        double top = 4 * yStep;

        g.setFont(Font.font("System", 12.5));
        g.setTextBaseline(VPos.CENTER);
        g.setLineDashes();
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4;
            g.setStroke(GRID);
            g.setLineWidth(1);
            g.strokeLine(LEFT, y, LEFT + plotW, y);
            g.setFill(INK);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(Figures.compact(yStep * i), LEFT - 8, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double xStep = Math.max(1, Math.ceil(niceStep(n / 5.0)));
        for (double x = 0; x <= n + 1e-9; x += xStep) {
            double px = LEFT + plotW * x / n;
            g.setStroke(GRID);
            g.strokeLine(px, TOP + plotH, px, TOP + plotH + 4);
            g.setFill(INK);
            g.fillText(Figures.compact(x), px, TOP + plotH + 6);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("step →", LEFT + plotW, TOP + plotH + 20);
        g.setStroke(INK);
        g.setLineWidth(1.2);
        g.strokeLine(LEFT, TOP, LEFT, TOP + plotH);
        g.strokeLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);

        int stride = Math.max(1, (int) Math.floor(n / plotW));
        List<double[]> tips = new ArrayList<>();
        List<PagingMode> order = List.of(PagingMode.NATIVE, PagingMode.SHADOW, PagingMode.NESTED);
        for (PagingMode m : order) {
            g.setStroke(colour(m));
            g.setLineWidth(m == PagingMode.NATIVE ? 2.5 : 3.5);
            g.setLineCap(StrokeLineCap.BUTT);
            g.setLineDashes(dashes(m));
            g.beginPath();
            g.moveTo(LEFT, y(d.value(m, 0), top, plotH));
            for (int i = stride; i < k; i += stride) {
                g.lineTo(LEFT + plotW * i / n, y(d.value(m, i), top, plotH));
            }
            double tipX = LEFT + plotW * k / n;
            double tipY = y(d.value(m, k), top, plotH);
            g.lineTo(tipX, tipY);
            g.stroke();
            g.setLineDashes();
            tips.add(new double[] {m.ordinal(), tipX, tipY});
        }
        labelTips(g, d, k, tips, plotH);
    }

    /** Names and values at the tips, pushed apart so they never overlap. */
    private void labelTips(GraphicsContext g, ChartData d, int k, List<double[]> tips, double plotH) {
        tips.sort(Comparator.comparingDouble(t -> t[2]));
        double gap = 19;
        double[] ys = new double[tips.size()];
        for (int i = 0; i < tips.size(); i++) {
            ys[i] = tips.get(i)[2];
            if (i > 0 && ys[i] < ys[i - 1] + gap) {
                ys[i] = ys[i - 1] + gap;
            }
        }
        double bottom = TOP + plotH - 8;
        for (int i = ys.length - 1; i >= 0; i--) {
            double limit = i == ys.length - 1 ? bottom : ys[i + 1] - gap;
            ys[i] = Math.min(ys[i], limit);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font("System", FontWeight.BOLD, 13));
        for (int i = 0; i < tips.size(); i++) {
            PagingMode m = PagingMode.values()[(int) tips.get(i)[0]];
            double x = tips.get(i)[1] + 8;
            g.setFill(colour(m).darker());
            g.fillText(name(m) + " " + Figures.compact(d.value(m, k)), x, ys[i]);
        }
    }

    private static double y(long value, double top, double plotH) {
        return TOP + plotH - plotH * value / top;
    }

    /** A round step of at least {@code v}: 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten. */
    static double niceStep(double v) {
        if (v <= 1) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double f : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (f * p >= v - 1e-9) {
                return f * p;
            }
        }
        return 10 * p;
    }
}
