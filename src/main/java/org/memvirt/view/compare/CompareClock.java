package org.memvirt.view.compare;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

import org.memvirt.viewmodel.compare.CompareViewModel;

/**
 * Drives Play: while the view model is playing, one tick per period (the view model decides how
 * many steps a tick moves). With a zero period (tests, screenshots) it runs the ticks at once.
 */
final class CompareClock {
    private final CompareViewModel viewModel;
    private final Duration period;
    private final Timeline timeline;

    CompareClock(CompareViewModel viewModel, Duration period) {
        this.viewModel = viewModel;
        this.period = period;
        this.timeline = new Timeline(new KeyFrame(period.greaterThan(Duration.ZERO) ? period : Duration.millis(1),
                e -> viewModel.tick()));
        timeline.setCycleCount(Animation.INDEFINITE);
        viewModel.playingProperty().addListener((obs, was, now) -> {
            if (now) {
                start();
            } else {
                timeline.stop();
            }
        });
    }

    private void start() {
        if (period.lessThanOrEqualTo(Duration.ZERO)) {
            while (viewModel.playingProperty().get()) {
                viewModel.tick();
            }
            return;
        }
        timeline.playFromStart();
    }
}
