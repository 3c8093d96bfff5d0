package org.memvirt.view.lanes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javafx.animation.FadeTransition;
import javafx.animation.SequentialTransition;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.view.ViewPalette;
import org.memvirt.viewmodel.lanes.ExecutionLanesViewModel;
import org.memvirt.viewmodel.lanes.ExecutionLanesViewModel.LaneRun;
import org.memvirt.viewmodel.lanes.Lane;
import org.memvirt.viewmodel.lanes.LaneSegment;
import org.memvirt.viewmodel.lanes.SegmentKind;

/**
 * Who ran during the step, as lanes: guest app, guest kernel, hypervisor. The step's work sits
 * in its lane, left to right in the order it ran, joined by a line that drops to the hypervisor at
 * a VM exit and climbs back at the entry, or steps down into the kernel at a guest page fault.
 * A step taken forward draws its work piece by piece; any other move draws it at once.
 */
public final class ExecutionLanesView extends VBox {
    /** The stylesheet of the lanes. */
    public static final String STYLESHEET = "lanes.css";

    private final Supplier<Duration> perSegment;
    private final Track track = new Track();
    private final ScrollPane scroll = new ScrollPane(track);
    private SequentialTransition running;

    /**
     * @param viewModel  what to show
     * @param perSegment how long each piece of work takes to appear when a step is taken forward
     *                   (asked each time: it follows the player's speed; zero: at once)
     */
    public ExecutionLanesView(ExecutionLanesViewModel viewModel, Supplier<Duration> perSegment) {
        this.perSegment = perSegment;
        setId("execution-lanes");
        getStyleClass().add("execution-lanes");
        ViewPalette.applyTo(this);
        getStylesheets().add(ExecutionLanesView.class.getResource(STYLESHEET).toExternalForm());
        scroll.setFitToHeight(true);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // the lanes' stripes run the whole width even when the work is short
        track.minWidthProperty().bind(Bindings.createDoubleBinding(() -> scroll.getViewportBounds().getWidth(),
                scroll.viewportBoundsProperty()));
        scroll.getStyleClass().addAll("lanes-scroll", "plain-scroll");
        getChildren().add(scroll);
        show(viewModel.runProperty().get());
        viewModel.runProperty().addListener((obs, old, now) -> show(now));
    }

