package org.memvirt.view;

import javafx.animation.Animation;
import javafx.animation.ScaleTransition;
import javafx.scene.Node;
import javafx.util.Duration;

/** Small animations of the walk grid; each restores its node when done. */
final class CellAnimations {
    private CellAnimations() {
    }

    /**
     * A short swell that draws the eye to the cell just read: grows by 6 % and back within
     * {@code duration}. Null when the duration is zero (tests, "fast"), so nothing runs.
     */
    static Animation lightUp(Node node, Duration duration) {
        if (duration.lessThanOrEqualTo(Duration.ZERO)) {
            return null;
        }
        ScaleTransition t = new ScaleTransition(duration.divide(2), node);
        t.setFromX(1.0);
        t.setFromY(1.0);
        t.setToX(1.06);
        t.setToY(1.06);
        t.setAutoReverse(true);
        t.setCycleCount(2);
        t.setOnFinished(e -> {
            node.setScaleX(1.0);
            node.setScaleY(1.0);
        });
        return t;
    }
}
