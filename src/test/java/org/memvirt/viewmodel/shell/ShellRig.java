package org.memvirt.viewmodel.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A lesson window view model over the shipped lessons, loading in place (no threads). */
final class ShellRig {
    static final Path LESSONS = Path.of("lessons");
    static final String NESTED = "lessons/02-nested-walk.yaml";

    final MemorySettingsStore store = new MemorySettingsStore();
    final PresenterViewModel presenter = new PresenterViewModel(store);
    final LessonWindowViewModel vm = new LessonWindowViewModel(new LessonCatalog(ShellRig.class.getClassLoader()),
            Runnable::run, Runnable::run, presenter, new LessonWalkViewModel(LessonWalkViewModel.lessonWalkScreen()));

    /** The rig with the nested-walk lesson open at its start. */
    static ShellRig withNestedWalk() {
        ShellRig r = new ShellRig();
        r.vm.openFirstLesson();
        return r;
    }

    /** A copy of a shipped lesson in {@code dir}. */
    static Path copyOf(String name, Path dir) throws IOException {
        return Files.copy(LESSONS.resolve(name), dir.resolve(name));
    }

    /** Steps forward (answering any blocking question rightly) until position {@code p}. */
    void stepTo(int p) {
        while (vm.positionProperty().get() < p) {
            vm.stepForward();
        }
    }
}