    /**
     * As tall as the lanes plus a horizontal scroll bar, whether or not the bar is showing: the
     * views above must not jump up and down as steps with more or less work go by.
     */
    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + track.prefHeight(-1) + scrollBarHeight() + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    private double scrollBarHeight() {
        for (Node n : scroll.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                return Math.ceil(bar.prefHeight(-1));
            }
        }
        return 12;
    }

    /** The segments on screen, in order (tests look at them). */
    public List<Label> segments() {
        return List.copyOf(track.segments);
    }

    /** True while a step's work is still appearing. */
    public boolean isAnimating() {
        return running != null;
    }

    private void show(LaneRun run) {
        if (running != null) {
            running.stop();
            running = null;
        }
        track.set(run);
        Duration each = perSegment.get();
        if (!run.animate() || each.lessThanOrEqualTo(Duration.ZERO) || run.segments().isEmpty()) {
            return;
        }
        SequentialTransition seq = new SequentialTransition();
        for (int i = 0; i < track.segments.size(); i++) {
            List<Node> piece = new ArrayList<>();
            piece.add(track.segments.get(i));
            if (i > 0) {
                piece.add(track.links.get(i - 1));
            }
            for (Node n : piece) {
                n.setOpacity(0);
                FadeTransition f = new FadeTransition(each, n);
                f.setToValue(1);
                seq.getChildren().add(f);
            }
        }
        seq.setOnFinished(e -> running = null);
        running = seq;
        seq.play();
    }

    /** The lanes themselves: titles on the left, work laid out left to right. */
    private static final class Track extends Pane {
        private final Map<Lane, Label> titles = new EnumMap<>(Lane.class);
        private final Map<Lane, Region> rows = new EnumMap<>(Lane.class);
        private final List<Label> segments = new ArrayList<>();
        private final List<Path> links = new ArrayList<>();
        private final Label empty = new Label("Nothing ran in this step.");
        private LaneRun run = new LaneRun(List.of(), false, false);

        Track() {
            getStyleClass().add("lanes-track");
            for (Lane lane : Lane.values()) {
                Region row = new Region();
                row.getStyleClass().addAll("lane-row", "lane-" + css(lane));
                rows.put(lane, row);
                Label title = new Label(lane.title(false), new FontIcon(icon(lane)));
                title.getStyleClass().addAll("lane-title", "lane-" + css(lane));
                titles.put(lane, title);
                getChildren().addAll(row, title);
            }
            empty.getStyleClass().add("lanes-empty");
            getChildren().add(empty);
        }

        void set(LaneRun r) {
            run = r;
            getChildren().removeAll(segments);
            getChildren().removeAll(links);
            segments.clear();
            links.clear();
            titles.forEach((lane, t) -> t.setText(lane.title(r.nativeMode())));
            titles.get(Lane.HYPERVISOR).setText(r.nativeMode() ? "(no hypervisor)" : Lane.HYPERVISOR.title(false));
            for (LaneSegment s : r.segments()) {
                Label l = new Label(s.label(), new FontIcon(icon(s.kind())));
                l.getStyleClass().addAll("lane-segment", "kind-" + css(s.kind()), "lane-" + css(s.lane()));
                l.setMinWidth(Region.USE_PREF_SIZE);
                if (!s.detail().isEmpty()) {
                    Tooltip.install(l, new Tooltip(s.detail()));
                }
                segments.add(l);
            }
            for (int i = 1; i < segments.size(); i++) {
                Path p = new Path();
                p.getStyleClass().add("lane-link");
                Lane from = r.segments().get(i - 1).lane();
                Lane to = r.segments().get(i).lane();
                if (to.ordinal() > from.ordinal()) {
                    p.getStyleClass().add(to == Lane.HYPERVISOR ? "link-exit" : "link-trap");
                } else if (to.ordinal() < from.ordinal()) {
                    p.getStyleClass().add("link-return");
                }
                links.add(p);
            }
            getChildren().addAll(links);
            getChildren().addAll(segments);
            empty.setVisible(segments.isEmpty());
            requestLayout();
        }

        private double rowHeight() {
            return Math.ceil(titles.get(Lane.GUEST_APP).prefHeight(-1) * 1.6);
        }

        private double titleWidth() {
            double w = 0;
            for (Label t : titles.values()) {
                w = Math.max(w, t.prefWidth(-1));
            }
            return Math.ceil(w + rowHeight() * 0.6);
        }

        private double gap() {
            return Math.ceil(rowHeight() * 0.7);
        }

        @Override
        protected double computePrefHeight(double width) {
            return snappedTopInset() + rowHeight() * Lane.values().length + snappedBottomInset();
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected double computePrefWidth(double height) {
            double w = snappedLeftInset() + titleWidth() + gap() / 2;
            for (Label s : segments) {
                w += s.prefWidth(-1) + gap();
            }
            return w + snappedRightInset();
        }

        @Override
        protected void layoutChildren() {
            double h = rowHeight();
            double top = snappedTopInset();
            double left = snappedLeftInset();
            double tw = titleWidth();
            double width = Math.max(getWidth(), computePrefWidth(-1)) - left - snappedRightInset();
            for (Lane lane : Lane.values()) {
                double y = top + lane.ordinal() * h;
                rows.get(lane).resizeRelocate(left, y, width, h);
                Label t = titles.get(lane);
                t.resizeRelocate(left + h * 0.3, y + (h - t.prefHeight(-1)) / 2, tw, t.prefHeight(-1));
            }
            empty.resizeRelocate(left + tw + gap() / 2, top + (h - empty.prefHeight(-1)) / 2,
                    empty.prefWidth(-1), empty.prefHeight(-1));
            double x = left + tw + gap() / 2;
            double[] rightX = new double[segments.size()];
            double[] midY = new double[segments.size()];
            double[] leftX = new double[segments.size()];
            for (int i = 0; i < segments.size(); i++) {
                Label s = segments.get(i);
                double sw = s.prefWidth(-1);
                double sh = Math.min(s.prefHeight(-1), h - 4);
                double y = top + run.segments().get(i).lane().ordinal() * h + (h - sh) / 2;
                s.resizeRelocate(x, y, sw, sh);
                leftX[i] = x;
                rightX[i] = x + sw;
                midY[i] = y + sh / 2;
                x += sw + gap();
            }
            for (int i = 1; i < segments.size(); i++) {
                double mid = (rightX[i - 1] + leftX[i]) / 2;
                Path p = links.get(i - 1);
                p.getElements().setAll(new MoveTo(rightX[i - 1], midY[i - 1]), new LineTo(mid, midY[i - 1]),
                        new LineTo(mid, midY[i]), new LineTo(leftX[i], midY[i]));
            }
        }
    }

    private static String css(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String icon(Lane lane) {
        return switch (lane) {
            case GUEST_APP -> "mdi2a-account";
            case GUEST_KERNEL -> "mdi2c-cog";
            case HYPERVISOR -> "mdi2s-server";
            case HOST_KERNEL -> "mdi2l-linux";
        };
    }

    private static String icon(SegmentKind kind) {
        return switch (kind) {
            case HARDWARE_WALK -> "mdi2c-chip";
            case ACCESS -> "mdi2c-check-circle-outline";
            case GUEST_FAULT -> "mdi2a-alert";
            case KERNEL_WORK -> "mdi2p-pencil";
            case VM_EXIT -> "mdi2l-logout";
            case HYPERVISOR_WORK -> "mdi2l-layers";
            case HOST_KERNEL_WORK -> "mdi2f-file-tree";
            case VM_ENTRY -> "mdi2l-login";
        };
    }
}
