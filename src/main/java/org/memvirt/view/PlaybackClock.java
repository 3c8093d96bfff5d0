package org.memvirt.view;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

import org.memvirt.viewmodel.WalkViewModel;

/**
 * Drives Play: while the view model is playing, one tick per reference. With a zero duration (tests,
 * "fast") it runs the ticks at once and the walk jumps to its end.
 */
final class PlaybackClock {
    private final WalkViewModel viewModel;
    private final Duration perReference;
    private final Timeline timeline;

    PlaybackClock(WalkViewModel viewModel, Duration perReference) {
        this.viewModel = viewModel;
        this.perReference = perReference;
        this.timeline = new Timeline(new KeyFrame(perReference.greaterThan(Duration.ZERO) ? perReference
                : Duration.millis(1), e -> viewModel.tick()));
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
        if (perReference.lessThanOrEqualTo(Duration.ZERO)) {
            while (viewModel.playingProperty().get()) {
                viewModel.tick();
            }
            return;
        }
        timeline.playFromStart();
    }
}
