package org.memvirt.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.memvirt.view.fit.LayoutFinding;
import org.memvirt.view.fit.LayoutReport;
import org.memvirt.view.shell.LessonWindow;
import org.memvirt.viewmodel.WalkSettings;
import org.memvirt.viewmodel.shell.LessonCatalog;
import org.memvirt.viewmodel.shell.LessonRef;
import org.memvirt.viewmodel.shell.LessonWalkViewModel;
import org.memvirt.viewmodel.shell.LessonWindowViewModel;
import org.memvirt.viewmodel.shell.MemorySettingsStore;
import org.memvirt.viewmodel.shell.PresenterViewModel;
import org.memvirt.viewmodel.shell.Theme;

/**
 * The layout audit: every step of every lesson asked for, in every main view, at every window
 * size, zoom and theme asked for, read by the {@link org.memvirt.view.fit.LayoutInspector} as the
 * back row would read it. One window per size, theme and zoom is made and stepped through with no
 * animation. At the fit zoom each screen is also seen in stage mode, where key text must be at
 * least {@link #KEY_TEXT_SHARE} of the screen's height.
 *
 * <p>Runs on a thread of its own and hands each screen to the JavaFX thread (which must be up), so
 * that what a view defers with {@code Platform.runLater} is done before the screen is read.
 */
public final class LayoutAudit {
    /** Key text in stage mode: at least 2 % of the screen height (the back row of a lecture hall). */
    public static final double KEY_TEXT_SHARE = 0.02;
    /** The main views, by id, in tab order. */
    public static final List<String> VIEWS = List.of("walk", "tables", "host-memory", "compare", "walk-explorer");
    /** The zoom the fit command picks, in a matrix's list of zooms. */
    public static final String FIT = "fit";

