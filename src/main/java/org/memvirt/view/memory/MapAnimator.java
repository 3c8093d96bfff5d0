package org.memvirt.view.memory;

import java.util.function.DoubleConsumer;

import javafx.animation.Interpolator;
import javafx.animation.Transition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.util.Duration;

/**
 * Plays an animation plan: time runs from 0 to the number of phases, {@code perPhase} each, and
 * every pulse hands the moment to the painter. {@link #skip()} jumps to the end; a zero duration
 * (tests, screenshots) never starts at all.
 */
final class MapAnimator {
    private final Duration perPhase;
    private final DoubleConsumer paint;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyIntegerWrapper phase = new ReadOnlyIntegerWrapper(this, "phase", -1);
    private Transition transition;
    private int phases;

    /**
     * @param perPhase how long one phase plays
     * @param paint    draws moment u (0 ≤ u ≤ phases); {@code Double.NaN} means "done: the result only"
     */
    MapAnimator(Duration perPhase, DoubleConsumer paint) {
        this.perPhase = perPhase;
        this.paint = paint;
    }

    /** True while a plan plays. */
    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The phase playing now, -1 when none. */
    ReadOnlyIntegerProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Plays {@code count} phases from the start; with a zero duration draws the result at once. */
    void play(int count) {
        stop();
        if (count <= 0 || perPhase.lessThanOrEqualTo(Duration.ZERO)) {
            paint.accept(Double.NaN);
            return;
        }
        phases = count;
        transition = new Transition() {
            {
                setCycleDuration(perPhase.multiply(count));
                setInterpolator(Interpolator.LINEAR);
            }

            @Override
            protected void interpolate(double frac) {
                double u = frac * phases;
                phase.set(Math.min(phases - 1, (int) Math.floor(u)));
                paint.accept(u);
            }
        };
        transition.setOnFinished(e -> finish());
        running.set(true);
        transition.playFromStart();
    }

    /** Jumps to the end: the result, drawn at once. */
    void skip() {
        if (transition != null) {
            transition.stop();
            transition = null;
            finish();
        }
    }

    /** Stops without drawing (a new picture replaces the old one). */
    void stop() {
        if (transition != null) {
            transition.stop();
            transition = null;
        }
        running.set(false);
        phase.set(-1);
    }

    private void finish() {
        transition = null;
        running.set(false);
        phase.set(-1);
        paint.accept(Double.NaN);
    }
}
