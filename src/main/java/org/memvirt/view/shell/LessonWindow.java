package org.memvirt.view.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.memvirt.lesson.Highlight;
import org.memvirt.view.LayoutPulse;
import org.memvirt.view.fit.FitZoom;
import org.memvirt.view.fit.LayoutInspector;
import org.memvirt.view.fit.LayoutReport;
import org.memvirt.view.lanes.ExecutionLanesView;
import org.memvirt.viewmodel.shell.ExportTargets;
import org.memvirt.viewmodel.shell.LessonWindowViewModel;
import org.memvirt.viewmodel.shell.PresenterViewModel;
import org.memvirt.viewmodel.shell.WindowLayout;

/**
 * The lesson window: lessons and outline on the left, the views in the middle, narration,
 * question, counters and events on the right, the transport at the bottom, the menus on top and
 * the shortcut sheet over it all. Views bind to the view model and forward commands to it; the
 * presenter's zoom sets the root font size, which every size in em follows.
 */
public final class LessonWindow extends StackPane {
    private final LessonWindowViewModel vm;
    private final CenterViews center;
    private final List<Shortcut> shortcuts;
    private final FileDialogs files;
    private final SteppingTarget stepping;
    private final BlankScreen blank;
    /** Whether moves animate at all (false in tests and screenshots). */
    private final boolean animated;
    private final javafx.event.EventHandler<KeyEvent> keyFilter = this::key;
    private final BorderPane main = new BorderPane();
    /** The error panel (when there are errors) over the transport. */
    private final VBox bottom = new VBox();
    private SplitPane split;
    private ExecutionLanesView lanes;
    private final BooleanProperty lanesWanted = new SimpleBooleanProperty(this, "lanesWanted", true);
    private final WindowLayout layout = new WindowLayout();
    private final LayoutInspector inspector = new LayoutInspector();
    private LessonBrowserView left;
    private StepPanel right;
    private VBox middle;
    private StageCaption caption;
    private Stage stage;

    /**
     * @param vm           the window's state
     * @param views        the views in the middle, in tab order (the Walk: {@link #walkView})
     * @param perReference one reference's animation at 1× speed (zero: nothing animates, Play runs
     *                     at once; for tests)
     */
    public LessonWindow(LessonWindowViewModel vm, List<CenterView> views, Duration perReference) {
        this(vm, views, perReference, Columns.AT_ONCE);
    }

    /** When the three columns (lessons, views, step) are made. */
    private enum Columns {
        AT_ONCE,
        /** After the first frame: the header, the (empty) menu bar and the keys come first. */
        AFTER_FIRST_FRAME
    }

    /**
     * A window whose first frame has only the header and the menu bar, still empty, and already
     * answers every key (open, zoom, theme, full screen, the shortcut sheet); the menus, the
     * columns and the transport follow one frame later. The first frame then costs little more
     * than a bare window's. Until a lesson is open the transport would have nothing to move
     * anyway. See docs/decisions/0009-first-frame.md.
     */
    public static LessonWindow progressive(LessonWindowViewModel vm, List<CenterView> views, Duration perReference) {
        return new LessonWindow(vm, views, perReference, Columns.AFTER_FIRST_FRAME);
    }

