package org.memvirt.view;

import java.util.function.IntConsumer;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Holds a main view's content and makes it fit the space the window gives it, with no scroll bar
 * and nothing cut: the content first gives up secondary lines, one density level at a time (the
 * owner says what each level drops: subtitles, chips in compact form, rows not in use), and only
 * when its most compact form still needs more room is it drawn smaller as a whole. A projector
 * audience then sees every figure the step is about, at the largest size that fits.
 */
public final class FitPane extends Region {
    /** The smallest scale the content is drawn at. */
    private static final double MIN_SCALE = 0.2;

    private final Region content;
    private final int levels;
    private final IntConsumer density;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final ReadOnlyIntegerWrapper level = new ReadOnlyIntegerWrapper(this, "level", -1);
    private final ReadOnlyDoubleWrapper shrink = new ReadOnlyDoubleWrapper(this, "shrink", 1);
    private double fittedWidth = -1;
    private double fittedHeight = -1;
    private double fittedNeed = -1;
    private double fittedMinWidth = -1;
    private int revision;
    private int fittedRevision = -1;

    /**
     * @param content what to fit
     * @param levels  how many density levels {@code density} knows (level 0 shows everything)
     * @param density applies a level to the content; called during layout, it may change what is
     *                managed or visible but not the scene graph's structure
     */
    public FitPane(Region content, int levels, IntConsumer density) {
        if (levels < 1) {
            throw new IllegalArgumentException("levels must be at least 1, not " + levels);
        }
        this.content = content;
        this.levels = levels;
        this.density = density;
        getStyleClass().add("fit-pane");
        content.getTransforms().add(scale);
        getChildren().add(content);
        setMinSize(0, 0);
    }

    /** Call when the content was rebuilt: the next layout picks the density level afresh. */
    public void refit() {
        revision++;
        requestLayout();
    }

    /** The density level in use (0 = everything shown), or -1 before the first layout. */
    public ReadOnlyIntegerProperty levelProperty() {
        return level.getReadOnlyProperty();
    }

    /** The scale the content is drawn at: 1 unless even its most compact form did not fit. */
    public ReadOnlyDoubleProperty shrinkProperty() {
        return shrink.getReadOnlyProperty();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + content.prefWidth(-1);
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double w = width < 0 ? -1 : Math.max(0, width - in.getLeft() - in.getRight());
        return in.getTop() + in.getBottom() + content.prefHeight(w);
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        if (w <= 0 || h <= 0) {
            return;
        }
        double s = shrink.get();
        boolean same = w == fittedWidth && h == fittedHeight && revision == fittedRevision
                && level.get() >= 0 && content.prefHeight(w / s) == fittedNeed
                && content.minWidth(-1) == fittedMinWidth;
        if (!same) {
            int chosen = levels - 1;
            for (int l = 0; l < levels; l++) {
                density.accept(l);
                if (fits(w, h, 1)) {
                    chosen = l;
                    break;
                }
            }
            level.set(chosen);
            s = fits(w, h, 1) ? 1 : largestScale(w, h);
            shrink.set(s);
            fittedWidth = w;
            fittedHeight = h;
            fittedRevision = revision;
            fittedNeed = content.prefHeight(w / s);
            fittedMinWidth = content.minWidth(-1);
        }
        scale.setX(s);
        scale.setY(s);
        content.resizeRelocate(in.getLeft(), in.getTop(), w / s, h / s);
    }

    private boolean fits(double w, double h, double s) {
        double width = w / s;
        return content.minWidth(-1) <= width + 0.5 && content.prefHeight(width) <= h / s + 0.5;
    }

    /** The largest scale at which the content, laid out at width / scale, fits the height. */
    private double largestScale(double w, double h) {
        double lo = MIN_SCALE;
        double hi = 1;
        for (int i = 0; i < 14; i++) {
            double mid = (lo + hi) / 2;
            if (fits(w, h, mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
