package org.memvirt.app;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

import org.memvirt.view.LayoutPulse;
import org.memvirt.view.shell.LessonWindow;
import org.memvirt.view.shell.StagePlacement;
import org.memvirt.viewmodel.WalkScenario;
import org.memvirt.viewmodel.WalkSettings;
import org.memvirt.viewmodel.shell.LessonCatalog;
import org.memvirt.viewmodel.shell.LessonRef;
import org.memvirt.viewmodel.shell.LessonWalkViewModel;
import org.memvirt.viewmodel.shell.LessonWindowViewModel;
import org.memvirt.viewmodel.shell.FileSettingsStore;
import org.memvirt.viewmodel.shell.MemorySettingsStore;
import org.memvirt.viewmodel.shell.PreferencesStore;
import org.memvirt.viewmodel.shell.PresenterViewModel;
import org.memvirt.viewmodel.shell.SettingsStore;
import org.memvirt.viewmodel.shell.Theme;
import org.memvirt.viewmodel.shell.WindowPlacement;

/**
 * The window, "MemVirt Lab": the lesson window, opening the lesson of last time (or
 * {@code lessons/02-nested-walk.yaml}); the lesson is read and played on a worker thread once
 * the window's first frame is up. Settings are remembered in the user's preferences under
 * {@code org/memvirt/lab}.
 *
 * <p>System properties (documentation screenshots, tests by hand):
 * <ul>
 *   <li>{@code memvirt.lesson=FILE} (or {@code lessons/NAME.yaml} for a shipped one) opens that lesson;</li>
 *   <li>{@code memvirt.screenshot=FILE.png} writes a PNG of the window once the lesson is open, at step
 *       {@code memvirt.screenshot.step} (default 3), with the view {@code memvirt.view}
 *       ({@code walk}, {@code walk-explorer}, …), and exits; settings are not remembered then;</li>
 *   <li>{@code memvirt.theme=light|dark|projector}, {@code memvirt.zoom=1.0…3.0},
 *       {@code memvirt.window=WIDTHxHEIGHT}, {@code memvirt.lessons=hidden} (the lessons and outline
 *       column hidden, as the L key does), {@code memvirt.stage=on} (stage mode, the S key),
 *       {@code memvirt.zoom=fit} (the fit zoom, chosen when the screenshot is taken);</li>
 *   <li>{@code memvirt.walk.*} set the walk explorer's machine (see {@link WalkScreen});</li>
 *   <li>{@code memvirt.screen=walk} shows the stand-alone walk screen instead (its screenshot
 *       properties as before: {@code memvirt.screenshot.step} is then a reference number);</li>
 *   <li>{@code memvirt.prefs=NODE} keeps settings under another preferences node ({@code none}: not at all);</li>
 *   <li>{@code memvirt.startup.trace=true} prints when the first frame and the lesson appeared
 *       ({@code exit}: and quits then, for timing runs).</li>
 * </ul>
 */
public final class MemVirtApp {
    private static final Duration PER_REFERENCE = Duration.millis(LessonWindowViewModel.PER_REFERENCE_MILLIS);
    private static final String PREFS_NODE = "org/memvirt/lab";

    /** What the window is made of: settings, the view models, the lesson reader's thread. */
    private record Prepared(PresenterViewModel presenter, LessonWindowViewModel vm, ExecutorService loader) {
    }

    private final Prepared prepared;

    private MemVirtApp(Prepared prepared) {
        this.prepared = prepared;
    }

    /**
     * Opens the window: once the toolkit is up, the view models and a first frame of header, menu
     * bar and keys; the first lesson is sent to the reader only after that frame, so that reading
     * it does not compete with the frame for the processor (decision 0009).
     *
     * @param args nothing, or the lesson file to open (as {@code memvirt.lesson} names one)
     */
    public static void main(String[] args) {
        if ("walk".equals(System.getProperty("memvirt.screen"))) {
            Platform.startup(() -> WalkScreen.show(new Stage()));
            return;
        }
        String lesson = args.length == 1 ? args[0] : System.getProperty("memvirt.lesson");
        Platform.startup(() -> new MemVirtApp(prepare(Platform::runLater)).start(new Stage(), lesson));
    }

