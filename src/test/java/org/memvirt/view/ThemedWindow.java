package org.memvirt.view;

import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A stand-in for the lesson window's root around a view under test: it carries the theme's style
 * class and the presenter's zoom as its font size, as the lesson window does, and switches them.
 */
public final class ThemedWindow extends StackPane {
    /** The root font size at zoom 1. */
    public static final double BASE_FONT_PX = 14;

    public ThemedWindow(Node view) {
        super(view);
        getStyleClass().add("theme-light");
        setZoom(1);
    }

    /** Switches to {@code theme} (light, dark or projector) and lets CSS and layout catch up. */
    public void theme(FxRobot robot, String theme) {
        change(robot, () -> {
            getStyleClass().removeIf(c -> c.startsWith("theme-"));
            getStyleClass().add("theme-" + theme);
        });
    }

    /** Sets the presenter's zoom (1 is 100 %) and lets CSS and layout catch up. */
    public void zoom(FxRobot robot, double zoom) {
        change(robot, () -> setZoom(zoom));
    }

    /**
     * Lays the window out at {@code w} × {@code h} by hand (for sizes beyond Monocle's screen: the
     * window must be unmanaged in its parent), a few passes so that views that pick a density settle.
     */
    public void layOut(FxRobot robot, double w, double h) {
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> {
                resize(w, h);
                applyCss();
                layout();
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void setZoom(double zoom) {
        setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT_PX * zoom));
    }

    private void change(FxRobot robot, Runnable change) {
        robot.interact(() -> {
            change.run();
            applyCss();
            layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
