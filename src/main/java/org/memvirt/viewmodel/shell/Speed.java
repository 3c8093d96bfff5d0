package org.memvirt.viewmodel.shell;

import java.util.Locale;

/**
 * How fast Play goes and how long each memory reference's animation lasts: a factor on the base
 * duration, or {@link #FAST}, which draws every step's result without animating.
 */
public enum Speed {
    QUARTER(0.25, "0.25×"),
    HALF(0.5, "0.5×"),
    NORMAL(1, "1×"),
    DOUBLE(2, "2×"),
    QUADRUPLE(4, "4×"),
    /** No animation: each step is drawn finished. */
    FAST(Double.POSITIVE_INFINITY, "fast");

    private final double factor;
    private final String label;

    Speed(double factor, String label) {
        this.factor = factor;
        this.label = label;
    }

    /** How many times faster than normal; infinite for {@link #FAST}. */
    public double factor() {
        return factor;
    }

    public String label() {
        return label;
    }

    /** Whether steps animate at this speed. */
    public boolean animates() {
        return this != FAST;
    }

    /** {@code base} shortened by the factor (zero for {@link #FAST}). */
    public double scale(double baseMillis) {
        return animates() ? baseMillis / factor : 0;
    }

    /** One notch faster, stopping at {@link #FAST}. */
    public Speed faster() {
        return values()[Math.min(values().length - 1, ordinal() + 1)];
    }

    /** One notch slower, stopping at {@link #QUARTER}. */
    public Speed slower() {
        return values()[Math.max(0, ordinal() - 1)];
    }

    @Override
    public String toString() {
        return label;
    }

    /** The speed a stored name means, or {@code fallback}. */
    public static Speed parse(String name, Speed fallback) {
        if (name == null) {
            return fallback;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
