package org.memvirt.view.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.view.ViewPalette;
import org.memvirt.view.ViewPalette.Hue;
import org.memvirt.view.ViewPalette.Hues;
import org.memvirt.viewmodel.compare.ChartData;
import org.memvirt.viewmodel.compare.Figures;

/**
 * The cumulative chart: one line per paging mode from the first step to the current one. The
 * frame follows the lines (steps 0 to now, values 0 to the largest now), so a single step early in
 * the trace is as readable as the whole trace at its end; while Play runs the lines keep their
 * shape and the axes count up. Each line has its own colour, its own dash pattern and its name at
 * its tip. Colours come from the theme's palette and the text size from the screen's font (the
 * presenter's zoom): both repaint the chart when they change.
 */
final class CostChart extends Region {
    /** The tick labels' size at zoom 1 (compare.css, .chart-text: 12.5 px); the chart's margins scale with it. */
    private static final double BASE_TEXT_PX = 12.5;
    private static final double LEFT = 64;
    private static final double RIGHT = 150;
    private static final double TOP = 14;
    private static final double BOTTOM = 34;
    /** The fewest steps the horizontal axis spans, so the first steps are not stretched absurdly. */
    private static final int MIN_SPAN = 10;

    private final Canvas canvas = new Canvas();
    private final ObservableValue<ChartData> data;
    private final ObservableValue<Number> position;
    private final ViewPalette palette = new ViewPalette();
    /** Never shown: CSS gives it the chart's text font, which follows the zoom. */
    private final Label textProbe = new Label();
    private boolean compact;

    CostChart(ObservableValue<ChartData> data, ObservableValue<Number> position) {
        this.data = data;
        this.position = position;
        getStyleClass().add("cost-chart");
        setId("cost-chart");
        textProbe.getStyleClass().add("chart-text");
        textProbe.setManaged(false);
        textProbe.setVisible(false);
        getChildren().addAll(canvas, palette, textProbe);
        data.addListener(obs -> draw());
        position.addListener(obs -> draw());
        palette.hues().addListener(obs -> draw());
        textProbe.fontProperty().addListener(obs -> {
            requestLayout();
            draw();
        });
        setMinWidth(200);
        setPrefWidth(480);
    }

    /** The panel gives the chart its width; its height keeps room for the plot as the labels grow with the zoom. */
    @Override
    protected double computeMinHeight(double width) {
        return 160 * scale();
    }

    @Override
    protected double computePrefHeight(double width) {
        return (compact ? 160 : 320) * scale();
    }

