package org.memvirt.view.memory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memvirt.viewmodel.StepFrame;
import org.memvirt.viewmodel.memory.HostMemoryViewModel;
import org.memvirt.viewmodel.memory.MemoryScenario;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Animations that would take long (a minute a phase, so they never end by themselves in a test):
 * a step starts one, Skip or Esc ends it, and "Fast" stops it and keeps later steps still.
 */
@ExtendWith(ApplicationExtension.class)
class HostMemoryAnimationTest {
    private static final List<StepFrame> LESSON = MemoryScenario.playedLesson();

    private HostMemoryViewModel viewModel;
    private HostMemoryView view;

    @Start
    void start(Stage stage) {
        viewModel = new HostMemoryViewModel();
        viewModel.history().setAll(LESSON);
        viewModel.frameProperty().set(LESSON.get(MemoryScenario.GUEST_SWAP));
        view = new HostMemoryView(viewModel, Duration.minutes(1));
        stage.setScene(new Scene(view, 1260, 780));
        stage.show();
    }

    private boolean skipShown(FxRobot robot) {
        return robot.lookup("#skip-button").queryAs(Button.class).isVisible();
    }

    @Test
    void aStepAnimatesUntilSkipped(FxRobot robot) {
        robot.clickOn("#memory-step-forward");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.isAnimating(), "the balloon inflates");
        assertTrue(skipShown(robot));
        assertTrue(robot.lookup(".summary-line").queryAll().stream()
                .anyMatch(n -> n.getPseudoClassStates().toString().contains("playing")), "its line stands out");

        robot.clickOn("#skip-button");

        assertFalse(view.isAnimating());
        assertFalse(skipShown(robot));
    }

    @Test
    void escapeSkipsTheAnimation(FxRobot robot) {
        robot.clickOn("#memory-step-forward");
        assertTrue(view.isAnimating());

        robot.type(KeyCode.ESCAPE);

        assertFalse(view.isAnimating());
    }

    @Test
    void fastStopsTheAnimationAndLaterStepsDrawTheirResultAtOnce(FxRobot robot) {
        robot.clickOn("#memory-step-forward");
        assertTrue(view.isAnimating());

        robot.clickOn("#fast-toggle");

        assertTrue(robot.lookup("#fast-toggle").queryAs(ToggleButton.class).isSelected());
        assertTrue(viewModel.fastProperty().get());
        assertFalse(view.isAnimating());
        assertNull(viewModel.updateProperty().get().animation());

        robot.clickOn("#memory-step-forward");
        assertFalse(view.isAnimating(), "the pressure step draws its result at once");
        assertTrue(robot.lookup("#memory-headline").queryAs(javafx.scene.control.Label.class).getText()
                .startsWith("Step 13 of 16"));
    }
}
