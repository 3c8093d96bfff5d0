package org.memvirt.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether this machine can open the window, asked before the JavaFX toolkit starts: on Linux the
 * toolkit needs an X display (directly or through XWayland) and GTK 3, and without them it dies
 * with a stack trace a student cannot act on. The check names what is missing and how to get it,
 * in one line, and says that the headless commands work without any of it.
 */
final class DisplayCheck {
    /** Said after every reason: what still works. */
    static final String HEADLESS_STILL_WORKS = "the headless commands still work (memvirt-lab check | run | walk | exercise; --help)";
    static final String GTK_LIBRARY = "libgtk-3.so.0";

    /**
     * What the check looks at, injected so that a test can describe any machine.
     *
     * @param osName   {@code os.name}
     * @param osArch   {@code os.arch}
     * @param env      environment variables (null when unset)
     * @param property system properties (null when unset)
     * @param files    reads a file's bytes (empty when it cannot be read) and tells whether one exists
     */
    record Machine(String osName, String osArch, Function<String, String> env, Function<String, String> property,
                   FileProbe files) {
        static Machine current() {
            return new Machine(System.getProperty("os.name", ""), System.getProperty("os.arch", ""), System::getenv,
                    System::getProperty, new FileProbe() {
                        @Override
                        public boolean exists(Path p) {
                            return Files.exists(p);
                        }

                        @Override
                        public Optional<byte[]> read(Path p) {
                            try (InputStream in = Files.newInputStream(p)) {
                                return Optional.of(in.readAllBytes());
                            } catch (IOException | SecurityException e) {
                                return Optional.empty();
                            }
                        }
                    });
        }
    }

    /** The file system as far as the check needs it. */
    interface FileProbe {
        boolean exists(Path p);

        Optional<byte[]> read(Path p);
    }

    private DisplayCheck() {
    }

    /** Why the window cannot open here, as one line; empty when nothing is known to stand in its way. */
    static Optional<String> problem(Machine m) {
        if (!m.osName().toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        String glass = m.property().apply("glass.platform");
        if (glass != null && !glass.equalsIgnoreCase("gtk")) {
            // Monocle (headless tests) or another platform that needs neither X nor GTK
            return Optional.empty();
        }
        if (blank(m.env().apply("DISPLAY"))) {
            String why = blank(m.env().apply("WAYLAND_DISPLAY"))
                    ? "no display (DISPLAY is not set): run it in a desktop session, or over ssh with -X"
                    : "no X display (DISPLAY is not set): the window draws through X11, on Wayland through XWayland;"
                    + " turn XWayland on in the desktop's settings";
            return Optional.of(line(why));
        }
        if (gtkKnownMissing(m)) {
            return Optional.of(line("GTK 3 is missing (" + GTK_LIBRARY + "): install it,"
                    + " e.g. sudo apt install libgtk-3-0 (Fedora: sudo dnf install gtk3)"));
        }
        return Optional.empty();
    }

    /**
     * The one line for a toolkit that failed to start although the check found nothing:
     * a display that does not answer, a graphics set-up JavaFX cannot draw on.
     */
    static String toolkitFailed(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("unable to open display")) {
            return line("the display " + Optional.ofNullable(System.getenv("DISPLAY")).orElse("")
                    + " does not answer (is the X server running, and may this user use it? see XAUTHORITY)");
        }
        if (m.contains("gtk")) {
            return line("GTK 3 could not be loaded (" + message + "): install it, e.g. sudo apt install libgtk-3-0");
        }
        if (m.contains("pipeline") || m.contains("toolkit")) {
            return line("no graphics pipeline JavaFX can draw with (" + message
                    + "); try software drawing: java -Dprism.order=sw -jar memvirt-lab.jar");
        }
        return line("the graphics toolkit did not start (" + message + ")");
    }

    private static String line(String why) {
        return "memvirt-lab: cannot open the window: " + why + "; " + HEADLESS_STILL_WORKS + ".";
    }

    /**
     * True only when GTK 3 is surely absent: not in the dynamic linker's cache (when there is one)
     * nor in any usual library folder or {@code LD_LIBRARY_PATH}. On a system laid out otherwise
     * (no cache at all) the toolkit is left to try, and its failure is caught.
     */
    private static boolean gtkKnownMissing(Machine m) {
        for (Path dir : libraryDirs(m)) {
            if (m.files().exists(dir.resolve(GTK_LIBRARY))) {
                return false;
            }
        }
        Optional<byte[]> cache = m.files().read(Path.of("/etc/ld.so.cache"));
        return cache.isPresent() && !new String(cache.get(), StandardCharsets.ISO_8859_1).contains(GTK_LIBRARY);
    }

    private static List<Path> libraryDirs(Machine m) {
        List<Path> dirs = new ArrayList<>();
        String ld = m.env().apply("LD_LIBRARY_PATH");
        if (!blank(ld)) {
            for (String d : ld.split(":")) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        String triplet = switch (m.osArch()) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            case "arm" -> "arm-linux-gnueabihf";
            case "ppc64le" -> "powerpc64le-linux-gnu";
            case "riscv64" -> "riscv64-linux-gnu";
            case "s390x" -> "s390x-linux-gnu";
            default -> m.osArch() + "-linux-gnu";
        };
        for (String d : List.of("/usr/lib/" + triplet, "/lib/" + triplet, "/usr/lib64", "/lib64", "/usr/lib", "/lib",
                "/usr/local/lib")) {
            dirs.add(Path.of(d));
        }
        return dirs;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