    /** A short screen asks for the chart at its smallest readable height. */
    void setCompact(boolean compact) {
        if (this.compact != compact) {
            this.compact = compact;
            requestLayout();
        }
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

    private static Color colour(Hues hues, PagingMode m) {
        return hues.get(switch (m) {
            case NATIVE -> Hue.NATIVE;
            case NESTED -> Hue.GUEST;
            case SHADOW -> Hue.SHADOW;
        });
    }

    /** A line's name in its colour: darker on a light card so small text holds up, the line's own on a dark one. */
    private static Color tipColour(Hues hues, PagingMode m) {
        Color c = colour(hues, m);
        return hues.get(Hue.PANEL).getBrightness() < 0.5 ? c : c.darker();
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

    /** How much the chart's text and margins have grown with the presenter's zoom (1 at 100 %). */
    private double scale() {
        return textProbe.getFont().getSize() / BASE_TEXT_PX;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        ChartData d = data.getValue();
        double s = scale();
        Plot p = new Plot(LEFT * s, TOP * s, w - (LEFT + RIGHT) * s, h - (TOP + BOTTOM) * s);
        if (d == null || p.width() < 20 || p.height() < 20) {
            return;
        }
        Hues hues = palette.hues().get();
        Color ink = hues.get(Hue.INK);
        Color grid = hues.get(Hue.LINE);
        int k = Math.max(0, Math.min(d.length(), position.getValue().intValue()));
        int n = Math.max(Math.min(MIN_SPAN, Math.max(1, d.length())), k);
        long highest = 1;
        for (PagingMode m : PagingMode.values()) {
            highest = Math.max(highest, d.value(m, k));
        }
        double yStep = niceStep(highest / 4.0);
        double top = 4 * yStep;

        String family = textProbe.getFont().getFamily();
        g.setFont(Font.font(family, BASE_TEXT_PX * s));
        g.setTextBaseline(VPos.CENTER);
        g.setLineDashes();
        for (int i = 0; i <= 4; i++) {
            double y = p.bottom() - p.height() * i / 4;
            g.setStroke(grid);
            g.setLineWidth(1);
            g.strokeLine(p.left(), y, p.right(), y);
            g.setFill(ink);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(Figures.compact(yStep * i), p.left() - 8 * s, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double xStep = Math.max(1, Math.ceil(niceStep(n / 5.0)));
        for (double x = 0; x <= n + 1e-9; x += xStep) {
            double px = p.left() + p.width() * x / n;
            g.setStroke(grid);
            g.strokeLine(px, p.bottom(), px, p.bottom() + 4 * s);
            g.setFill(ink);
            g.fillText(Figures.compact(x), px, p.bottom() + 6 * s);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("step →", p.right(), p.bottom() + 20 * s);
        g.setStroke(ink);
        g.setLineWidth(1.2 * s);
        g.strokeLine(p.left(), p.top(), p.left(), p.bottom());
        g.strokeLine(p.left(), p.bottom(), p.right(), p.bottom());

        int stride = Math.max(1, (int) Math.floor(n / p.width()));
        List<double[]> tips = new ArrayList<>();
        List<PagingMode> order = List.of(PagingMode.NATIVE, PagingMode.SHADOW, PagingMode.NESTED);
        for (PagingMode m : order) {
            g.setStroke(colour(hues, m));
            g.setLineWidth((m == PagingMode.NATIVE ? 2.5 : 3.5) * s);
            g.setLineCap(StrokeLineCap.BUTT);
            double[] dashes = dashes(m);
            for (int i = 0; i < dashes.length; i++) {
                dashes[i] *= s;
            }
            g.setLineDashes(dashes);
            g.beginPath();
            g.moveTo(p.left(), p.y(d.value(m, 0), top));
            for (int i = stride; i < k; i += stride) {
                g.lineTo(p.left() + p.width() * i / n, p.y(d.value(m, i), top));
            }
            double tipX = p.left() + p.width() * k / n;
            double tipY = p.y(d.value(m, k), top);
            g.lineTo(tipX, tipY);
            g.stroke();
            g.setLineDashes();
            tips.add(new double[] {m.ordinal(), tipX, tipY});
        }
        labelTips(g, hues, d, k, tips, p, family, s);
    }

    /** Names and values at the tips, pushed apart so they never overlap. */
    private static void labelTips(GraphicsContext g, Hues hues, ChartData d, int k, List<double[]> tips, Plot p,
                                  String family, double s) {
        tips.sort(Comparator.comparingDouble(t -> t[2]));
        double gap = 19 * s;
        double[] ys = new double[tips.size()];
        for (int i = 0; i < tips.size(); i++) {
            ys[i] = tips.get(i)[2];
            if (i > 0 && ys[i] < ys[i - 1] + gap) {
                ys[i] = ys[i - 1] + gap;
            }
        }
        double bottom = p.bottom() - 8 * s;
        for (int i = ys.length - 1; i >= 0; i--) {
            double limit = i == ys.length - 1 ? bottom : ys[i + 1] - gap;
            ys[i] = Math.min(ys[i], limit);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(family, FontWeight.BOLD, 13 * s));
        for (int i = 0; i < tips.size(); i++) {
            PagingMode m = PagingMode.values()[(int) tips.get(i)[0]];
            double x = tips.get(i)[1] + 8 * s;
            g.setFill(tipColour(hues, m));
            g.fillText(name(m) + " " + Figures.compact(d.value(m, k)), x, ys[i]);
        }
    }

    /** The plotting area inside the axes, in canvas pixels. */
    private record Plot(double left, double top, double width, double height) {
        double right() {
            return left + width;
        }

        double bottom() {
            return top + height;
        }

        double y(long value, double highest) {
            return bottom() - height * value / highest;
        }
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
