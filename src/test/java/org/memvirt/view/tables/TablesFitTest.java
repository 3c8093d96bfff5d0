package org.memvirt.view.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.shape.CubicCurve;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memvirt.lesson.LessonLoad;
import org.memvirt.lesson.LessonLoader;
import org.memvirt.lesson.LessonPlayer;
import org.memvirt.view.FitChecks;
import org.memvirt.view.ThemedWindow;
import org.memvirt.viewmodel.StepFrame;
import org.memvirt.viewmodel.tables.EntryMark;
import org.memvirt.viewmodel.tables.TablesViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Tables view fits the space of a lecture-hall screen at every zoom: sized as the main view is
 * on a 1280×720 window with its side columns, on a 1280×720 window without them, and on a
 * 1920×1080 one, at zoom 1, 1.5, 2 and 3, in the light and projector themes, for steps of the
 * shadow lessons, no label is cut with an ellipsis, no text leaves its box, every entry in use is
 * on screen without scrolling, and every arrow still starts and ends at a card.
 */
@ExtendWith(ApplicationExtension.class)
class TablesFitTest {
    /** Main-view sizes: 1280×720 with side columns, 1280×720 without, 1920×1080 with and without. */
    private static final List<double[]> SIZES = List.of(new double[] {760, 470}, new double[] {1260, 560},
            new double[] {1380, 820}, new double[] {1900, 900});
    private static final List<Double> ZOOMS = List.of(1.0, 1.5, 2.0, 3.0);
    private static final List<String> THEMES = List.of("light", "projector");

    /** Played lessons, shared by the tests (playing one takes a while). */
    private static final Map<String, LessonPlayer> PLAYERS = new ConcurrentHashMap<>();

    private final TablesViewModel viewModel = new TablesViewModel();
    private TablesView view;
    private ThemedWindow window;

    @Start
    void start(Stage stage) {
        view = new TablesView(viewModel, Duration.ZERO);
        window = new ThemedWindow(view);
        // laid out by hand at sizes beyond Monocle's 1280 × 800 screen
        window.setManaged(false);
        stage.setScene(new Scene(new Group(window), 1260, 780));
        stage.show();
    }

    private static StepFrame frame(String lesson, int position) {
        LessonPlayer player = PLAYERS.computeIfAbsent(lesson, name -> {
            LessonLoad load = new LessonLoader().load(Path.of("lessons", name));
            assertTrue(load.playable(), name + " loads");
            return new LessonPlayer(load.played());
        });
        player.jumpTo(position);
        String title = player.current().map(s -> s.step().title()).orElse("Introduction");
        return new StepFrame(position, title, player.snapshot(), player.shownEvents());
    }

