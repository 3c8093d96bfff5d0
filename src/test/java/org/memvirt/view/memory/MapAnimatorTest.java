package org.memvirt.view.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.util.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A phase lasts the base duration divided by the player's speed; "fast" (infinite) does not animate. */
class MapAnimatorTest {

    @ParameterizedTest
    @CsvSource({"1, 900", "2, 450", "4, 225", "0.25, 3600", "Infinity, 0", "0, 0", "NaN, 0"})
    void aPhaseLastsTheBaseDurationOverTheSpeed(double speed, double millis) {
        MapAnimator animator = new MapAnimator(Duration.millis(900), () -> speed, u -> { });

        assertEquals(millis, animator.phaseAtSpeed().toMillis(), 1e-9);
    }

    @Test
    void theSpeedIsReadWhenAPlanStarts() {
        double[] speed = {1};
        MapAnimator animator = new MapAnimator(Duration.millis(900), () -> speed[0], u -> { });

        speed[0] = 3;

        assertEquals(300, animator.phaseAtSpeed().toMillis(), 1e-9);
    }
}
