package org.memvirt.viewmodel.shell;

import java.util.Locale;
import java.util.Optional;

import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.binding.Bindings;

/**
 * What a presenter adjusts and the window remembers between runs: theme, zoom (the root font
 * scale, 1.0–3.0×), playback speed, full screen, whether a question must be answered before Next,
 * whether Play stops at questions, the window's size and place and the last lesson; and what lasts
 * only while the window is open: the blanked screen, the shortcut sheet. Loaded from a {@link SettingsStore} when made, written
 * back by {@link #save()}.
 */
public final class PresenterViewModel {
    /** The base font size at zoom 1, in pixels (DESIGN.md). */
    public static final double BASE_FONT_PX = 14;
    public static final double MIN_ZOOM = 1.0;
    public static final double MAX_ZOOM = 3.0;
    /** One press of Ctrl+= or Ctrl+-. */
    public static final double ZOOM_STEP = 0.25;
    public static final double DEFAULT_WIDTH = 1500;
    public static final double DEFAULT_HEIGHT = 950;

    static final String THEME = "theme";
    static final String ZOOM = "zoom";
    static final String SPEED = "speed";
    static final String BLOCK = "blockUntilAnswered";
    static final String STOP_AT_QUESTIONS = "playStopsAtQuestions";
    static final String WIDTH = "windowWidth";
    static final String X = "windowX";
    static final String Y = "windowY";
    static final String HEIGHT = "windowHeight";
    static final String LAST_LESSON = "lastLesson";
    static final String LAST_LESSON_KIND = "lastLessonKind";

