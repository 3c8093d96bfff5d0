package org.memvirt.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The start-up check on machines described by hand: what it refuses, what it lets the toolkit try. */
class DisplayCheckTest {
    private static final Path GTK = Path.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0");
    private static final byte[] CACHE_WITH_GTK = "ld.so-1.7.0\0libc.so.6\0libgtk-3.so.0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CACHE_WITHOUT_GTK = "ld.so-1.7.0\0libc.so.6\0libX11.so.6\0".getBytes(StandardCharsets.ISO_8859_1);

    private static DisplayCheck.Machine linux(Map<String, String> env, Set<Path> files, byte[] cache) {
        return new DisplayCheck.Machine("Linux", "amd64", env::get, k -> null, new DisplayCheck.FileProbe() {
            @Override
            public boolean exists(Path p) {
                return files.contains(p);
            }

            @Override
            public Optional<byte[]> read(Path p) {
                return p.equals(Path.of("/etc/ld.so.cache")) && cache != null ? Optional.of(cache) : Optional.empty();
            }
        });
    }

    @Test
    void aDesktopWithGtkPasses() {
        assertEquals(Optional.empty(), DisplayCheck.problem(linux(Map.of("DISPLAY", ":0"), Set.of(GTK), CACHE_WITH_GTK)));
    }

    @Test
    void noDisplayIsNamedWithWhatStillWorks() {
        String line = DisplayCheck.problem(linux(Map.of(), Set.of(GTK), CACHE_WITH_GTK)).orElseThrow();
        assertTrue(line.startsWith("memvirt-lab: cannot open the window: no display (DISPLAY is not set)"), line);
        assertTrue(line.contains("the headless commands still work"), line);
        assertEquals(1, line.lines().count());
    }

    @Test
    void waylandWithoutXwaylandAsksForXwayland() {
        String line = DisplayCheck.problem(linux(Map.of("WAYLAND_DISPLAY", "wayland-0"), Set.of(GTK), CACHE_WITH_GTK))
                .orElseThrow();
        assertTrue(line.contains("XWayland"), line);
    }

    @Test
    void missingGtkSaysWhatToInstall() {
        String line = DisplayCheck.problem(linux(Map.of("DISPLAY", ":0"), Set.of(), CACHE_WITHOUT_GTK)).orElseThrow();
        assertTrue(line.contains("GTK 3 is missing (libgtk-3.so.0)"), line);
        assertTrue(line.contains("apt install libgtk-3-0"), line);
    }

    @Test
    void gtkInTheLinkerCacheOrOnTheLibraryPathIsFound() {
        assertEquals(Optional.empty(), DisplayCheck.problem(linux(Map.of("DISPLAY", ":0"), Set.of(), CACHE_WITH_GTK)));
        Map<String, String> env = new HashMap<>(Map.of("DISPLAY", ":0", "LD_LIBRARY_PATH", "/opt/gtk/lib"));
        assertEquals(Optional.empty(), DisplayCheck.problem(linux(env, Set.of(Path.of("/opt/gtk/lib/libgtk-3.so.0")),
                CACHE_WITHOUT_GTK)));
    }

    @Test
    void withoutALinkerCacheTheToolkitIsLeftToTry() {
        assertEquals(Optional.empty(), DisplayCheck.problem(linux(Map.of("DISPLAY", ":0"), Set.of(), null)));
    }

    @Test
    void monocleAndOtherSystemsNeedNoCheck() {
        DisplayCheck.Machine monocle = new DisplayCheck.Machine("Linux", "amd64", k -> null,
                k -> k.equals("glass.platform") ? "Monocle" : null, linux(Map.of(), Set.of(), null).files());
        assertEquals(Optional.empty(), DisplayCheck.problem(monocle));
        DisplayCheck.Machine windows = new DisplayCheck.Machine("Windows 11", "amd64", k -> null, k -> null,
                linux(Map.of(), Set.of(), null).files());
        assertEquals(Optional.empty(), DisplayCheck.problem(windows));
    }

    @Test
    void theToolkitsOwnFailuresBecomeOneLine() {
        String display = DisplayCheck.toolkitFailed(new UnsupportedOperationException("Unable to open DISPLAY"));
        assertTrue(display.contains("does not answer"), display);
        String gtk = DisplayCheck.toolkitFailed(new UnsupportedOperationException("Unable to load glass GTK library."));
        assertTrue(gtk.contains("libgtk-3-0"), gtk);
        String pipeline = DisplayCheck.toolkitFailed(new RuntimeException("No toolkit found"));
        assertTrue(pipeline.contains("-Dprism.order=sw"), pipeline);
        for (String line : new String[] {display, gtk, pipeline}) {
            assertEquals(1, line.lines().count(), line);
            assertTrue(line.endsWith("the headless commands still work (memvirt-lab check | run | walk | exercise; --help)."));
        }
    }
}
