package org.memvirt.view.shell;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

import org.memvirt.viewmodel.shell.LessonWindowViewModel;

/**
 * Drives Play: while the lesson plays, waits on each step (its references' animation plus a dwell,
 * at the presenter's speed) and then asks for the next beat. With a zero time scale (tests) every
 * beat runs at once and Play runs to its end.
 */
final class PlayClock {
    private final LessonWindowViewModel vm;
    private final double timeScale;
    private final PauseTransition wait = new PauseTransition();

    /** @param timeScale 1 for real time, 0 to run every beat at once */
    PlayClock(LessonWindowViewModel vm, double timeScale) {
        this.vm = vm;
        this.timeScale = timeScale;
        wait.setOnFinished(e -> beat());
        vm.playingProperty().addListener((obs, was, now) -> {
            if (now) {
                schedule();
            } else {
                wait.stop();
            }
        });
    }

    private void beat() {
        vm.tick();
        if (vm.playingProperty().get()) {
            schedule();
        }
    }

    private void schedule() {
        if (timeScale <= 0) {
            while (vm.playingProperty().get()) {
                vm.tick();
            }
            return;
        }
        wait.setDuration(Duration.millis(vm.millisOnStep() * timeScale));
        wait.playFromStart();
    }
}
