package org.memvirt.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.memvirt.viewmodel.shell.BuildInfo;

/**
 * The Launcher in a JVM of its own, as a student starts it: where no window can open (no display,
 * the real GTK glass platform asked for, not the tests' Monocle) it says so in one line and exits 3;
 * {@code --version} prints the build's version.
 */
class LauncherProcessTest {
    private record Result(int exit, String out, String err) {
    }

    private static Result launch(Map<String, String> env, Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=gtk", "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not exit within 60 s");
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void withoutADisplayOneLineAndExit3(@TempDir Path dir) throws Exception {
        Result r = launch(Map.of(), dir);
        assertEquals(3, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("memvirt-lab: cannot open the window: no display"), r.err());
        assertTrue(r.err().contains("the headless commands still work"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aDisplayThatDoesNotAnswerIsOneLineTooNotAStackTrace(@TempDir Path dir) throws Exception {
        // no X server listens on display 7 here; on a machine without GTK the check says so first
        Result r = launch(Map.of("DISPLAY", ":7"), dir);
        assertEquals(3, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("memvirt-lab: cannot open the window: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void versionIsTheBuilds(@TempDir Path dir) throws Exception {
        Result r = launch(Map.of(), dir, "--version");
        assertEquals(0, r.exit(), r.err());
        String expected = BuildInfo.of(getClass().getClassLoader()).nameAndVersion();
        assertEquals(expected, r.out().strip());
        assertFalse(expected.endsWith("unknown"), "the build did not fill in build.properties");
    }
}