    /** Settings and the view models; results of lesson reading come back through {@code ui}. */
    private static Prepared prepare(Executor ui) {
        PresenterViewModel presenter = new PresenterViewModel(store(System.getProperty("memvirt.screenshot") != null));
        String theme = System.getProperty("memvirt.theme");
        if (theme != null) {
            presenter.themeProperty().set(Theme.parse(theme, Theme.LIGHT));
        }
        String zoom = System.getProperty("memvirt.zoom");
        if (zoom != null && !"fit".equals(zoom)) {
            try {
                presenter.setZoom(Double.parseDouble(zoom));
            } catch (NumberFormatException e) {
                System.err.println("memvirt: zoom must be a number from 1.0 to 3.0, not '" + zoom + "'");
            }
        }
        ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lesson-loader");
            t.setDaemon(true);
            return t;
        });
        LessonWindowViewModel vm = new LessonWindowViewModel(new LessonCatalog(MemVirtApp.class.getClassLoader()),
                loader, ui, presenter, () -> new LessonWalkViewModel(LessonWalkViewModel.lessonWalkScreen(), new WalkScenario()));
        return new Prepared(presenter, vm, loader);
    }

    /** Opens the lesson asked for, or the one of last time, or the default one (read on the worker). */
    private static void openLesson(LessonWindowViewModel vm, String lesson) {
        if (lesson != null) {
            vm.library().listShipped();
            vm.library().open(lesson.startsWith(LessonCatalog.FOLDER + "/") && !Files.exists(Path.of(lesson))
                    ? new LessonRef.Shipped(lesson, lesson) : LessonCatalog.fileRef(Path.of(lesson)));
        } else {
            vm.openFirstLesson();
        }
    }

    private void start(Stage stage, String lesson) {
        LessonWindowViewModel vm = prepared.vm();
        PresenterViewModel presenter = prepared.presenter();
        String screenshot = System.getProperty("memvirt.screenshot");
        WalkSettings explorer = explorerSettings();
        LessonWindow window = LessonWindow.progressive(vm,
                CenterViewCatalog.views(vm, screenshot == null ? PER_REFERENCE : Duration.ZERO, explorer),
                screenshot == null ? PER_REFERENCE : Duration.ZERO);
        String size = System.getProperty("memvirt.window");
        Scene scene;
        if (size != null) {
            int[] wh = WalkScreen.windowSize(size);
            scene = new Scene(window, wh[0], wh[1]);
            stage.setScene(scene);
            stage.setMinWidth(WindowPlacement.MIN_WIDTH);
            stage.setMinHeight(WindowPlacement.MIN_HEIGHT);
        } else {
            // about 90 % of the screen the first time; last time's size and zoom, pulled onto this screen, after
            WindowPlacement.Box placed = StagePlacement.apply(stage, presenter, System.getProperty("memvirt.zoom") == null);
            scene = new Scene(window, placed.width(), placed.height());
            stage.setScene(scene);
        }
        window.attach(stage);
        if ("hidden".equals(System.getProperty("memvirt.lessons"))) {
            window.showLessonColumn(false);
        }
        window.windowLayout().stageModeProperty().set("on".equals(System.getProperty("memvirt.stage")));

        LessonFileWatcher watcher = new LessonFileWatcher(path -> Platform.runLater(() -> vm.fileChanged(path)));
        vm.library().watchedProperty().addListener((obs, old, now) -> watcher.watch(now));
        watcher.watch(vm.library().watchedProperty().get());
        watcher.start();
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            watcher.close();
            prepared.loader().shutdownNow();
        });

        String trace = System.getProperty("memvirt.startup.trace", "false");
        if (trace.equals("true") || trace.equals("exit")) {
            traceStartup(scene, vm);
        }
        if (screenshot != null) {
            whenLessonSettles(vm, () -> capture(scene, window, vm, new File(screenshot)));
        }
        LayoutPulse.once(scene, () -> Platform.runLater(() -> {
            openLesson(vm, lesson);
            addIcons(stage);
        }));
        stage.show();
    }

    /** The window's icon in the sizes window managers pick from (assets/icons, copied in by the build). */
    private static void addIcons(Stage stage) {
        for (int size : new int[] {16, 32, 64, 256}) {
            try (java.io.InputStream png = MemVirtApp.class.getResourceAsStream("/org/memvirt/icons/memvirt-lab-" + size + ".png")) {
                if (png != null) {
                    stage.getIcons().add(new javafx.scene.image.Image(png));
                }
            } catch (IOException e) {
                System.err.println("memvirt: no window icon (" + e.getMessage() + ")");
            }
        }
    }

    private static SettingsStore store(boolean screenshot) {
        String node = System.getProperty("memvirt.prefs", PREFS_NODE);
        if (screenshot || "none".equals(node)) {
            return new MemorySettingsStore();
        }
        try {
            return new FileSettingsStore(FileSettingsStore.defaultFile(), new PreferencesStore(Preferences.userRoot().node(node)),
                    System.err::println);
        } catch (RuntimeException e) {
            System.err.println("memvirt: settings will not be remembered (" + e.getMessage() + ")");
            return new MemorySettingsStore();
        }
    }

    private static WalkSettings explorerSettings() {
        try {
            return WalkScreen.settingsFromProperties();
        } catch (IllegalArgumentException e) {
            System.err.println("memvirt: " + e.getMessage() + "; the walk explorer starts with the default walk");
            return WalkSettings.defaults();
        }
    }

    /** Runs {@code then} once, when the first lesson opened or failed to (at once if it already has). */
    private static void whenLessonSettles(LessonWindowViewModel vm, Runnable then) {
        boolean settled = vm.library().currentProperty().get() != null || !vm.library().errors().isEmpty();
        if (!vm.library().loadingProperty().get() && settled) {
            Platform.runLater(then);
            return;
        }
        ChangeListener<Boolean> listener = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (!now) {
                    vm.library().loadingProperty().removeListener(this);
                    Platform.runLater(then);
                }
            }
        };
        vm.library().loadingProperty().addListener(listener);
    }

    private static void capture(Scene scene, LessonWindow window, LessonWindowViewModel vm, File file) {
        if (window.lookup("#main-split") == null) {
            // the columns come one frame after the first: wait for them
            Platform.runLater(() -> capture(scene, window, vm, file));
            return;
        }
        vm.jumpTo(Integer.getInteger("memvirt.screenshot.step", 3));
        vm.walk().finishAnimation();
        String view = System.getProperty("memvirt.view");
        if (view != null && !window.showView(view)) {
            System.err.println("memvirt: no view '" + view + "'");
        }
        if ("fit".equals(System.getProperty("memvirt.zoom"))) {
            window.fitZoom();
        }
        // two pulses: one for the step's layout, one for what the layout changed (wrapped text)
        Platform.runLater(() -> Platform.runLater(() -> {
            try {
                File dir = file.getAbsoluteFile().getParentFile();
                if (dir != null) {
                    dir.mkdirs();
                }
                ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file);
                System.out.println("memvirt: wrote " + file);
            } catch (IOException e) {
                System.err.println("memvirt: cannot write " + file + ": " + e.getMessage());
            }
            Platform.exit();
        }));
    }

    /**
     * With {@code memvirt.startup.trace=true} (or {@code exit}, to quit then, for timing runs): when
     * the first frame was laid out, and when the lesson was ready — the first lesson read and
     * played, the columns made and the view in the middle drawn with its first step, in a window
     * whose key filter (on the scene since the first frame) answers every key (decision 18).
     */
    private static void traceStartup(Scene scene, LessonWindowViewModel vm) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        LayoutPulse.once(scene, () -> System.out.println("memvirt: first frame "
                + (System.currentTimeMillis() - jvmStart) + " ms after JVM start"));
        whenLessonSettles(vm, () -> drawnThen(scene, () -> {
            System.out.println("memvirt: lesson ready " + (System.currentTimeMillis() - jvmStart) + " ms after JVM start");
            if ("exit".equals(System.getProperty("memvirt.startup.trace"))) {
                Platform.runLater(Platform::exit);
            }
        }));
    }

    /** Runs {@code then} after the frame that first shows the columns and the view in the middle. */
    private static void drawnThen(Scene scene, Runnable then) {
        if (scene.getRoot().lookup("#main-split") == null || scene.getRoot().lookup(".center-view") == null) {
            Platform.runLater(() -> drawnThen(scene, then));
            return;
        }
        LayoutPulse.once(scene, then);
    }
}
