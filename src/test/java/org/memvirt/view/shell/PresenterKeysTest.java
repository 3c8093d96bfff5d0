package org.memvirt.view.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Polyline;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memvirt.view.WalkView;
import org.memvirt.viewmodel.WalkScenario;
import org.memvirt.viewmodel.WalkViewModel;
import org.memvirt.viewmodel.shell.LessonCatalog;
import org.memvirt.viewmodel.shell.LessonWalkViewModel;
import org.memvirt.viewmodel.shell.LessonWindowViewModel;
import org.memvirt.viewmodel.shell.MemorySettingsStore;
import org.memvirt.viewmodel.shell.PresenterViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A presenter with a clicker: Page Down / Up, blanking the screen, F5 / Shift+F5 / Esc; one transport at a time. */
@ExtendWith(ApplicationExtension.class)
class PresenterKeysTest {
    private LessonWindowViewModel vm;
    private LessonWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        PresenterViewModel presenter = new PresenterViewModel(new MemorySettingsStore());
        vm = new LessonWindowViewModel(new LessonCatalog(getClass().getClassLoader()), Runnable::run, Runnable::run,
                presenter, new LessonWalkViewModel(LessonWalkViewModel.lessonWalkScreen()));
        CenterView explorer = new CenterView("Walk explorer", "walk-explorer",
                () -> new WalkView(new WalkViewModel(new WalkScenario()), Duration.ZERO), false);
        window = new LessonWindow(vm, List.of(LessonWindow.walkView(vm, Duration.ZERO), explorer), Duration.ZERO);
        stage.setScene(new Scene(window, 1260, 780));
        window.attach(stage);
        stage.show();
        vm.openFirstLesson();
    }

    private int position() {
        return vm.positionProperty().get();
    }

    private static void ctrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
    }

    private static void shift(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.SHIFT).type(key).release(KeyCode.SHIFT);
    }

    @Test
    void aClickersPageDownAndPageUpStepAndDownUpToo(FxRobot robot) {
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(1, position(), "Page Down: one step, not a chapter");
        robot.type(KeyCode.DOWN);
        assertEquals(2, position());
        robot.type(KeyCode.PAGE_UP);
        assertEquals(1, position());
        robot.type(KeyCode.UP);
        assertEquals(0, position());

        ctrl(robot, KeyCode.PAGE_DOWN);
        int chapter = vm.chapterIndexProperty().get();
        assertTrue(position() > 1, "Ctrl+PgDn: the next chapter, at " + position());
        shift(robot, KeyCode.N);
        assertEquals(chapter + 1, vm.chapterIndexProperty().get(), "Shift+N: the next chapter too");
        shift(robot, KeyCode.P);
        assertEquals(chapter, vm.chapterIndexProperty().get(), "Shift+P: back a chapter");
    }

    @Test
    void theStepKeysWorkWithTheFocusInTheOutline(FxRobot robot) {
        Node row = robot.lookup("5  References 6–10: the PDPT").query();
        robot.clickOn(robot.point(row).atPosition(javafx.geometry.Pos.CENTER_LEFT)
                .atOffset(new javafx.geometry.Point2D(30, 0)));
        assertEquals(5, position());
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(6, position(), "the outline does not swallow the clicker's key");
        robot.type(KeyCode.DOWN);
        assertEquals(7, position());
        robot.type(KeyCode.UP);
        assertEquals(6, position());
    }

    @Test
    void bAndPeriodBlankTheScreenAndAnyKeyBringsItBack(FxRobot robot) {
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.B);
        Node blank = robot.lookup("#blank-screen").query();
        assertTrue(blank.isVisible(), "B blanks");
        assertEquals(window.getWidth(), blank.getLayoutBounds().getWidth(), 1.0, "over the whole window");
        assertFalse(vm.presenter().blockUntilAnsweredProperty().get(), "and changes no setting");
        robot.type(KeyCode.RIGHT);
        assertFalse(blank.isVisible(), "any key brings the lesson back");
        assertEquals(1, position(), "and does nothing else");

        robot.type(KeyCode.PERIOD);
        assertTrue(blank.isVisible(), "'.' blanks too");
        robot.type(KeyCode.PAGE_DOWN);
        assertFalse(blank.isVisible());
        assertEquals(1, position());

        robot.type(KeyCode.B);
        robot.clickOn(blank);
        assertFalse(blank.isVisible(), "a click brings it back");
        assertEquals(1, position());
    }

    @Test
    void f5PresentsFromTheStartShiftF5FromHereEscLeaves(FxRobot robot) {
        robot.type(KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.RIGHT);
        shift(robot, KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isFullScreen(), "Shift+F5: full screen");
        assertEquals(3, position(), "from the step on screen");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isFullScreen(), "Esc leaves full screen");
        assertEquals(3, position());

        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isFullScreen(), "F5: full screen");
        assertEquals(0, position(), "from the first step");
        assertEquals(0, vm.library().errors().size(), "F5 does not reload");

        robot.type(KeyCode.F1);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#shortcut-sheet").query().isVisible(), "Esc closes the sheet first");
        assertTrue(stage.isFullScreen(), "and only the sheet");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isFullScreen());
    }

    @Test
    void answerBeforeNextIsOnAKeyNoRemoteSendsAndSaysWhyNextWaits(FxRobot robot) {
        robot.type(KeyCode.RIGHT);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.A).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertTrue(vm.presenter().blockUntilAnsweredProperty().get());
        assertTrue(robot.lookup("#lesson-step").queryAs(Button.class).isDisabled());
        Label why = robot.lookup("#lesson-step-why").queryAs(Label.class);
        assertTrue(why.isVisible());
        assertEquals("Answer the question first (answer before Next is on)", why.getText());
        assertTrue(robot.lookup("#waiting-for-answer").queryAs(Label.class).getText()
                .startsWith("Answer the question first (answer before Next is on)"), "the step panel says it too");
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(1, position(), "Next waits");
        robot.type(KeyCode.R);
        assertFalse(why.isVisible(), "revealed: Next goes on");
    }

    @Test
    void playStopsAtAQuestion(FxRobot robot) {
        robot.type(KeyCode.SPACE);
        assertEquals(1, position(), "Play stops where a question waits for an answer");
        assertFalse(vm.playingProperty().get());
        robot.type(KeyCode.SPACE);
        assertTrue(position() > 1, "Space again goes on");
    }

    /** The steps the chart's lines reach: their points over two. */
    private static int chartedPositions(FxRobot robot) {
        return robot.lookup("#counter-chart").query().lookupAll(".chart-line").stream()
                .filter(n -> n instanceof Polyline).mapToInt(n -> ((Polyline) n).getPoints().size() / 2).max()
                .orElse(0);
    }

    @Test
    void theChartDrawsNothingPastTheStepOnScreen(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, chartedPositions(robot), "the introduction: position 0 only");
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, chartedPositions(robot));
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(14, chartedPositions(robot), "at the end, the whole lesson");
        Label name = robot.lookup("#counter-name-walkRefs").queryAs(Label.class);
        assertEquals("walk references", name.getText(), "named in words");
        assertTrue(name.getTooltip().getText().contains("walkRefs"), "the command-line name in the tooltip");
    }

    @Test
    void theWalkExplorerTakesOverTheBottomBarAndTheKeys(FxRobot robot) {
        Node lessonBar = robot.lookup("#lesson-transport").query();
        assertTrue(lessonBar.isVisible());
        ctrl(robot, KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(lessonBar.isVisible(), "one transport: the explorer's own");
        assertEquals(1, robot.lookup("#transport-bar").queryAll().size());
        robot.type(KeyCode.PAGE_DOWN);
        robot.type(KeyCode.RIGHT);
        assertEquals("reference 2 of 24", robot.lookup("#reference-counter").queryAs(Label.class).getText(),
                "the keys drive the view on screen");
        assertEquals(0, position(), "not the lesson");
        robot.type(KeyCode.PAGE_UP);
        assertEquals("reference 1 of 24", robot.lookup("#reference-counter").queryAs(Label.class).getText());
        robot.clickOn("Walk");
        assertTrue(lessonBar.isVisible());
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(1, position(), "back on the lesson's view, the keys are the lesson's");
    }
}
