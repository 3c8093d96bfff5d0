package org.memvirt.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which arguments open the window on a lesson (a double-clicked file) and which go to the command line. */
class LauncherTest {
    @Test
    void oneExistingLessonFileOpensTheWindowOnIt(@TempDir Path dir) throws IOException {
        Path lesson = Files.writeString(dir.resolve("mine.yaml"), "title: x\n");
        assertEquals(Optional.of(lesson), Launcher.lessonArgument(new String[] {lesson.toString()}));
        Path yml = Files.writeString(dir.resolve("MINE.YML"), "title: x\n");
        assertEquals(Optional.of(yml), Launcher.lessonArgument(new String[] {yml.toString()}));
    }

    @Test
    void commandsOptionsAndMissingFilesGoToTheCommandLine(@TempDir Path dir) throws IOException {
        Path lesson = Files.writeString(dir.resolve("mine.yaml"), "title: x\n");
        assertEquals(Optional.empty(), Launcher.lessonArgument(new String[] {"check", lesson.toString()}));
        assertEquals(Optional.empty(), Launcher.lessonArgument(new String[] {"--version"}));
        assertEquals(Optional.empty(), Launcher.lessonArgument(new String[] {"walk"}));
        assertEquals(Optional.empty(), Launcher.lessonArgument(new String[] {dir.resolve("gone.yaml").toString()}));
        assertEquals(Optional.empty(), Launcher.lessonArgument(new String[] {dir.toString()}));
    }
}
