package org.memvirt.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.memvirt.viewmodel.shell.BuildInfo;

/**
 * The app image that {@code ./mvnw -Pdist package} builds, run as a student runs it: its own
 * launcher on its own trimmed runtime checks every shipped lesson headless and prints the build's
 * version. Runs only in the dist profile (it needs the image), never in verify.
 */
class AppImageCheckTest {
    private static final Path IMAGE = Path.of(System.getProperty("dist.image", "target/dist/memvirt-lab"));
    private static final Path LESSONS = Path.of(System.getProperty("dist.lessons", "lessons"));

    private static Path launcher() {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
        String name = IMAGE.getFileName().toString();
        Path mac = Path.of(IMAGE + ".app", "Contents", "MacOS", name);
        Path win = IMAGE.resolve(name + ".exe");
        Path linux = IMAGE.resolve("bin").resolve(name);
        return windows ? win : Files.exists(mac) ? mac : linux;
    }

    private static String run(List<String> args, int expectedExit) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the image's launcher did not exit");
        System.out.print(String.join(" ", command) + "\n" + out);
        assertEquals(expectedExit, p.exitValue(), out);
        return out;
    }

    @Test
    void theImageChecksEveryShippedLessonHeadless() throws Exception {
        List<String> args = new ArrayList<>(List.of("check"));
        try (Stream<Path> files = Files.list(LESSONS)) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> args.add(f.toString()));
        }
        assertTrue(args.size() > 1, "no lessons in " + LESSONS);
        String out = run(args, 0);
        assertEquals(args.size() - 1, out.lines().filter(l -> l.contains(": ok (")).count(), out);
        assertFalse(out.contains("Exception"), out);
    }

    @Test
    void theImageGivesTheBuildsVersion() throws Exception {
        String out = run(List.of("--version"), 0);
        assertEquals(BuildInfo.of(getClass().getClassLoader()).nameAndVersion(), out.strip());
    }

    @Test
    void theRuntimeHoldsOnlyTheModulesTheAppNeeds() throws IOException {
        Path release = Stream.of(IMAGE.resolve("lib/runtime/release"), IMAGE.resolve("runtime/release"),
                        Path.of(IMAGE + ".app", "Contents/runtime/Contents/Home/release"))
                .filter(Files::exists).findFirst().orElseThrow();
        String modules = Files.readAllLines(release).stream().filter(l -> l.startsWith("MODULES=")).findFirst()
                .orElseThrow();
        assertTrue(modules.contains("java.base") && modules.contains("jdk.zipfs"), modules);
        assertFalse(modules.contains("java.compiler") || modules.contains("jdk.jshell"), modules);
    }
}
