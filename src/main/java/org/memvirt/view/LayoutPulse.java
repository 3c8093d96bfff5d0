package org.memvirt.view;

import javafx.scene.Scene;

/**
 * Code that must wait for a frame: the window's first frame before the rest of it is built, a
 * screenshot once the lesson is laid out, the start-up timings.
 */
public final class LayoutPulse {
    private LayoutPulse() {
    }

    /** Runs {@code then} once, right after the scene's next layout pass (inside that pulse). */
    public static void once(Scene scene, Runnable then) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            then.run();
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
