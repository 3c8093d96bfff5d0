package org.memvirt.viewmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lessons from files: opening, dropping, reloading at the same step, and broken files. */
class LessonFilesTest {
    @TempDir
    Path dir;

    @Test
    void aLessonFileOpensAndJoinsTheList() throws IOException {
        ShellRig r = ShellRig.withNestedWalk();
        Path file = ShellRig.copyOf("01-native-walk.yaml", dir);
        r.vm.library().openPath(file);
        assertEquals("The native page walk and the TLB", r.vm.titleProperty().get());
        assertTrue(r.vm.library().lessons().stream().anyMatch(l -> l instanceof LessonRef.File f
                && f.path().equals(file.toAbsolutePath())));
        assertEquals(file.toAbsolutePath(), r.vm.library().watchedProperty().get());
    }

    @Test
    void aDroppedFolderAddsItsLessonsAndOpensTheFirst() throws IOException {
        ShellRig r = ShellRig.withNestedWalk();
        ShellRig.copyOf("03-large-pages.yaml", dir);
        ShellRig.copyOf("04-walk-caches.yaml", dir);
        Files.writeString(dir.resolve("notes.txt"), "not a lesson");
        int before = r.vm.library().lessons().size();
        r.vm.library().dropped(List.of(dir));
        assertEquals(before + 2, r.vm.library().lessons().size());
        assertTrue(r.vm.library().currentProperty().get() instanceof LessonRef.File f
                && f.path().getFileName().toString().equals("03-large-pages.yaml"));
    }

    @Test
    void droppingSomethingElseSaysWhatToDrop() throws IOException {
        ShellRig r = ShellRig.withNestedWalk();
        Path txt = Files.writeString(dir.resolve("notes.txt"), "x");
        r.vm.library().dropped(List.of(txt));
        assertEquals("Drop a lesson file (.yaml) or a folder of them.", r.vm.library().statusProperty().get());
        assertEquals("The 2D walk: why 24 references, not 16", r.vm.titleProperty().get());
    }

    @Test
    void aBrokenLessonListsItsErrorsAndKeepsThePreviousLesson() throws IOException {
        ShellRig r = ShellRig.withNestedWalk();
        r.vm.jumpTo(4);
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "title: Broken\nsummary: no\nseed: 1\nmachine:\n  mode: sideways\nchapters: []\n");
        r.vm.library().openPath(broken);

