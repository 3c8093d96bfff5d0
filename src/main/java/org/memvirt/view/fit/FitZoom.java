package org.memvirt.view.fit;

import java.util.function.DoublePredicate;

/**
 * The fit zoom: the largest zoom at which the view on screen shows everything, found by trying
 * zooms on a grid (a halving search: a larger zoom never makes more room, so what does not fit
 * at z does not fit above z either).
 */
public final class FitZoom {
    private FitZoom() {
    }

    /**
     * The largest zoom in {@code min, min + step, …, max} at which {@code fitsAt} holds; {@code min}
     * when none does (the view is then as small as it gets).
     */
    public static double largestFitting(double min, double max, double step, DoublePredicate fitsAt) {
        int steps = (int) Math.round((max - min) / step);
        int lo = 0;
        int hi = steps;
        if (fitsAt.test(at(min, step, hi))) {
            return at(min, step, hi);
        }
        // invariant: lo fits (or is the floor), hi does not
        while (hi - lo > 1) {
            int mid = (lo + hi) / 2;
            if (fitsAt.test(at(min, step, mid))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return at(min, step, lo);
    }

    private static double at(double min, double step, int i) {
        return Math.round((min + i * step) * 1000) / 1000.0;
    }
}
