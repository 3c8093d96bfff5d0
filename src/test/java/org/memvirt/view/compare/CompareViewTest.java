package org.memvirt.view.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memvirt.viewmodel.compare.CompareViewModel;
import org.memvirt.viewmodel.compare.Workload;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Compare screen, clicked as a student clicks it (headless, Play runs at once). */
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {

    private CompareViewModel viewModel;

    @Start
    void start(Stage stage) {
        // the view model as the window shell makes it: traces are recorded on a worker thread
        viewModel = new CompareViewModel();
        // Monocle's headless screen is 1280 × 800; a larger window overflows its frame buffer
        stage.setScene(new Scene(new CompareView(viewModel, Duration.ZERO), 1260, 780));
        stage.show();
    }

    /** Waits until the trace being recorded on the worker is on screen. */
    private void settle() {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !viewModel.busyProperty().get());
        } catch (TimeoutException e) {
            throw new AssertionError("the trace was not recorded within 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean disabled(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Button.class).isDisabled();
    }

    @Test
    void oneStepIsOneReadOnAllThreeMachines(FxRobot robot) {
        settle();
        assertEquals("0 / 2,048", text(robot, "#step-counter"));
        assertEquals("0", text(robot, "#nested-refs"));
        assertTrue(disabled(robot, "#step-back-button"), "nothing to step back to at the start");
        assertTrue(disabled(robot, "#reset-button"));

        robot.clickOn("#step-button");

        assertEquals("1 / 2,048", text(robot, "#step-counter"));
        assertEquals("4", text(robot, "#native-refs"));
        assertEquals("24", text(robot, "#nested-refs"));
        assertEquals("guest 4 + EPT 20", text(robot, "#nested-refs-detail"));
        assertEquals("5", text(robot, "#shadow-refs"), "the empty shadow root, then the full walk after the fill");
        assertEquals("1", text(robot, "#shadow-exits"));
        assertEquals("1", text(robot, "#shadow-hidden"));
        assertEquals("0", text(robot, "#nested-exits"));
        assertTrue(text(robot, "#position-text").startsWith("Step 1 of 2,048: process 1 reads page 0"));
        assertFalse(disabled(robot, "#step-back-button"));

        robot.clickOn("#step-back-button");

        assertEquals("0", text(robot, "#shadow-refs"));
        assertEquals("0 / 2,048", text(robot, "#step-counter"));
    }

    @Test
    void playRunsTheTraceToTheEndAndTheVerdictNamesTheWinner(FxRobot robot) {
        settle();
        robot.clickOn("#play-button");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("2,048 / 2,048", text(robot, "#step-counter"));
        assertEquals("49,152", text(robot, "#nested-refs"));
        assertEquals("8,701", text(robot, "#shadow-refs"));
        assertEquals("128", text(robot, "#shadow-exits"));
        assertEquals("128 × #PF, EXCEPTION_NMI", text(robot, "#shadow-exit-reasons"));
        assertEquals("589,824", text(robot, "#nested-cycles"));
        assertTrue(text(robot, "#verdict").contains("shadow paging is 50 % cheaper"), text(robot, "#verdict"));
        assertEquals("Play", robot.lookup("#play-button").queryAs(Button.class).getText());
        assertTrue(disabled(robot, "#step-button"), "no step after the last");
        assertTrue(disabled(robot, "#to-end-button"));
    }

    @Test
    void contextSwitchesExitUnderShadowOnlyAndOneRootRefillsEveryTime(FxRobot robot) {
        settle();
        robot.clickOn("#workload-context-switch");
        settle();
        assertEquals("0 / 1,279", text(robot, "#step-counter"));
        assertEquals("every 4 reads", text(robot, "#switch-every-value"));

        robot.clickOn("#to-end-button");

        assertEquals("0", text(robot, "#nested-exits"));
        assertEquals("263", text(robot, "#shadow-exits"));
        assertEquals("8 × #PF, EXCEPTION_NMI\n255 × CR3 write, CR_ACCESS", text(robot, "#shadow-exit-reasons"));
        assertEquals("8", text(robot, "#shadow-hidden"), "4 roots: each process fills its 4 pages once");
        assertFalse(robot.lookup("#restore-workload").queryAs(Button.class).isVisible());

        robot.clickOn("#roots-1");
        settle();

        assertEquals("1,024", text(robot, "#shadow-hidden"), "1 root: every read after a switch refills");
        assertEquals("1,279 / 1,279", text(robot, "#step-counter"), "the new trace opens at its end");
        assertTrue(robot.lookup("#restore-workload").queryAs(Button.class).isVisible());

        robot.clickOn("#restore-workload");
        settle();

        assertEquals("8", text(robot, "#shadow-hidden"));
    }

    @Test
    void dearerReferencesFlipTheMixedVerdict(FxRobot robot) {
        settle();
        robot.clickOn("#workload-mixed");
        settle();
        robot.clickOn("#to-end-button");
        assertTrue(text(robot, "#verdict").contains("nested paging is"), text(robot, "#verdict"));

        robot.clickOn("#ref-cost-40");

        assertTrue(text(robot, "#verdict").contains("shadow paging is"), text(robot, "#verdict"));
        assertTrue(text(robot, "#assumption").startsWith("Assumed, not measured: 1 walk reference ≈ 40 cycles"));
    }

    @Test
    void keysStepPlayAndJump(FxRobot robot) {
        settle();
        robot.clickOn("#verdict");
        robot.type(KeyCode.RIGHT, 3);
        assertEquals("3 / 2,048", text(robot, "#step-counter"));

        robot.type(KeyCode.LEFT);
        assertEquals("2 / 2,048", text(robot, "#step-counter"));

        robot.type(KeyCode.END);
        assertEquals("2,048 / 2,048", text(robot, "#step-counter"));

        robot.type(KeyCode.HOME);
        assertEquals("0 / 2,048", text(robot, "#step-counter"));

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2,048 / 2,048", text(robot, "#step-counter"), "with a zero tick, Play draws the end at once");
    }

    @Test
    void theChartFollowsTheMetricPicked(FxRobot robot) {
        settle();
        assertEquals("Estimated cycles so far", text(robot, "#chart-title"));

        robot.clickOn("#metric-vm-exits");

        assertEquals("VM exits so far", text(robot, "#chart-title"));
    }

    @Test
    void aNarrowWindowPutsTheCostsUnderTheColumnsAndKeepsTheTransport(FxRobot robot) {
        CompareView[] narrow = new CompareView[1];
        Stage[] window = new Stage[1];
        robot.interact(() -> {
            narrow[0] = new CompareView(new CompareViewModel(Workload.TLB_SCAN, Runnable::run, Runnable::run),
                    Duration.ZERO);
            window[0] = new Stage();
            window[0].setScene(new Scene(narrow[0], 900, 700));
            window[0].show();
        });
        try {
            assertTrue(narrow[0].getStyleClass().contains("narrow"));
            Button step = robot.from(narrow[0]).lookup("#step-button").queryAs(Button.class);
            assertEquals(ContentDisplay.GRAPHIC_ONLY, step.getContentDisplay(), "icons only, so the transport fits");
            assertTrue(step.localToScene(step.getBoundsInLocal()).getMaxX() <= 900, "the Step button is on screen");
            Node costs = robot.from(narrow[0]).lookup("#cost-panel").query();
            Node columns = robot.from(narrow[0]).lookup("#columns").query();
            assertTrue(costs.localToScene(costs.getBoundsInLocal()).getMinY()
                    > columns.localToScene(columns.getBoundsInLocal()).getMaxY() - 1, "the costs under the columns");

            robot.clickOn(step);

            assertEquals("1 / 2,048", robot.from(narrow[0]).lookup("#step-counter").queryAs(Label.class).getText());
        } finally {
            robot.interact(() -> window[0].close());
        }
        assertFalse(robot.lookup("#compare-view").query().getStyleClass().contains("narrow"),
                "the 1260-wide window is laid out wide");
    }
}