    @Test
    void everyStepFitsEverySizeZoomAndTheme(FxRobot robot) {
        List<StepFrame> frames = List.of(frame("09-shadow-sync.yaml", 8), 
                frame("10-shadow-context-switch.yaml", 7), frame("10-shadow-context-switch.yaml", 12),
                frame("11-nested-vs-shadow.yaml", 4));
        List<String> problems = new ArrayList<>();
        for (String theme : THEMES) {
            window.theme(robot, theme);
            for (StepFrame f : frames) {
                robot.interact(() -> viewModel.setFrame(f));
                // the light theme draws the same boxes: two zooms of it are enough
                for (double zoom : theme.equals("light") ? List.of(1.0, 2.0) : ZOOMS) {
                    window.zoom(robot, zoom);
                    for (double[] size : SIZES) {
                        window.layOut(robot, size[0], size[1]);
                        String where = theme + " step " + f.index() + " '" + f.title() + "' zoom " + zoom + " at "
                                + (int) size[0] + "x" + (int) size[1] + ": ";
                        FitChecks.truncated(view).forEach(p -> problems.add(where + "cut: " + p));
                        FitChecks.outsideParent(view).forEach(p -> problems.add(where + "outside: " + p));
                        inUseOffScreen().forEach(p -> problems.add(where + "entry in use not in view: " + p));
                        loneArrows().forEach(p -> problems.add(where + "arrow: " + p));
                        if (!robot.lookup(".column-scroll").queryAll().stream().filter(FitChecks::isShown)
                                .toList().isEmpty()) {
                            problems.add(where + "a column scrolls without Show all");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())),
                problems.size() + " problems");
    }

    @Test
    void aShortViewGivesUpSecondaryLinesBeforeItScales(FxRobot robot) {
        window.theme(robot, "projector");
        robot.interact(() -> viewModel.setFrame(frame("09-shadow-sync.yaml", 8)));
        window.zoom(robot, 1.5);
        window.layOut(robot, 1900, 2000);
        assertEquals(0, view.densityLevel(), "room enough: everything shown");
        assertEquals(1, view.shrink(), 0.001);
        int rowsShown = shownEntries(robot).size();
        window.layOut(robot, 1380, 620);
        assertTrue(view.densityLevel() > 0, "short: a denser form");
        assertTrue(shownEntries(robot).size() <= rowsShown);
        assertFalse(robot.lookup(".column-subtitle").queryAll().stream().anyMatch(FitChecks::isShown),
                "the subtitles go first");
        assertTrue(inUseOffScreen().isEmpty(), "the entries in use stay in view");
    }

    @Test
    void showAllScrollsOnlyThen(FxRobot robot) {
        robot.interact(() -> viewModel.setFrame(frame("09-shadow-sync.yaml", 8)));
        robot.interact(() -> viewModel.showAllProperty().set(true));
        window.layOut(robot, 760, 470);
        List<Node> scrolls = robot.lookup(".column-scroll").queryAll().stream().filter(FitChecks::isShown).toList();
        assertFalse(scrolls.isEmpty(), "with Show all the columns scroll");
        assertTrue(scrolls.stream().allMatch(ScrollPane.class::isInstance));
        robot.interact(() -> viewModel.showAllProperty().set(false));
        window.layOut(robot, 760, 470);
        assertTrue(robot.lookup(".column-scroll").queryAll().stream().noneMatch(FitChecks::isShown));
    }

    private List<EntryRowView> shownEntries(FxRobot robot) {
        return robot.lookup(".entry-row").queryAll().stream().filter(EntryRowView.class::isInstance)
                .map(EntryRowView.class::cast).filter(FitChecks::isShown).toList();
    }

    private List<String> inUseOffScreen() {
        List<String> off = new ArrayList<>();
        for (Node n : view.lookupAll(".entry-row")) {
            if (n instanceof EntryRowView r && r.row().has(EntryMark.PATH) && !FitChecks.inView(r.card(), view)) {
                off.add(r.getId());
            }
        }
        return off;
    }

    /** Arrows whose ends are not at a shown card (within half an em). */
    private List<String> loneArrows() {
        List<Bounds> cards = new ArrayList<>();
        double em = 14;
        for (Node n : view.lookupAll(".entry-row")) {
            if (n instanceof EntryRowView r && FitChecks.isShown(r)) {
                cards.add(r.card().localToScene(r.card().getLayoutBounds()));
                em = r.fontSize();
            }
        }
        List<String> lone = new ArrayList<>();
        Set<Node> curves = view.lookupAll(".link-line");
        for (Node n : curves) {
            if (!(n instanceof CubicCurve c)) {
                continue; // the legend's sample line
            }
            Point2D a = c.localToScene(c.getStartX(), c.getStartY());
            Point2D b = c.localToScene(c.getEndX(), c.getEndY());
            double reach = em * view.shrink() * 1.2;
            if (!near(cards, a, reach) || !near(cards, b, reach)) {
                lone.add(a + " → " + b);
            }
        }
        return lone;
    }

    private static boolean near(List<Bounds> cards, Point2D p, double reach) {
        return cards.stream().anyMatch(b -> p.getX() >= b.getMinX() - reach && p.getX() <= b.getMaxX() + reach
                && p.getY() >= b.getMinY() && p.getY() <= b.getMaxY());
    }
}
