package org.memvirt.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memvirt.viewmodel.WalkScenario;
import org.memvirt.viewmodel.WalkViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The walk screen, clicked as a student clicks it (headless, animations off). */
@ExtendWith(ApplicationExtension.class)
class WalkViewTest {
    private WalkViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = new WalkViewModel(new WalkScenario());
        // Monocle's headless screen is 1280 × 800; a larger window overflows its frame buffer
        stage.setScene(new Scene(new WalkView(viewModel, Duration.ZERO), 1260, 780));
        stage.show();
    }

    private static String counter(FxRobot robot) {
        return robot.lookup("#reference-counter").queryAs(Label.class).getText();
    }

    private static boolean disabled(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Button.class).isDisabled();
    }

    @Test
    void stepThroughAllReferencesThenBack(FxRobot robot) {
        assertEquals("reference 0 of 24", counter(robot));
        assertTrue(disabled(robot, "#step-back-button"), "nothing to step back to at the start");
        assertTrue(disabled(robot, "#reset-button"));

        for (int i = 1; i <= 24; i++) {
            robot.clickOn("#step-button");
        }

        assertEquals("reference 24 of 24", counter(robot));
        assertTrue(disabled(robot, "#step-button"), "no reference after the last");
        assertTrue(disabled(robot, "#to-end-button"));
        assertTrue(robot.lookup("#result").queryAs(Label.class).isVisible());

        robot.clickOn("#step-back-button");

        assertEquals("reference 23 of 24", counter(robot));
        assertFalse(disabled(robot, "#step-button"));
        assertFalse(robot.lookup("#result").queryAs(Label.class).isVisible());
    }

    @Test
    void theCellJustReadIsLitAndDecoded(FxRobot robot) {
        for (int i = 0; i < 5; i++) {
            robot.clickOn("#step-button");
        }

        Node guestPml4 = robot.lookup("#cell-0-4").query();
        assertTrue(guestPml4.getPseudoClassStates().contains(PseudoClass.getPseudoClass("current")));
        assertTrue(robot.lookup("#cell-0-3").query().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("done")));
        assertEquals("Guest PML4 entry 254", robot.lookup("#entry-heading").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#caption").queryAs(Label.class).getText().startsWith("Guest PML4 entry 254 →"));
        assertEquals(5, robot.lookup("#event-log").queryAs(ListView.class).getItems().size(),
                "with the caches off, the log holds just the five references made");
    }

    @Test
    void fiveGuestAndHostLevelsMakeThirtyFive(FxRobot robot) {
        robot.clickOn("#step-button");

        robot.clickOn("#guest-levels-5");
        assertEquals("reference 0 of 29", counter(robot));
        robot.clickOn("#host-levels-5");

        assertEquals("reference 0 of 35", counter(robot));
        assertEquals("0x0012_7f3a_1c40_2000", robot.lookup("#address").queryAs(TextField.class).getText());
        assertEquals(36, robot.lookup(".walk-cell").queryAll().stream()
                .filter(n -> n.getId() != null && n.getId().startsWith("cell-")).count(), "6 × 6 cells");
    }

    @Test
    void keysStepPlayAndJump(FxRobot robot) {
        robot.clickOn("#headline");
        robot.type(KeyCode.RIGHT, 3);
        assertEquals("reference 3 of 24", counter(robot));

        robot.type(KeyCode.LEFT);
        assertEquals("reference 2 of 24", counter(robot));

        robot.type(KeyCode.END);
        assertEquals("reference 24 of 24", counter(robot));

        robot.type(KeyCode.HOME);
        assertEquals("reference 0 of 24", counter(robot));

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("reference 24 of 24", counter(robot), "with zero duration, Play draws the end at once");
    }

    @Test
    void playButtonRunsTheWalk(FxRobot robot) {
        robot.clickOn("#play-button");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("reference 24 of 24", counter(robot));
        assertEquals("Play", robot.lookup("#play-button").queryAs(Button.class).getText());
    }

    @Test
    void aLargeGuestPageShortensTheWalkAndMarksSkippedCells(FxRobot robot) {
        robot.clickOn("#guest-page-2m");

        assertEquals("reference 0 of 19", counter(robot));
        assertTrue(robot.lookup("#cell-3-0").query().getStyleClass().contains("kind-large-page"));
    }

    @Test
    void aBadAddressShowsAMessageNotACrash(FxRobot robot) {
        robot.doubleClickOn("#address");
        robot.interact(() -> robot.lookup("#address").queryAs(TextField.class).setText("0x8000_0000_0000"));
        robot.clickOn("#address-apply");

        Label error = robot.lookup("#error-message").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("not a canonical address"), error.getText());
        assertEquals("no walk", counter(robot));
        assertTrue(disabled(robot, "#play-button"));

        robot.interact(() -> robot.lookup("#address").queryAs(TextField.class).setText("0x7f3a_1c40_2000"));
        robot.clickOn("#address-apply");

        assertFalse(robot.lookup("#error-message").queryAs(Label.class).isVisible());
        assertEquals("reference 0 of 24", counter(robot));
    }
}
