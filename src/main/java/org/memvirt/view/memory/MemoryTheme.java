package org.memvirt.view.memory;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import org.memvirt.view.ViewPalette;
import org.memvirt.view.ViewPalette.Hue;

/**
 * The theme and the zoom as the memory screen paints them in code (the map's images, the
 * overlay, the chart and the gauge know no CSS): the colours of the current theme, the map's
 * {@link MapPalette} built from them, and the text size of the screen, which the presenter's
 * zoom sets. Two invisible probes among the screen's nodes read both from CSS; whoever paints
 * registers with {@link #onChange} and repaints when either changes.
 */
final class MemoryTheme {
    /** The screen's text size at 100 % zoom; painted sizes are given for it and scaled. */
    static final double BASE_FONT = 14;

    private final ViewPalette colours = new ViewPalette();
    private final Label text = new Label();
    private final List<Runnable> listeners = new ArrayList<>();
    private MapPalette palette;

    MemoryTheme() {
        text.getStyleClass().add("paint-font-probe");
        text.setManaged(false);
        text.setVisible(false);
        text.setMouseTransparent(true);
        palette = MapPalette.of(colours.hues().get());
        colours.hues().addListener((obs, old, now) -> {
            palette = MapPalette.of(now);
            changed();
        });
        text.fontProperty().addListener((obs, old, now) -> {
            if (old == null || old.getSize() != now.getSize()) {
                changed();
            }
        });
    }

    /** The probes: put them among the screen's nodes, under the root that carries the palette. */
    List<Node> probes() {
        return List.of(colours, text);
    }

    /** Calls {@code repaint} whenever the theme or the zoom changes. */
    void onChange(Runnable repaint) {
        listeners.add(repaint);
    }

    /** The map's colours and patterns in the current theme. */
    MapPalette palette() {
        return palette;
    }

    /** A palette colour as the current theme resolves it. */
    Color color(Hue hue) {
        return colours.color(hue);
    }

    /** How many times the base text size the screen's text is now (1 at 100 % zoom). */
    double scale() {
        Font f = text.getFont();
        return f == null ? 1 : f.getSize() / BASE_FONT;
    }

    /** A font of {@code size} pixels at 100 % zoom, scaled to the current zoom. */
    Font font(FontWeight weight, double size) {
        return Font.font("System", weight, size * scale());
    }

    /** A monospaced font of {@code size} pixels at 100 % zoom, scaled to the current zoom. */
    Font mono(double size) {
        return Font.font("Monospaced", size * scale());
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
