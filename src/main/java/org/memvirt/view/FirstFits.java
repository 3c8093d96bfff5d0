package org.memvirt.view;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Nodes stacked top to bottom where the first is always shown and each next one only when it fits
 * whole in the room left (a row header's table address under its level's name): a line that
 * does not fit is left out rather than cut.
 */
final class FirstFits extends Region {
    FirstFits(Node... nodes) {
        getChildren().addAll(nodes);
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + getChildren().get(0).minWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + getChildren().get(0).minHeight(-1) + snappedBottomInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = 0;
        for (Node n : getChildren()) {
            w = Math.max(w, n.prefWidth(-1));
        }
        return snappedLeftInset() + w + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double h = 0;
        for (Node n : getChildren()) {
            h += n.prefHeight(-1);
        }
        return snappedTopInset() + h + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double w = getWidth() - x - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double total = 0;
        int shown = 0;
        for (Node n : getChildren()) {
            double nh = shown == 0 ? Math.min(n.prefHeight(w), Math.max(n.minHeight(w), h)) : n.prefHeight(-1);
            boolean fits = shown == 0 || (n.prefWidth(-1) <= w + 0.5 && total + nh <= h + 0.5);
            if (!fits) {
                break;
            }
            total += nh;
            shown++;
        }
        double y = snappedTopInset() + Math.max(0, (h - total) / 2);
        int i = 0;
        for (Node n : getChildren()) {
            boolean on = i < shown;
            n.setVisible(on);
            double nh = i == 0 ? Math.min(n.prefHeight(w), Math.max(n.minHeight(w), h)) : n.prefHeight(-1);
            n.resizeRelocate(x, on ? y : snappedTopInset(), i == 0 ? w : n.prefWidth(-1), nh);
            if (on) {
                y += nh;
            }
            i++;
        }
    }
}