    /** A window size in pixels. */
    public record Size(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    /**
     * What to open.
     *
     * @param zooms "1.0" … "3.0" or {@link #FIT}
     */
    public record Matrix(List<Size> sizes, List<String> zooms, List<Theme> themes, List<LessonRef> lessons,
            List<String> views) {
        public Matrix {
            sizes = List.copyOf(sizes);
            zooms = List.copyOf(zooms);
            themes = List.copyOf(themes);
            lessons = List.copyOf(lessons);
            views = List.copyOf(views);
        }
    }

    /** Where a finding was seen. */
    public record Screen(String view, String lesson, int step, Size size, String zoom, Theme theme, boolean stage) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s · %s step %d · %s · zoom %s%s · %s", view, lesson, step, size, zoom,
                    stage ? " stage" : "", theme.name().toLowerCase(Locale.ROOT));
        }
    }

    /** A finding, how often the same one was seen, and the first screen it was seen on. */
    public record Offender(LayoutFinding finding, Screen first, int times) {
    }

    /**
     * The audit's figures: screens read, truncated texts (summed over screens), screens whose main
     * view overflows, key texts too small (summed), and the findings seen most often.
     */
    public record Tally(int screens, int truncated, int overflowing, int tooSmall, List<Offender> worst) {
        /** "N screens, T truncated, O overflowing, S too small". */
        public String summary() {
            return screens + " screens, " + truncated + " truncated, " + overflowing + " overflowing, "
                    + tooSmall + " too small";
        }
    }

    private final Map<String, Offender> offenders = new LinkedHashMap<>();
    private int screens;
    private int truncated;
    private int overflowing;
    private int tooSmall;

    private LayoutAudit() {
    }

    /** Runs the audit (not on the JavaFX thread, which must be running); {@code progress} hears each window. */
    public static Tally run(Matrix m, Consumer<String> progress) {
        LayoutAudit audit = new LayoutAudit();
        for (Size size : m.sizes()) {
            for (Theme theme : m.themes()) {
                for (String zoom : m.zooms()) {
                    progress.accept(size + " · " + theme.name().toLowerCase(Locale.ROOT) + " · zoom " + zoom);
                    audit.window(m, size, theme, zoom);
                }
            }
        }
        List<Offender> worst = audit.offenders.values().stream()
                .sorted((a, b) -> Integer.compare(b.times(), a.times())).limit(12).toList();
        return new Tally(audit.screens, audit.truncated, audit.overflowing, audit.tooSmall, worst);
    }

    private void window(Matrix m, Size size, Theme theme, String zoom) {
        Probe probe = fx(() -> Probe.open(size, theme));
        try {
            for (LessonRef lesson : m.lessons()) {
                fx(() -> probe.open(lesson));
                int steps = fx(() -> probe.vm.stepCountProperty().get());
                for (String view : m.views()) {
                    if (!fx(() -> probe.window.showView(view))) {
                        continue;
                    }
                    for (int step = 0; step <= steps; step++) {
                        int at = step;
                        fx(() -> probe.show(at, view, zoom));
                        screen(fx(() -> probe.read(0, zoom)), new Screen(view, lesson.title(), at, size, zoom, theme,
                                false));
                        if (FIT.equals(zoom)) {
                            fx(() -> probe.stage(true));
                            screen(fx(() -> probe.read(KEY_TEXT_SHARE * size.height(), zoom)),
                                    new Screen(view, lesson.title(), at, size, zoom, theme, true));
                            fx(() -> probe.stage(false));
                        }
                    }
                }
            }
        } finally {
            fx(() -> {
                probe.stage.close();
                return null;
            });
        }
    }

    private void screen(LayoutReport r, Screen where) {
        screens++;
        truncated += r.truncated().size();
        tooSmall += r.tooSmall().size();
        if (!r.overflowing().isEmpty()) {
            overflowing++;
        }
        for (LayoutFinding f : r.all()) {
            String key = where.view() + '|' + f;
            Offender o = offenders.get(key);
            offenders.put(key, o == null ? new Offender(f, where, 1) : new Offender(o.finding(), o.first(), o.times() + 1));
        }
    }

    /** One audit window: a lesson window in a stage of the size asked for. */
    private static final class Probe {
        private final Stage stage;
        private final LessonWindowViewModel vm;
        private final LessonWindow window;

        private Probe(Stage stage, LessonWindowViewModel vm, LessonWindow window) {
            this.stage = stage;
            this.vm = vm;
            this.window = window;
        }

        static Probe open(Size size, Theme theme) {
            PresenterViewModel presenter = new PresenterViewModel(new MemorySettingsStore());
            presenter.themeProperty().set(theme);
            LessonWindowViewModel vm = new LessonWindowViewModel(new LessonCatalog(LayoutAudit.class.getClassLoader()),
                    Runnable::run, Runnable::run, presenter,
                    new LessonWalkViewModel(LessonWalkViewModel.lessonWalkScreen()));
            LessonWindow window = new LessonWindow(vm, CenterViewCatalog.views(vm, Duration.ZERO, WalkSettings.defaults()),
                    Duration.ZERO);
            Stage stage = new Stage();
            stage.setScene(new Scene(window, size.width(), size.height()));
            stage.show();
            return new Probe(stage, vm, window);
        }

        Void open(LessonRef lesson) {
            vm.library().open(lesson);
            if (!vm.library().errors().isEmpty()) {
                throw new IllegalArgumentException(lesson.location() + ": " + vm.library().errors().get(0).text());
            }
            return null;
        }

        Void show(int step, String view, String zoom) {
            vm.jumpTo(step);
            vm.walk().finishAnimation();
            // a step may bring another view to the front (its highlights): the audit reads this one
            window.showView(view);
            if (!FIT.equals(zoom)) {
                vm.presenter().setZoom(Double.parseDouble(zoom));
            }
            window.settleLayout();
            return null;
        }

        Void stage(boolean on) {
            window.windowLayout().stageModeProperty().set(on);
            window.settleLayout();
            return null;
        }

        LayoutReport read(double minKeyTextPx, String zoom) {
            if (FIT.equals(zoom)) {
                window.fitZoom();
            }
            window.settleLayout();
            return window.inspect(minKeyTextPx, false);
        }
    }

    /** Runs {@code work} on the JavaFX thread and waits for it (what it queued runs before the next). */
    private static <T> T fx(Supplier<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(work.get());
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        });
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
