package org.memvirt.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The jar's plain main class. With no arguments it opens the window; with one lesson file
 * ({@code memvirt-lab lesson.yaml}, as a file manager passes a double-clicked file) it opens the
 * window on that lesson; with a sub-command ({@code check}, {@code run}, {@code walk}, …) or an
 * option it runs headless and never starts the JavaFX toolkit.
 *
 * <p>Before the toolkit starts it asks {@link DisplayCheck} whether a window can open here, and
 * turns the toolkit's own failure into the same kind of one line: exit code 3, no stack trace.
 */
public final class Launcher {
    /** Exit code: cannot run here (no display, no GTK, a graphics set-up JavaFX cannot use). */
    static final int CANNOT_RUN_HERE = 3;

    private Launcher() {
    }

    public static void main(String[] args) {
        Optional<Path> lesson = lessonArgument(args);
        if (args.length > 0 && lesson.isEmpty()) {
            System.exit(org.memvirt.app.cli.Cli.runOnConsole(args));
        }
        Optional<String> problem = DisplayCheck.problem(DisplayCheck.Machine.current());
        if (problem.isPresent()) {
            System.err.println(problem.get());
            System.exit(CANNOT_RUN_HERE);
        }
        // JavaFX warns on every start that it was loaded from the class path; a student cannot act on it
        Logger platformLog = Logger.getLogger("javafx");
        platformLog.setFilter(r -> !String.valueOf(r.getMessage()).startsWith("Unsupported JavaFX configuration"));
        try {
            MemVirtApp.main(lesson.map(p -> new String[] {p.toString()}).orElse(new String[0]));
        } catch (RuntimeException | LinkageError e) {
            System.err.println(DisplayCheck.toolkitFailed(e));
            System.exit(CANNOT_RUN_HERE);
        } finally {
            java.lang.ref.Reference.reachabilityFence(platformLog);
        }
    }

    /** The lesson file the window should open: a single argument that names a YAML file. */
    static Optional<Path> lessonArgument(String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            return Optional.empty();
        }
        String name = args[0].toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        return yaml && Files.isRegularFile(Path.of(args[0])) ? Optional.of(Path.of(args[0])) : Optional.empty();
    }
}