    private LessonWindow(LessonWindowViewModel vm, List<CenterView> views, Duration perReference, Columns columns) {
        this.vm = vm;
        this.animated = perReference.greaterThan(Duration.ZERO);
        setId("lesson-window");
        getStyleClass().add("lesson-window");
        styleProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "-fx-font-size: %.2fpx;",
                vm.presenter().fontSizeBinding().get()), vm.presenter().fontSizeBinding()));
        ThemeSwitcher.apply(this, vm.presenter().getTheme());
        // icon sizes are pixels, not em: a generated sheet keeps them in step with the zoom
        scaleIcons(vm.presenter().getZoom());
        vm.presenter().zoomProperty().addListener((obs, old, now) -> scaleIcons(now.doubleValue()));
        vm.presenter().themeProperty().addListener((obs, old, now) -> ThemeSwitcher.apply(this, now));
        new PlayClock(vm, perReference.toMillis() <= 0 ? 0 : perReference.toMillis()
                / LessonWindowViewModel.PER_REFERENCE_MILLIS);

        center = new CenterViews(views, vm.presenter().zoomProperty());
        files = new FileDialogs(this, vm);
        stepping = new SteppingTarget(vm, () -> center.ownPlayheadProperty().get());
        shortcuts = LessonCommands.of(this, vm);
        main.getStyleClass().add("lesson-main");
        MenuBar menus = new MenuBar();
        menus.setId("menu-bar");
        LessonHeader header = new LessonHeader(vm);
        main.setTop(new VBox(menus, header));
        main.setBottom(bottom);
        // the error panel is made when there is a first error to show
        Runnable errorPanel = () -> {
            if (!vm.library().errors().isEmpty() && lookup("#error-panel") == null) {
                bottom.getChildren().add(0, new ErrorPanel(vm));
            }
        };
        vm.library().errors().addListener((javafx.collections.ListChangeListener<Object>) c -> errorPanel.run());
        errorPanel.run();
        blank = new BlankScreen(vm.presenter());
        getChildren().addAll(main, blank);
        Runnable rest = () -> {
            LessonMenus.fill(menus, this, vm);
            header.addIcons();
            makeColumns();
        };
        if (columns == Columns.AT_ONCE) {
            rest.run();
        } else {
            sceneProperty().addListener((obs, old, now) -> {
                if (now != null && split == null) {
                    LayoutPulse.once(now, () -> Platform.runLater(rest));
                }
            });
        }
        // the sheet is made the first time it is asked for: nothing to style before the first frame
        vm.presenter().shortcutsShownProperty().addListener((obs, old, now) -> {
            if (now && lookup("#shortcut-sheet") == null) {
                getChildren().add(new ShortcutSheet(shortcuts, vm.presenter()));
            }
        });

        // on the scene: with nothing focused, keys go to the scene itself, not to its root
        sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, keyFilter);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, keyFilter);
            }
        });
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                vm.library().dropped(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        vm.step().highlightsProperty().addListener((obs, old, now) -> followHighlights(now));
    }

    /** The Walk tab: the walk of the step's access. */
    public static CenterView walkView(LessonWindowViewModel vm, Duration perReference) {
        return new CenterView("Walk", "walk", () -> new LessonWalkPane(vm.walk(), vm.presenter(), perReference), true);
    }

    /** Puts the window in {@code stage}: title, full screen, remembered size, saving on close. */
    public void attach(Stage s) {
        this.stage = s;
        s.titleProperty().bind(Bindings.createStringBinding(() -> vm.titleProperty().get().isEmpty() ? "MemVirt Lab"
                : "MemVirt Lab — " + vm.titleProperty().get(), vm.titleProperty()));
        s.setFullScreenExitHint("Esc or F11 leaves full screen");
        s.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        vm.presenter().fullScreenProperty().addListener((obs, old, now) -> s.setFullScreen(now));
        s.fullScreenProperty().addListener((obs, old, now) -> vm.presenter().fullScreenProperty().set(now));
        s.widthProperty().addListener((obs, old, now) -> vm.presenter().windowResized(s.getWidth(), s.getHeight()));
        s.heightProperty().addListener((obs, old, now) -> vm.presenter().windowResized(s.getWidth(), s.getHeight()));
        s.xProperty().addListener((obs, old, now) -> vm.presenter().windowMoved(s.getX(), s.getY()));
        s.yProperty().addListener((obs, old, now) -> vm.presenter().windowMoved(s.getX(), s.getY()));
        s.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> vm.presenter().save());
    }

    // ---- commands (keys and menus) ----

    /** Pictures the view in the middle as {@code file} (".png" added when missing). */
    public Path exportView(Path file) throws IOException {
        Path target = ExportTargets.withPngExtension(file);
        ViewExporter.writePng(center.exportTarget(), target);
        return target;
    }

    /** One picture per step of the lesson into {@code folder}; back to the step on screen after. */
    public List<Path> exportAllSteps(Path folder) throws IOException {
        int back = vm.positionProperty().get();
        List<Path> written = new ArrayList<>();
        try {
            for (ExportTargets.Target t : vm.exportAllTargets(folder)) {
                vm.jumpTo(t.position());
                vm.walk().finishAnimation();
                written.add(exportView(t.file()));
            }
        } finally {
            vm.jumpTo(back);
        }
        return written;
    }

    /** What the stepping keys move: the lesson, or the view on screen that runs its own machine. */
    SteppingTarget stepping() {
        return stepping;
    }

    /** F5: full screen from the lesson's first step, as presentation software starts a show. */
    void presentFromStart() {
        vm.toStart();
        vm.presenter().enterFullScreen();
    }

    /** The file dialogs (menus and keys open them). */
    FileDialogs files() {
        return files;
    }

    /** The id of the view in the middle ("walk", "tables", …). */
    String shownView() {
        return center.shownProperty().get();
    }

    void quit() {
        vm.presenter().save();
        if (stage != null) {
            stage.close();
        } else {
            Platform.exit();
        }
    }

    int viewCount() {
        return center.views().size();
    }

    String viewTitle(int i) {
        return center.views().get(i).title();
    }

    void showView(int i) {
        if (i >= 0 && i < center.views().size()) {
            center.show(center.views().get(i).id());
        }
    }

    /** Shows the view with id {@code id} ("walk", "walk-explorer"); false when there is none. */
    public boolean showView(String id) {
        return center.show(id);
    }

    private void makeColumns() {
        // a view that runs its own machine brings its own transport: then it is the only one
        LessonTransportBar transport = new LessonTransportBar(vm);
        transport.visibleProperty().bind(center.ownPlayheadProperty().isNull());
        transport.managedProperty().bind(transport.visibleProperty());
        bottom.getChildren().add(transport);
        left = new LessonBrowserView(vm);
        right = new StepPanel(vm);
        lanes = new ExecutionLanesView(vm.lanes(),
                () -> animated ? Duration.millis(vm.millisPerReference()) : Duration.ZERO);
        // the lanes tell the lesson's step: under the Compare view and the walk explorer, which run
        // their own machines, they would describe something else
        lanes.visibleProperty().bind(lanesWanted.and(layout.stageModeProperty().not())
                .and(Bindings.createBooleanBinding(() -> center.views().stream()
                .anyMatch(v -> v.id().equals(center.shownProperty().get()) && v.tiles()), center.shownProperty())));
        lanes.managedProperty().bind(lanes.visibleProperty());
        middle = new VBox(center, lanes);
        VBox.setVgrow(center, Priority.ALWAYS);
        middle.setMinWidth(0);
        split = new SplitPane(left, middle, right);
        split.setId("main-split");
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);
        left.setMinWidth(0);
        main.setCenter(split);
        layout.lessonColumnShownProperty().addListener((obs, old, now) -> arrangeColumns());
        layout.stepColumnShownProperty().addListener((obs, old, now) -> arrangeColumns());
        layout.stageModeProperty().addListener((obs, old, now) -> arrangeStage());
        widthProperty().addListener((obs, old, now) -> sizeColumns());
        vm.presenter().zoomProperty().addListener((obs, old, now) -> sizeColumns());
        arrangeColumns();
        arrangeStage();
    }

    /** What parts of the window are shown, and how wide the side columns are. */
    public WindowLayout windowLayout() {
        return layout;
    }

    /** L: hides the lessons and outline column (more room for the views on a projector), or shows it. */
    void toggleLessonColumn() {
        layout.toggleLessonColumn();
    }

    /** Shows or hides the lessons and outline column. */
    public void showLessonColumn(boolean show) {
        layout.lessonColumnShownProperty().set(show);
    }

    /** The columns in the split as the layout says: lessons, the middle, the step. */
    private void arrangeColumns() {
        List<javafx.scene.Node> items = new ArrayList<>();
        if (layout.lessonColumnShownProperty().get()) {
            items.add(left);
        }
        items.add(middle);
        if (layout.stepColumnShownProperty().get()) {
            items.add(right);
        }
        if (!split.getItems().equals(items)) {
            split.getItems().setAll(items);
        }
        sizeColumns();
    }

    /** Divider positions from the widths the layout gives the columns at this width and zoom. */
    private void sizeColumns() {
        double w = getWidth();
        if (split == null || w <= 0) {
            return;
        }
        WindowLayout.ColumnWidths cols = layout.widths(w, vm.presenter().fontSizeBinding().get());
        List<Double> at = new ArrayList<>();
        if (split.getItems().contains(left)) {
            at.add(cols.lessons() / w);
        }
        if (split.getItems().contains(right)) {
            at.add(1 - cols.step() / w);
        }
        split.setDividerPositions(at.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** S: stage mode, the main view with the narration as a caption; off, the window as it was. */
    private void arrangeStage() {
        boolean stageOn = layout.stageModeProperty().get();
        javafx.scene.Node top = main.getTop();
        if (stageOn) {
            if (caption == null) {
                caption = new StageCaption(vm);
                caption.maxHeightProperty().bind(heightProperty().multiply(0.34));
            }
            VBox stageBox = new VBox(center, caption);
            stageBox.setId("stage");
            stageBox.getStyleClass().add("stage");
            VBox.setVgrow(center, Priority.ALWAYS);
            main.setCenter(stageBox);
            top.setVisible(false);
            top.setManaged(false);
            bottom.setVisible(false);
            bottom.setManaged(false);
        } else if (main.getCenter() != split) {
            middle.getChildren().add(0, center);
            VBox.setVgrow(center, Priority.ALWAYS);
            main.setCenter(split);
            top.setVisible(true);
            top.setManaged(true);
            bottom.setVisible(true);
            bottom.setManaged(true);
            arrangeColumns();
        }
    }

    /** Shift+L: hides the step column (narration, question, counters, events), or shows it. */
    void toggleStepColumn() {
        layout.toggleStepColumn();
    }

    /** S: stage mode on or off. */
    void toggleStageMode() {
        layout.toggleStageMode();
    }

    /**
     * Ctrl+Shift+0: the largest zoom (1.0–3.0, in steps of 0.05) at which the view on screen shows
     * everything: no text cut, nothing to scroll.
     */
    public double fitZoom() {
        PresenterViewModel p = vm.presenter();
        double z = FitZoom.largestFitting(PresenterViewModel.MIN_ZOOM, PresenterViewModel.MAX_ZOOM, 0.05, zoom -> {
            p.setZoom(zoom);
            settleLayout();
            return inspect(0, true).fits();
        });
        p.setZoom(z);
        settleLayout();
        return z;
    }

    /**
     * How the window reads as laid out now (see {@link LayoutInspector}); {@code minKeyTextPx} is
     * the smallest key text allowed (0: not measured), {@code mainOnly} counts only the main view.
     */
    public LayoutReport inspect(double minKeyTextPx, boolean mainOnly) {
        return inspector.inspect(this, center.exportTarget(), minKeyTextPx, mainOnly);
    }

    /** CSS and layout now, twice: the second pass settles what wrapped text changed. */
    public void settleLayout() {
        for (int i = 0; i < 2; i++) {
            applyCss();
            layout();
        }
    }

    /** W: hides the lanes under the views (more room on a projector), or shows them. */
    void toggleLanes() {
        lanesWanted.set(!lanesWanted.get());
    }

    void toggleTiling() {
        center.tiledProperty().set(!center.tiledProperty().get());
    }

    /** PgUp: the start of this chapter, or of the previous one when already there. */
    int previousChapter() {
        int c = vm.chapterIndexProperty().get();
        int p = vm.positionProperty().get();
        boolean atStart = vm.outline().size() > c && vm.outline().get(c).firstStep() == p;
        return atStart ? c - 1 : c;
    }

    // ---- internals ----

    private String iconSheet;

    private void scaleIcons(double zoom) {
        if (iconSheet != null) {
            getStylesheets().remove(iconSheet);
        }
        String css = String.format(Locale.ROOT, ".lesson-window .ikonli-font-icon { -fx-icon-size: %dpx; }",
                Math.round(16 * zoom));
        iconSheet = "data:text/css;base64," + java.util.Base64.getEncoder().encodeToString(
                css.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        getStylesheets().add(iconSheet);
    }

    private void followHighlights(List<Highlight> highlights) {
        for (Highlight h : highlights) {
            if (h instanceof Highlight.View v) {
                String id = switch (v.name()) {
                    case "memory" -> "host-memory";
                    default -> v.name();
                };
                if (center.show(id)) {
                    return;
                }
            }
        }
    }

    private void key(KeyEvent e) {
        if (blank.takesKey(e)) {
            return;
        }
        boolean typing = e.getTarget() instanceof TextInputControl;
        boolean sheet = vm.presenter().shortcutsShownProperty().get();
        for (Shortcut s : shortcuts) {
            for (KeyCombination k : s.combos()) {
                if (!k.match(e)) {
                    continue;
                }
                boolean plainKey = !e.isShortcutDown() && !e.isAltDown() && e.getCode() != javafx.scene.input.KeyCode.F1
                        && e.getCode() != javafx.scene.input.KeyCode.F11 && e.getCode() != javafx.scene.input.KeyCode.F5
                        && e.getCode() != javafx.scene.input.KeyCode.ESCAPE;
                if (typing && plainKey || sheet && plainKey && e.getCode() != javafx.scene.input.KeyCode.SLASH) {
                    return;
                }
                s.action().run();
                e.consume();
                return;
            }
        }
    }


}
