package org.memvirt.viewmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.memvirt.lesson.LessonLoad;

/**
 * The window's lesson reader never dies with the lesson: an out-of-memory or an internal error
 * while a lesson is read ends in the error panel, one line, and the last good lesson stays.
 */
class LessonReaderFailureTest {
    /** The shipped lessons, except that one file cannot be read without failing as {@code failure} says. */
    private static final class Failing implements LessonSource {
        private final LessonCatalog catalog = new LessonCatalog(LessonReaderFailureTest.class.getClassLoader());
        private final Error error;

        Failing(Error error) {
            this.error = error;
        }

        @Override
        public List<LessonRef> shipped() {
            return catalog.shipped();
        }

        @Override
        public LessonRef defaultLesson() {
            return catalog.defaultLesson();
        }

        @Override
        public LessonLoad load(LessonRef ref) {
            if (ref instanceof LessonRef.File) {
                throw error;
            }
            return catalog.load(ref);
        }

        @Override
        public List<LessonRef> filesIn(Path folder) {
            return List.of();
        }
    }

    private static void check(Error error, String expected) {
        List<LessonLibraryViewModel.Opened> opened = new ArrayList<>();
        LessonLibraryViewModel vm = new LessonLibraryViewModel(new Failing(error), Runnable::run, Runnable::run,
                opened::add);
        vm.listShipped();
        vm.openDefault();
        LessonRef good = vm.currentProperty().get();
        vm.open(new LessonRef.File(Path.of("huge.yaml"), "huge"));
        assertEquals(1, opened.size(), "only the good lesson opened");
        assertEquals(good, vm.currentProperty().get(), "the last good lesson stays");
        assertEquals(1, vm.errors().size());
        assertTrue(vm.errors().get(0).message().contains(expected), vm.errors().get(0).message());
        assertTrue(vm.errorTitleProperty().get().contains("huge.yaml cannot be opened"), vm.errorTitleProperty().get());
    }

    @Test
    void outOfMemoryShowsInTheErrorPanel() {
        check(new OutOfMemoryError("Java heap space"), "needs more memory than the window has");
    }

    @Test
    void aStackOverflowShowsInTheErrorPanel() {
        check(new StackOverflowError(), "an internal error: StackOverflowError");
    }
}
