package org.memvirt.viewmodel.shell;

import java.util.Locale;

/** How the window looks: for a screen, a dark room, or a washed-out projector. */
public enum Theme {
    /** Dark text on light backgrounds. */
    LIGHT("Light"),
    /** Light text on dark backgrounds. */
    DARK("Dark"),
    /** Black on white, thick outlines and larger targets, for a projector in a bright hall. */
    PROJECTOR("Projector (high contrast)");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The theme after this one, for the key that cycles themes. */
    public Theme next() {
        return values()[(ordinal() + 1) % values().length];
    }

    /** The theme a stored name means, or {@code fallback} for anything else. */
    public static Theme parse(String name, Theme fallback) {
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
