package org.memvirt.view.tables;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.effect.DropShadow;
import javafx.scene.effect.Effect;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/** Small animations of the Tables view; each restores its node when done. */
final class TablesAnimations {
    private TablesAnimations() {
    }

    /**
     * A glow that swells and fades twice around an entry that just changed (filled, updated,
     * zapped, written). Null when the duration is zero (tests, "fast"), so nothing runs.
     */
    static Animation pulse(Node node, Color color, Duration duration) {
        if (duration.lessThanOrEqualTo(Duration.ZERO)) {
            return null;
        }
        DropShadow glow = new DropShadow(0, color);
        glow.setSpread(0.45);
        Effect before = node.getEffect();
        node.setEffect(glow);
        Timeline t = new Timeline(
                new KeyFrame(Duration.ZERO, new KeyValue(glow.radiusProperty(), 0)),
                new KeyFrame(duration.divide(2), new KeyValue(glow.radiusProperty(), 16)),
                new KeyFrame(duration, new KeyValue(glow.radiusProperty(), 0)));
        t.setCycleCount(2);
        t.setOnFinished(e -> node.setEffect(before));
        return t;
    }
}
