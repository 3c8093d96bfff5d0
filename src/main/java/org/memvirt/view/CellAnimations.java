package org.memvirt.view;

import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * Small animations of the walk grid. They change no geometry (a cell that swelled and was
 * stopped half-way used to stay a few per cent too big and out of line), and each restores its
 * node when done or stopped.
 */
final class CellAnimations {
    /** How dim a cell starts when it lights up. */
    private static final double DIM = 0.35;

    private CellAnimations() {
    }

    /**
     * A short flash that draws the eye to the cell just read: it comes up from dim to full within
     * {@code duration}. Null when the duration is zero (tests, "fast"), so nothing runs.
     */
    static Animation lightUp(Node node, Duration duration) {
        if (duration.lessThanOrEqualTo(Duration.ZERO)) {
            return null;
        }
        FadeTransition t = new FadeTransition(duration, node);
        t.setFromValue(DIM);
        t.setToValue(1.0);
        t.setOnFinished(e -> restore(node));
        t.statusProperty().addListener((obs, was, now) -> {
            if (now == Animation.Status.STOPPED) {
                restore(node);
            }
        });
        return t;
    }

    /** Puts the node back as the layout left it: full opacity, no scale, no translation. */
    static void restore(Node node) {
        node.setOpacity(1.0);
        node.setScaleX(1.0);
        node.setScaleY(1.0);
        node.setTranslateX(0);
        node.setTranslateY(0);
    }
}
