package org.memvirt.view;

import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Parent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The theme's colours for a view, from {@code palette.css}: {@link #applyTo} makes a view's root
 * take the palette (and so follow the light, dark and projector themes), and an instance is an
 * invisible probe that reads the resolved colours for what a view paints in code (a canvas knows
 * no CSS). Put the probe among the view's children; its {@link #hues()} change when the theme
 * does, so a canvas repaints with the new colours.
 */
public final class ViewPalette extends Region {
    /** The shared palette stylesheet. */
    public static final String STYLESHEET = ViewPalette.class.getResource("palette.css").toExternalForm();
    /** What the views' pieces share (scroll panes, side panel, settings bar, choice toggles). */
    public static final String PIECES = ViewPalette.class.getResource("views.css").toExternalForm();

    /** The colours a canvas can ask for, in the order of {@code .view-palette}'s fills in palette.css. */
    public enum Hue {
        GUEST, GUEST_TINT, HOST, HOST_TINT, SHADOW, SHADOW_TINT, VMM, VMM_TINT, DATA, DATA_TINT,
        SHARED, SHARED_TINT, NATIVE, INK, MUTED, FAINT, LINE, PANEL, BACKDROP, NOTE
    }

    /** Resolved colours, one per {@link Hue} in order. */
    public record Hues(List<Color> colors) {
        public Color get(Hue hue) {
            return colors.get(hue.ordinal());
        }
    }

    private final ReadOnlyObjectWrapper<Hues> hues = new ReadOnlyObjectWrapper<>(this, "hues");

    public ViewPalette() {
        getStyleClass().add("view-palette");
        setManaged(false);
        setVisible(false);
        setMouseTransparent(true);
        hues.set(read(null));
        backgroundProperty().addListener((obs, old, now) -> hues.set(read(now)));
    }

    /**
     * Gives {@code view} the palette: the style class {@code mv-view}, the palette sheet first and
     * the shared pieces' sheet second (the view's own sheet, after them, may still say otherwise).
     */
    public static void applyTo(Parent view) {
        if (!view.getStyleClass().contains("mv-view")) {
            view.getStyleClass().add("mv-view");
        }
        if (!view.getStylesheets().contains(STYLESHEET)) {
            view.getStylesheets().add(0, STYLESHEET);
        }
        if (!view.getStylesheets().contains(PIECES)) {
            view.getStylesheets().add(1, PIECES);
        }
    }

    /** The colours as the current theme resolves them (the light ones before the first CSS pass). */
    public ReadOnlyObjectProperty<Hues> hues() {
        return hues.getReadOnlyProperty();
    }

    public Color color(Hue hue) {
        return hues.get().get(hue);
    }

    private static Hues read(Background background) {
        Hue[] all = Hue.values();
        Color[] colors = LIGHT.clone();
        if (background != null) {
            List<BackgroundFill> fills = background.getFills();
            for (int i = 0; i < Math.min(fills.size(), all.length); i++) {
                Paint p = fills.get(i).getFill();
                if (p instanceof Color c) {
                    colors[i] = c;
                }
            }
        }
        return new Hues(List.of(colors));
    }

    /** The light theme's values, for the moment before CSS has run (and for views without a scene). */
    private static final Color[] LIGHT = {
        Color.web("#0072B2"), Color.web("#d5e7f5"), Color.web("#E69F00"), Color.web("#fbe8c2"),
        Color.web("#CC79A7"), Color.web("#f4dcea"), Color.web("#D55E00"), Color.web("#fbe0cc"),
        Color.web("#009E73"), Color.web("#cdeee3"), Color.web("#56B4E9"), Color.web("#d9eefb"),
        Color.web("#57606a"), Color.web("#1f2328"), Color.web("#57606a"), Color.web("#8c959f"),
        Color.web("#d0d7de"), Color.web("#ffffff"), Color.web("#f3f5f7"), Color.web("#fffbe6"),
    };
}
