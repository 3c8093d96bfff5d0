package org.memvirt.view.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memvirt.view.FitChecks;
import org.memvirt.view.ThemedWindow;
import org.memvirt.viewmodel.compare.CompareViewModel;
import org.memvirt.viewmodel.compare.Workload;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Compare screen fits the space of a lecture-hall screen at every zoom: sized as the main view
 * is on a 1280×720 window with and without side columns and on a 1920×1080 one, at zoom 1, 1.5, 2
 * and 3, in the light and projector themes, at the start, after a step and at the end of a trace:
 * no label is cut, no text leaves its box, nothing scrolls, and all three machines' figures (walk
 * references, VM exits, hidden faults, cycles) and the chart are on screen.
 */
@ExtendWith(ApplicationExtension.class)
class CompareFitTest {
    private static final List<double[]> SIZES = List.of(new double[] {760, 470}, new double[] {1260, 560},
            new double[] {1380, 820}, new double[] {1900, 900});
    private static final List<Double> ZOOMS = List.of(1.0, 1.5, 2.0, 3.0);
    private static final List<String> FIGURES = List.of("refs", "exits", "hidden", "cycles");

    private CompareViewModel viewModel;
    private CompareView view;
    private ThemedWindow window;

    @Start
    void start(Stage stage) {
        viewModel = new CompareViewModel(Workload.values()[0], Runnable::run, Runnable::run);
        view = new CompareView(viewModel, Duration.ZERO);
        window = new ThemedWindow(view);
        // laid out by hand at sizes beyond Monocle's 1280 × 800 screen
        window.setManaged(false);
        stage.setScene(new Scene(new Group(window), 1260, 780));
        stage.show();
    }

    @Test
    void theThreeMachinesFitEverySizeZoomAndTheme(FxRobot robot) {
        List<Runnable> positions = List.of(() -> { }, viewModel::stepForward, viewModel::toEnd);
        List<String> problems = new ArrayList<>();
        for (String theme : List.of("light", "projector")) {
            window.theme(robot, theme);
            robot.interact(viewModel::reset);
            for (int p = 0; p < positions.size(); p++) {
                robot.interact(positions.get(p));
                for (double zoom : theme.equals("light") ? List.of(1.0, 2.0) : ZOOMS) {
                    window.zoom(robot, zoom);
                    for (double[] size : SIZES) {
                        window.layOut(robot, size[0], size[1]);
                        String where = theme + " position " + p + " zoom " + zoom + " at " + (int) size[0] + "x"
                                + (int) size[1] + ": ";
                        FitChecks.truncated(view).forEach(x -> problems.add(where + "cut: " + x));
                        FitChecks.outsideParent(view).forEach(x -> problems.add(where + "outside: " + x));
                        for (String mode : List.of("native", "nested", "shadow")) {
                            for (String figure : FIGURES) {
                                Node n = view.lookup("#" + mode + "-" + figure);
                                if (!FitChecks.inView(n, view)) {
                                    problems.add(where + mode + "-" + figure + " not in view");
                                }
                            }
                        }
                        if (!FitChecks.inView(view.lookup("#cost-chart"), view)) {
                            problems.add(where + "the chart is not in view");
                        }
                        for (Node s : view.lookupAll(".scroll-pane")) {
                            if (s instanceof ScrollPane && FitChecks.isShown(s)) {
                                problems.add(where + "a scroll pane: " + s.getId());
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())), problems.size() + " problems");
    }

    @Test
    void aShortScreenGivesUpDetailsBeforeItScales(FxRobot robot) {
        window.zoom(robot, 1.5);
        window.layOut(robot, 1900, 2400);
        assertEquals(0, view.densityLevel(), "room enough: everything shown");
        assertEquals(1, view.shrink(), 0.001);
        window.layOut(robot, 1380, 700);
        assertTrue(view.densityLevel() > 0, "short: a denser form");
        assertTrue(!FitChecks.isShown(view.lookup("#nested-refs-detail")), "detail lines go first");
        assertTrue(FitChecks.inView(view.lookup("#nested-refs"), view), "the figures stay");
    }
}
