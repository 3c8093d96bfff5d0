package org.memvirt.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import javafx.application.Platform;

import org.memvirt.app.LayoutAudit;
import org.memvirt.viewmodel.shell.LessonCatalog;
import org.memvirt.viewmodel.shell.LessonRef;
import org.memvirt.viewmodel.shell.PresenterViewModel;
import org.memvirt.viewmodel.shell.Theme;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code audit-layout}: opens every step of every shipped lesson (or the one given) in every main
 * view, at every window size, zoom and theme asked for (all of them by default), on a headless
 * JavaFX screen (Monocle), and counts what the back row could not read. Prints the findings seen
 * most often, then one line {@code N screens, T truncated, O overflowing, S too small}.
 *
 * <p>Exit 0 whenever it ran, whatever it counted (the figures are the result; the build's own
 * subset test holds them to a baseline); 2 for a bad option or lesson; 3 when no toolkit starts.
 */
@Command(name = "audit-layout", mixinStandardHelpOptions = true,
        description = "Count truncated text, overflowing views and too-small key text, headless.")
final class AuditLayoutCommand implements Callable<Integer> {
    private static final List<String> SIZES = List.of("1280x720", "1366x768", "1920x1080", "3840x2160");
    private static final List<String> ZOOMS = List.of("1.0", "1.5", "2.0", "3.0", LayoutAudit.FIT);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--size", split = ",", paramLabel = "WxH",
            description = "window sizes (default: 1280x720,1366x768,1920x1080,3840x2160)")
    List<String> sizes = new ArrayList<>(SIZES);

    @Option(names = "--zoom", split = ",", paramLabel = "Z|fit",
            description = "zooms, 1.0 to 3.0 or 'fit' (default: 1.0,1.5,2.0,3.0,fit)")
    List<String> zooms = new ArrayList<>(ZOOMS);

    @Option(names = "--theme", split = ",", paramLabel = "T", description = "light, dark, projector (default: all)")
    List<String> themes = new ArrayList<>(List.of("light", "dark", "projector"));

    @Option(names = "--lesson", paramLabel = "FILE", description = "one lesson file (default: every shipped lesson)")
    String lesson;

    @Option(names = "--view", split = ",", paramLabel = "ID",
            description = "views: walk, tables, host-memory, compare, walk-explorer (default: all)")
    List<String> views = new ArrayList<>(LayoutAudit.VIEWS);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<LayoutAudit.Size> sizeList = sizes.stream().map(AuditLayoutCommand::size).toList();
        List<String> zoomList = zooms.stream().map(AuditLayoutCommand::zoom).toList();
        List<Theme> themeList = themes.stream().map(AuditLayoutCommand::theme).toList();
        LessonCatalog catalog = new LessonCatalog(getClass().getClassLoader());
        List<LessonRef> lessons = lesson == null ? catalog.shipped() : List.of(lessonRef(lesson, catalog));
        for (String v : views) {
            if (!LayoutAudit.VIEWS.contains(v)) {
                throw bad("--view: no view '" + v + "' (" + String.join(", ", LayoutAudit.VIEWS) + ")");
            }
        }
        if (!startToolkit(sizeList)) {
            spec.commandLine().getErr().println("audit-layout: the JavaFX toolkit does not start here (Monocle headless)");
            return 3;
        }
        try {
            LayoutAudit.Tally t = LayoutAudit.run(new LayoutAudit.Matrix(sizeList, zoomList, themeList, lessons, views),
                    line -> spec.commandLine().getErr().println("audit-layout: " + line));
            if (!t.worst().isEmpty()) {
                out.println("Seen most often (times, finding, first screen):");
            }
            for (LayoutAudit.Offender o : t.worst()) {
                out.printf(Locale.ROOT, "%6d  %s  —  %s%n", o.times(), o.finding(), o.first());
            }
            out.println(t.summary());
            out.flush();
            return 0;
        } finally {
            Platform.exit();
        }
    }

    /** Monocle's headless screen, as large as the largest window asked for; false when it does not start. */
    private static boolean startToolkit(List<LayoutAudit.Size> sizes) {
        int w = sizes.stream().mapToInt(LayoutAudit.Size::width).max().orElse(1280);
        int h = sizes.stream().mapToInt(LayoutAudit.Size::height).max().orElse(800);
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", w + "x" + h + "-32");
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
            up.await();
            Platform.setImplicitExit(false);
            return true;
        } catch (IllegalStateException e) {
            // already running (inside a test): use it
            return true;
        } catch (RuntimeException | UnsatisfiedLinkError | NoClassDefFoundError e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static LessonRef lessonRef(String file, LessonCatalog catalog) {
        Path p = Path.of(file);
        if (Files.isRegularFile(p)) {
            return LessonCatalog.fileRef(p);
        }
        return catalog.shipped().stream().filter(r -> r.location().equals(file)).findFirst()
                .orElseThrow(() -> bad("--lesson: no lesson file '" + file + "'"));
    }

    private static LayoutAudit.Size size(String s) {
        String[] wh = s.toLowerCase(Locale.ROOT).split("x");
        try {
            int w = Integer.parseInt(wh[0].strip());
            int h = Integer.parseInt(wh[1].strip());
            if (wh.length == 2 && w >= 320 && h >= 240 && w <= 7680 && h <= 4320) {
                return new LayoutAudit.Size(w, h);
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // falls through to the message
        }
        throw bad("--size: '" + s + "' is not WIDTHxHEIGHT from 320x240 to 7680x4320");
    }

    private static String zoom(String z) {
        if (LayoutAudit.FIT.equalsIgnoreCase(z)) {
            return LayoutAudit.FIT;
        }
        try {
            String digits = z.endsWith("%") ? z.substring(0, z.length() - 1) : z;
            double v = Double.parseDouble(digits);
            if (z.endsWith("%") || v > PresenterViewModel.MAX_ZOOM + 0.001) {
                v /= 100;
            }
            if (v >= PresenterViewModel.MIN_ZOOM - 0.001 && v <= PresenterViewModel.MAX_ZOOM + 0.001) {
                return String.format(Locale.ROOT, "%.2f", v);
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw bad("--zoom: '" + z + "' is not a zoom from 1.0 to 3.0 (or 100 to 300 %) or 'fit'");
    }

    private static Theme theme(String t) {
        for (Theme th : Theme.values()) {
            if (th.name().equalsIgnoreCase(t)) {
                return th;
            }
        }
        throw bad("--theme: '" + t + "' is not light, dark or projector");
    }

    private static IllegalArgumentException bad(String message) {
        return new IllegalArgumentException(message);
    }
}
