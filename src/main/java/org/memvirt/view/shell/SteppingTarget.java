package org.memvirt.view.shell;

import java.util.function.Supplier;

import org.memvirt.viewmodel.Playhead;
import org.memvirt.viewmodel.shell.LessonWindowViewModel;

/**
 * What the stepping keys and the clicker move: the lesson, or, while a view that runs its own
 * machine is on screen (Compare, the walk explorer), that view's playhead; one transport at a time.
 */
final class SteppingTarget {
    private final LessonWindowViewModel vm;
    private final Supplier<Playhead> own;

    /** @param own the playhead of the view on screen when it runs its own machine, else null */
    SteppingTarget(LessonWindowViewModel vm, Supplier<Playhead> own) {
        this.vm = vm;
        this.own = own;
    }

    void forward() {
        Playhead p = own.get();
        if (p != null) {
            p.stepForward();
        } else {
            vm.stepForward();
        }
    }

    void back() {
        Playhead p = own.get();
        if (p != null) {
            p.stepBack();
        } else {
            vm.stepBack();
        }
    }

    void togglePlay() {
        Playhead p = own.get();
        if (p != null) {
            p.togglePlay();
        } else {
            vm.togglePlay();
        }
    }

    void toStart() {
        Playhead p = own.get();
        if (p != null) {
            p.reset();
        } else {
            vm.toStart();
        }
    }

    void toEnd() {
        Playhead p = own.get();
        if (p != null) {
            p.toEnd();
        } else {
            vm.toEnd();
        }
    }
}