    private final SettingsStore store;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1.0);
    private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(this, "speed", Speed.NORMAL);
    private final BooleanProperty fullScreen = new SimpleBooleanProperty(this, "fullScreen");
    private final BooleanProperty blockUntilAnswered = new SimpleBooleanProperty(this, "blockUntilAnswered");
    private final BooleanProperty shortcutsShown = new SimpleBooleanProperty(this, "shortcutsShown");
    private final BooleanProperty playStopsAtQuestions = new SimpleBooleanProperty(this, "playStopsAtQuestions", true);
    private final BooleanProperty blanked = new SimpleBooleanProperty(this, "blanked");
    private final DoubleBinding fontSize = zoom.multiply(BASE_FONT_PX);
    private final StringBinding zoomText = Bindings.createStringBinding(
            () -> Math.round(zoom.get() * 100) + " %", zoom);
    private double width = DEFAULT_WIDTH;
    private double height = DEFAULT_HEIGHT;
    private double x = Double.NaN;
    private double y = Double.NaN;
    private final boolean sizeRemembered;
    private String lastLesson;
    private String lastLessonKind;

    /** Settings as {@code store} remembers them (defaults for anything missing or unreadable). */
    public PresenterViewModel(SettingsStore store) {
        this.store = store;
        theme.set(Theme.parse(store.get(THEME).orElse(null), Theme.LIGHT));
        speed.set(Speed.parse(store.get(SPEED).orElse(null), Speed.NORMAL));
        setZoom(number(ZOOM, 1.0));
        blockUntilAnswered.set(Boolean.parseBoolean(store.get(BLOCK).orElse("false")));
        playStopsAtQuestions.set(Boolean.parseBoolean(store.get(STOP_AT_QUESTIONS).orElse("true")));
        sizeRemembered = !Double.isNaN(number(WIDTH, Double.NaN)) && !Double.isNaN(number(HEIGHT, Double.NaN));
        width = Math.max(640, number(WIDTH, DEFAULT_WIDTH));
        height = Math.max(480, number(HEIGHT, DEFAULT_HEIGHT));
        x = number(X, Double.NaN);
        y = number(Y, Double.NaN);
        lastLesson = store.get(LAST_LESSON).orElse(null);
        lastLessonKind = store.get(LAST_LESSON_KIND).orElse(null);
        theme.addListener((obs, old, now) -> {
            if (now == null) {
                theme.set(old);
            }
        });
        speed.addListener((obs, old, now) -> {
            if (now == null) {
                speed.set(old);
            }
        });
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme getTheme() {
        return theme.get();
    }

    /** The zoom factor, 1.0–3.0. */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public double getZoom() {
        return zoom.get();
    }

    /** The root font size in pixels: 14 × zoom. */
    public DoubleBinding fontSizeBinding() {
        return fontSize;
    }

    /** "150 %". */
    public StringBinding zoomTextBinding() {
        return zoomText;
    }

    public ObjectProperty<Speed> speedProperty() {
        return speed;
    }

    public Speed getSpeed() {
        return speed.get();
    }

    public BooleanProperty fullScreenProperty() {
        return fullScreen;
    }

    /** When on, Next and Play wait until the step's question was checked or revealed. */
    public BooleanProperty blockUntilAnsweredProperty() {
        return blockUntilAnswered;
    }

    /** Whether the sheet of keyboard shortcuts is showing. */
    public BooleanProperty shortcutsShownProperty() {
        return shortcutsShown;
    }

    /** When on (the default), Play stops on every step whose question is not answered yet. */
    public BooleanProperty playStopsAtQuestionsProperty() {
        return playStopsAtQuestions;
    }

    /**
     * Whether the screen is blanked (black, as presentation software does on B or "."): the room
     * looks at the speaker; any key or click brings the lesson back.
     */
    public BooleanProperty blankedProperty() {
        return blanked;
    }

    // ---- commands ----

    public void zoomIn() {
        setZoom(zoom.get() + ZOOM_STEP);
    }

    public void zoomOut() {
        setZoom(zoom.get() - ZOOM_STEP);
    }

    public void resetZoom() {
        setZoom(1.0);
    }

    /** Sets the zoom, clamped to 1.0–3.0 and rounded to 0.05. */
    public void setZoom(double z) {
        double clamped = Double.isNaN(z) ? 1.0 : Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
        zoom.set(Math.round(clamped * 20) / 20.0);
    }

    public void cycleTheme() {
        theme.set(theme.get().next());
    }

    public void faster() {
        speed.set(speed.get().faster());
    }

    public void slower() {
        speed.set(speed.get().slower());
    }

    public void toggleFullScreen() {
        fullScreen.set(!fullScreen.get());
    }

    /** Blanks the screen, or brings it back. */
    public void toggleBlank() {
        blanked.set(!blanked.get());
    }

    /** Full screen on (F5 and Shift+F5 start presenting; Esc leaves). */
    public void enterFullScreen() {
        fullScreen.set(true);
    }

    public void leaveFullScreen() {
        fullScreen.set(false);
    }

    /**
     * Makes the zoom one at which a window of this size holds the layout: a remembered zoom that
     * no longer fits (a smaller screen than last time) becomes the largest that does.
     */
    public void fitZoomTo(WindowPlacement.Box window) {
        setZoom(WindowPlacement.fittingZoom(zoom.get(), window));
    }

    public void toggleShortcuts() {
        shortcutsShown.set(!shortcutsShown.get());
    }

    /** Remembers the window's size (not while full screen, whose size is the screen's). */
    public void windowResized(double w, double h) {
        if (!fullScreen.get() && w > 0 && h > 0) {
            width = w;
            height = h;
        }
    }

    /** Remembers where the window is (not while full screen). */
    public void windowMoved(double wx, double wy) {
        if (!fullScreen.get() && !Double.isNaN(wx) && !Double.isNaN(wy)) {
            x = wx;
            y = wy;
        }
    }

    /** The window of last time (its place NaN when not known); empty on a first launch. */
    public Optional<WindowPlacement.Box> rememberedWindow() {
        return sizeRemembered ? Optional.of(new WindowPlacement.Box(x, y, width, height)) : Optional.empty();
    }

    public double windowWidth() {
        return width;
    }

    public double windowHeight() {
        return height;
    }

    /** Remembers the lesson last opened. */
    public void lessonOpened(LessonRef ref) {
        lastLesson = ref.location();
        lastLessonKind = ref instanceof LessonRef.Shipped ? "shipped" : "file";
    }

    /** The lesson last opened, when there was one. */
    public Optional<LessonRef> lastLesson() {
        if (lastLesson == null || lastLesson.isBlank()) {
            return Optional.empty();
        }
        if ("shipped".equals(lastLessonKind)) {
            return Optional.of(new LessonRef.Shipped(lastLesson, LessonCatalog.titleFromName(fileName(lastLesson))));
        }
        try {
            java.nio.file.Path p = java.nio.file.Path.of(lastLesson);
            return Optional.of(new LessonRef.File(p, LessonCatalog.titleFromName(fileName(lastLesson))));
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** Writes every setting to the store. */
    public void save() {
        store.put(THEME, theme.get().name());
        store.put(ZOOM, String.format(Locale.ROOT, "%.2f", zoom.get()));
        store.put(SPEED, speed.get().name());
        store.put(BLOCK, Boolean.toString(blockUntilAnswered.get()));
        store.put(WIDTH, String.format(Locale.ROOT, "%.0f", width));
        store.put(HEIGHT, String.format(Locale.ROOT, "%.0f", height));
        store.put(STOP_AT_QUESTIONS, Boolean.toString(playStopsAtQuestions.get()));
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            store.put(X, String.format(Locale.ROOT, "%.0f", x));
            store.put(Y, String.format(Locale.ROOT, "%.0f", y));
        }
        if (lastLesson != null) {
            store.put(LAST_LESSON, lastLesson);
            store.put(LAST_LESSON_KIND, lastLessonKind);
        }
        store.flush();
    }

    private double number(String key, double fallback) {
        try {
            return store.get(key).map(Double::parseDouble).filter(d -> !d.isNaN() && !d.isInfinite()).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String fileName(String location) {
        int slash = Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\'));
        return slash < 0 ? location : location.substring(slash + 1);
    }
}
