package org.memvirt.viewmodel.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Which parts of the lesson window are on screen, and how wide the side columns are. On a
 * projector the presenter hides the lessons column (L), the step column (Shift+L), or both at
 * once with stage mode (S): the main view and the step's narration as a large caption under it.
 * Leaving stage mode brings back the columns as they were.
 *
 * <p>Column widths follow the window and the zoom: a share of the window's width, kept within
 * bounds in em (so a column holds its longest words at any zoom), and together never more than
 * {@link #SIDES_SHARE} of the window, so the main view keeps the most room.
 */
public final class WindowLayout {
    /** The lessons column: a share of the window, at least and at most so many em. */
    public static final double LESSONS_SHARE = 0.17;
    public static final double LESSONS_MIN_EM = 12;
    public static final double LESSONS_MAX_EM = 24;
    /** The step column (narration, question, counters): wider, it holds the words of the step. */
    public static final double STEP_SHARE = 0.27;
    public static final double STEP_MIN_EM = 17;
    public static final double STEP_MAX_EM = 36;
    /** The most of the window the side columns take together. */
    public static final double SIDES_SHARE = 0.5;

    private final BooleanProperty lessonColumnShown = new SimpleBooleanProperty(this, "lessonColumnShown", true);
    private final BooleanProperty stepColumnShown = new SimpleBooleanProperty(this, "stepColumnShown", true);
    private final BooleanProperty stageMode = new SimpleBooleanProperty(this, "stageMode");

    /** The widths of the two columns, in pixels (0 for a hidden one). */
    public record ColumnWidths(double lessons, double step) {
    }

    /** Whether the lessons and outline column is on screen (outside stage mode). */
    public BooleanProperty lessonColumnShownProperty() {
        return lessonColumnShown;
    }

    /** Whether the step column (narration, question, counters, events) is on screen (outside stage mode). */
    public BooleanProperty stepColumnShownProperty() {
        return stepColumnShown;
    }

    /** Stage mode: only the main view and the narration as a caption under it. */
    public BooleanProperty stageModeProperty() {
        return stageMode;
    }

    public void toggleLessonColumn() {
        lessonColumnShown.set(!lessonColumnShown.get());
    }

    public void toggleStepColumn() {
        stepColumnShown.set(!stepColumnShown.get());
    }

    public void toggleStageMode() {
        stageMode.set(!stageMode.get());
    }

    /**
     * The widths of the columns shown, for a window {@code windowWidth} pixels wide whose root font
     * is {@code fontPx} pixels: each its share within its em bounds; when together they would take
     * more than {@link #SIDES_SHARE} of the window, both shrink in proportion.
     */
    public ColumnWidths widths(double windowWidth, double fontPx) {
        boolean lessons = lessonColumnShown.get() && !stageMode.get();
        boolean step = stepColumnShown.get() && !stageMode.get();
        double l = lessons ? clamp(LESSONS_SHARE * windowWidth, LESSONS_MIN_EM * fontPx, LESSONS_MAX_EM * fontPx) : 0;
        double s = step ? clamp(STEP_SHARE * windowWidth, STEP_MIN_EM * fontPx, STEP_MAX_EM * fontPx) : 0;
        double most = SIDES_SHARE * windowWidth;
        if (l + s > most) {
            double scale = most / (l + s);
            l *= scale;
            s *= scale;
        }
        return new ColumnWidths(l, s);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
