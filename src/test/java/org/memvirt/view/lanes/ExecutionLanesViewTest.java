package org.memvirt.view.lanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memvirt.engine.event.EptFill;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.ExitReason;
import org.memvirt.engine.event.VmEntry;
import org.memvirt.engine.event.VmExit;
import org.memvirt.view.ThemedWindow;
import org.memvirt.viewmodel.lanes.ExecutionLanesViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lanes draw a step's work, appear piece by piece only when asked to, and follow the theme. */
@ExtendWith(ApplicationExtension.class)
class ExecutionLanesViewTest {
    private static final List<Event> DEMAND_PAGING = List.of(
            new VmExit(1, ExitReason.EPT_VIOLATION, 0x181, 0x10a000, 0x7f3a1c408010L, "EPT PT entry not present"),
            new EptFill(1, 0x10a000, 0x2a1b000, "4K"),
            new VmEntry(1, "backed GPA 0x10a000"));

    private final ExecutionLanesViewModel viewModel = new ExecutionLanesViewModel();
    private final Duration[] perSegment = {Duration.ZERO};
    private ExecutionLanesView view;
    private ThemedWindow window;

    @Start
    void start(Stage stage) {
        view = new ExecutionLanesView(viewModel, () -> perSegment[0]);
        window = new ThemedWindow(view);
        stage.setScene(new Scene(window, 900, 200));
        stage.show();
    }

    @Test
    void aStepTakenForwardAppearsPieceByPieceAndAnyOtherMoveAtOnce(FxRobot robot) {
        perSegment[0] = Duration.millis(400);
        robot.interact(() -> viewModel.show(DEMAND_PAGING, false, true));
        assertTrue(view.isAnimating());
        assertTrue(view.segments().get(2).getOpacity() < 1, "the entry is not there yet");

        robot.interact(() -> viewModel.show(DEMAND_PAGING, false, false));
        assertFalse(view.isAnimating());
        assertTrue(view.segments().stream().allMatch(l -> l.getOpacity() == 1));
        assertEquals(List.of("exit: EPT_VIOLATION", "EPT fill", "VM entry"),
                view.segments().stream().map(Label::getText).toList());
    }

    @Test
    void theHeightStaysWhenTheWorkNoLongerFits(FxRobot robot) {
        robot.interact(() -> viewModel.show(DEMAND_PAGING, false, false));
        WaitForAsyncUtils.waitForFxEvents();
        double height = view.getHeight();
        List<Event> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.addAll(DEMAND_PAGING);
        }
        robot.interact(() -> viewModel.show(many, false, false));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.segments().get(35).getBoundsInParent().getMaxX() > 900, "this much work overflows");
        assertEquals(height, view.getHeight(), 0.5);
    }

    @Test
    void theExitIsKnockedOutOfThePanelColourInEachTheme(FxRobot robot) {
        robot.interact(() -> viewModel.show(DEMAND_PAGING, false, false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Color.WHITE, view.segments().get(0).getTextFill());
        window.theme(robot, "dark");
        assertEquals(Color.web("#161b22"), view.segments().get(0).getTextFill());
    }
}
