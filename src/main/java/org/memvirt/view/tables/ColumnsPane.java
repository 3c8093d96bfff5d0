package org.memvirt.view.tables;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * The table columns side by side, any number of them (guest, shadow, P2M today; host-side tables
 * may join): the width is shared by what each column's content needs, not in equal or fixed
 * parts, so a column of long host addresses gets more than a column of short ones. Gutters
 * (children with the style class {@code gutter}, where the arrows run) keep their own width.
 * Below the columns' minimum widths the pane reports that minimum, and its holder scales it.
 */
final class ColumnsPane extends Region {

    ColumnsPane() {
        getStyleClass().add("columns");
        setId("tables-columns");
    }

    /** Replaces the columns, with a gutter between each two. */
    void setColumns(List<? extends Node> columns) {
        getChildren().clear();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                Region gutter = new Region();
                gutter.getStyleClass().add("gutter");
                getChildren().add(gutter);
            }
            getChildren().add(columns.get(i));
        }
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private static boolean isGutter(Node n) {
        return n.getStyleClass().contains("gutter");
    }

    private List<Node> shown() {
        return getManagedChildren();
    }

    /** The width each managed child gets out of {@code inner}, in child order. */
    private double[] widths(double inner) {
        List<Node> kids = shown();
        int n = kids.size();
        double[] min = new double[n];
        double[] pref = new double[n];
        double fixed = 0;
        double minSum = 0;
        double prefSum = 0;
        int columns = 0;
        for (int i = 0; i < n; i++) {
            Node k = kids.get(i);
            if (isGutter(k)) {
                min[i] = k.prefWidth(-1);
                pref[i] = min[i];
                fixed += min[i];
            } else {
                min[i] = k.minWidth(-1);
                pref[i] = Math.max(min[i], k.prefWidth(-1));
                minSum += min[i];
                prefSum += pref[i];
                columns++;
            }
        }
        double room = inner - fixed;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            Node k = kids.get(i);
            if (isGutter(k)) {
                w[i] = min[i];
            } else if (room >= prefSum) {
                w[i] = pref[i] + (room - prefSum) / columns;
            } else if (room > minSum && prefSum > minSum) {
                w[i] = min[i] + (room - minSum) * (pref[i] - min[i]) / (prefSum - minSum);
            } else {
                w[i] = min[i];
            }
        }
        return w;
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        double sum = 0;
        for (Node k : shown()) {
            sum += isGutter(k) ? k.prefWidth(-1) : k.minWidth(-1);
        }
        return in.getLeft() + in.getRight() + sum;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        double sum = 0;
        for (Node k : shown()) {
            sum += isGutter(k) ? k.prefWidth(-1) : Math.max(k.minWidth(-1), k.prefWidth(-1));
        }
        return in.getLeft() + in.getRight() + sum;
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = (width < 0 ? computePrefWidth(-1) : width) - in.getLeft() - in.getRight();
        double[] w = widths(inner);
        List<Node> kids = shown();
        double h = 0;
        for (int i = 0; i < kids.size(); i++) {
            if (!isGutter(kids.get(i))) {
                h = Math.max(h, kids.get(i).prefHeight(w[i]));
            }
        }
        return in.getTop() + in.getBottom() + h;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double inner = getWidth() - in.getLeft() - in.getRight();
        double height = getHeight() - in.getTop() - in.getBottom();
        double[] w = widths(inner);
        List<Node> kids = shown();
        double x = in.getLeft();
        for (int i = 0; i < kids.size(); i++) {
            kids.get(i).resizeRelocate(snapPositionX(x), in.getTop(), snapSizeX(w[i]), height);
            x += w[i];
        }
    }
}
