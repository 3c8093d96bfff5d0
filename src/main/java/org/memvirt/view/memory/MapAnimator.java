package org.memvirt.view.memory;

import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;

import javafx.animation.Interpolator;
import javafx.animation.Transition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.util.Duration;

/**
 * Plays an animation plan: time runs from 0 to the number of phases, {@code perPhase} each (divided
 * by the player's speed), and every pulse hands the moment to the painter. {@link #skip()} jumps to
 * the end; a zero duration (tests, screenshots) or an infinite speed never starts at all.
 */
final class MapAnimator {
    private final Duration perPhase;
    private final DoubleSupplier speed;
    private final DoubleConsumer paint;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyIntegerWrapper phase = new ReadOnlyIntegerWrapper(this, "phase", -1);
    private Transition transition;
    private int phases;

    /**
     * @param perPhase how long one phase plays at speed 1
     * @param speed    how many times faster than that a plan plays, read when it starts
     * @param paint    draws moment u (0 ≤ u ≤ phases); {@code Double.NaN} means "done: the result only"
     */
    MapAnimator(Duration perPhase, DoubleSupplier speed, DoubleConsumer paint) {
        this.perPhase = perPhase;
        this.speed = speed;
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
        Duration each = phaseAtSpeed();
        if (count <= 0 || each.lessThanOrEqualTo(Duration.ZERO)) {
            paint.accept(Double.NaN);
            return;
        }
        phases = count;
        transition = new Transition() {
            {
                setCycleDuration(each.multiply(count));
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

    /** One phase at the current speed: zero when the speed is infinite (or makes no sense). */
    Duration phaseAtSpeed() {
        double factor = speed.getAsDouble();
        if (!(factor > 0) || Double.isInfinite(factor)) {
            return Duration.ZERO;
        }
        return perPhase.divide(factor);
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