        List<ErrorLine> errors = r.vm.library().errors();
        assertFalse(errors.isEmpty());
        ErrorLine first = errors.get(0);
        assertEquals(broken.toString(), first.file());
        assertTrue(first.line() >= 1 && first.column() >= 1);
        assertTrue(first.text().startsWith(broken + ":" + first.line() + ":" + first.column() + ": "), first.text());
        assertTrue(r.vm.library().errorTitleProperty().get().contains("cannot be opened"));
        assertTrue(r.vm.library().errorTitleProperty().get().contains("Still showing"));
        assertEquals("The 2D walk: why 24 references, not 16", r.vm.titleProperty().get(), "the lesson stays");
        assertEquals(4, r.vm.positionProperty().get());
        r.vm.stepForward();
        assertEquals(5, r.vm.positionProperty().get(), "and stays usable");
        assertEquals(broken.toAbsolutePath(), r.vm.library().watchedProperty().get(), "fix it and it reloads");
    }

    @Test
    void fixingTheBrokenFileOpensIt() throws IOException {
        ShellRig r = ShellRig.withNestedWalk();
        Path file = dir.resolve("fixme.yaml");
        Files.writeString(file, "title: [unclosed\n");
        r.vm.library().openPath(file);
        assertFalse(r.vm.library().errors().isEmpty());
        Files.copy(ShellRig.LESSONS.resolve("01-native-walk.yaml"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        r.vm.fileChanged(file);
        assertTrue(r.vm.library().errors().isEmpty());
        assertEquals("The native page walk and the TLB", r.vm.titleProperty().get());
    }

    @Test
    void aChangedFileReloadsAtTheSameStep() throws IOException {
        ShellRig r = ShellRig.withNestedWalk();
        Path file = ShellRig.copyOf("02-nested-walk.yaml", dir);
        r.vm.library().openPath(file);
        r.vm.jumpTo(6);
        String text = Files.readString(file).replace("And again for the PD", "Once more for the PD");
        Files.writeString(file, text);

        r.vm.fileChanged(file);

        assertEquals(6, r.vm.positionProperty().get());
        assertTrue(r.vm.step().narrationProperty().get().startsWith("Once more for the PD"), r.vm.step().narrationProperty().get());
        assertTrue(r.vm.library().statusProperty().get().startsWith("Reloaded"));
    }

    @Test
    void aReloadOfAShorterLessonStopsAtItsEnd() throws IOException {
        ShellRig r = ShellRig.withNestedWalk();
        Path file = ShellRig.copyOf("02-nested-walk.yaml", dir);
        r.vm.library().openPath(file);
        r.vm.toEnd();
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.indexOf("  - title: \"Deeper trees\"")));
        r.vm.reload();
        assertEquals(12, r.vm.stepCountProperty().get());
        assertEquals(12, r.vm.positionProperty().get());
    }

    @Test
    void aChangeToAnotherFileIsIgnored() throws IOException {
        ShellRig r = ShellRig.withNestedWalk();
        r.vm.jumpTo(3);
        r.vm.fileChanged(dir.resolve("other.yaml"));
        assertEquals(3, r.vm.positionProperty().get());
        assertEquals("", r.vm.library().statusProperty().get());
    }

    static List<Path> shippedLessons() throws IOException {
        try (var s = Files.list(ShellRig.LESSONS)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("shippedLessons")
    void everyShippedLessonStepsToItsEndAndBackWithItsWalks(Path lesson) {
        ShellRig r = new ShellRig();
        r.vm.library().openPath(lesson);
        assertTrue(r.vm.library().errors().isEmpty(), () -> String.join("\n",
                r.vm.library().errors().stream().map(ErrorLine::text).toList()));
        int n = r.vm.stepCountProperty().get();
        assertTrue(n > 0);
        while (r.vm.canStepForwardBinding().get()) {
            r.vm.stepForward();
            r.vm.walk().finishAnimation();
            LessonWalkViewModel w = r.vm.walk();
            assertTrue(w.walk().positionProperty().get() <= w.walk().referenceCountProperty().get());
            for (int a = 1; a < w.accessCountProperty().get(); a++) {
                w.nextAccess();
            }
            assertFalse(r.vm.step().eventHeadingProperty().get().isEmpty());
        }
        assertEquals(n, r.vm.positionProperty().get());
        while (r.vm.canStepBackBinding().get()) {
            r.vm.stepBack();
        }
        assertEquals(0, r.vm.positionProperty().get());
    }

    @Test
    void exportTargetsAreNumberedInLessonOrder() {
        ShellRig r = ShellRig.withNestedWalk();
        List<ExportTargets.Target> all = r.vm.exportAllTargets(dir);
        assertEquals(14, all.size());
        assertEquals(dir.resolve("step-00-introduction.png"), all.get(0).file());
        assertEquals(dir.resolve("step-03-references-1-4-where-is-the-guest-s-pml4.png"), all.get(3).file());
        assertEquals(13, all.get(13).position());
        assertEquals(all.size(), all.stream().map(ExportTargets.Target::file).distinct().count());
        r.vm.jumpTo(5);
        assertEquals("02-nested-walk-step-05-walk.png", r.vm.exportFileName("walk"));
        assertEquals(dir.resolve("x.png"), ExportTargets.withPngExtension(dir.resolve("x")));
        assertEquals(dir.resolve("x.PNG"), ExportTargets.withPngExtension(dir.resolve("x.PNG")));
    }
}
