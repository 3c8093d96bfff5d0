package org.memvirt.viewmodel.shell;

import java.util.Optional;

/**
 * Where the window opens and at what zoom, from the visible bounds of the screen it opens on (the
 * screen less its task bars and docks) and what the window remembers. The first launch takes about
 * 90 % of the screen, centred; a remembered size or place is pulled back onto the screen; a
 * remembered zoom the window can no longer hold becomes the largest zoom at which the window's
 * minimum content (the {@link #MIN_WIDTH} × {@link #MIN_HEIGHT} layout at 100 %, scaled by the
 * zoom) still fits. See docs/decisions/0011-present-window-and-keys.md.
 */
public final class WindowPlacement {
    /** The share of the screen's visible width and height a first window takes. */
    public static final double FIRST_SHARE = 0.9;
    /** The smallest window the lesson layout is made for, at zoom 1. */
    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 600;

    private WindowPlacement() {
    }

    /**
     * A rectangle on the desktop, in the toolkit's coordinates; {@code x} and {@code y} are NaN
     * for a size without a place (settings written before places were remembered).
     */
    public record Box(double x, double y, double width, double height) {
        /** A size with no place. */
        public static Box sized(double width, double height) {
            return new Box(Double.NaN, Double.NaN, width, height);
        }

        public boolean placed() {
            return !Double.isNaN(x) && !Double.isNaN(y);
        }

        public double maxX() {
            return x + width;
        }

        public double maxY() {
            return y + height;
        }

        boolean overlaps(Box o) {
            return placed() && x < o.maxX() && o.x < maxX() && y < o.maxY() && o.y < maxY();
        }
    }

    /**
     * The window's place and size on {@code screen} (visible bounds).
     *
     * @param screen     the visible bounds of the screen the window opens on
     * @param remembered the window of last time, if any
     */
    public static Box place(Box screen, Optional<Box> remembered) {
        Box min = minimumSize(screen);
        if (remembered.isEmpty() || !(remembered.get().width() > 0) || !(remembered.get().height() > 0)) {
            return centred(screen, clamp(screen.width() * FIRST_SHARE, min.width(), screen.width()),
                    clamp(screen.height() * FIRST_SHARE, min.height(), screen.height()));
        }
        Box r = remembered.get();
        double w = clamp(r.width(), min.width(), screen.width());
        double h = clamp(r.height(), min.height(), screen.height());
        if (!r.overlaps(screen)) {
            return centred(screen, w, h);
        }
        return new Box(clamp(r.x(), screen.x(), screen.maxX() - w), clamp(r.y(), screen.y(), screen.maxY() - h), w, h);
    }

    /** The window's minimum size on {@code screen}: the layout's minimum, or the whole screen when smaller. */
    public static Box minimumSize(Box screen) {
        return Box.sized(Math.min(MIN_WIDTH, screen.width()), Math.min(MIN_HEIGHT, screen.height()));
    }

    /**
     * The largest zoom (a multiple of {@link PresenterViewModel#ZOOM_STEP}, 1.0–3.0) at which the
     * window's minimum content fits a window of {@code width} × {@code height}.
     */
    public static double largestFittingZoom(double width, double height) {
        double fits = Math.min(width / MIN_WIDTH, height / MIN_HEIGHT);
        double stepped = Math.floor(fits / PresenterViewModel.ZOOM_STEP + 1e-9) * PresenterViewModel.ZOOM_STEP;
        return clamp(stepped, PresenterViewModel.MIN_ZOOM, PresenterViewModel.MAX_ZOOM);
    }

    /** {@code zoom}, or the largest zoom that fits the window when {@code zoom} no longer does. */
    public static double fittingZoom(double zoom, Box window) {
        return Math.min(zoom, largestFittingZoom(window.width(), window.height()));
    }

    private static Box centred(Box screen, double w, double h) {
        return new Box(screen.x() + (screen.width() - w) / 2, screen.y() + (screen.height() - h) / 2, w, h);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
