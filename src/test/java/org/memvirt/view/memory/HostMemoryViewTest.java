package org.memvirt.view.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.viewmodel.StepFrame;
import org.memvirt.viewmodel.memory.GuestPageState;
import org.memvirt.viewmodel.memory.GuestStrip;
import org.memvirt.viewmodel.memory.HostMemoryViewModel;
import org.memvirt.viewmodel.memory.MemoryPicture;
import org.memvirt.viewmodel.memory.MemoryScenario;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Host memory screen with the demo lesson, used as a student uses it (headless, animations off). */
@ExtendWith(ApplicationExtension.class)
class HostMemoryViewTest {
    private static final List<StepFrame> LESSON = MemoryScenario.playedLesson();

    private HostMemoryViewModel viewModel;
    private HostMemoryView view;

    @Start
    void start(Stage stage) {
        viewModel = new HostMemoryViewModel();
        viewModel.history().setAll(LESSON);
        viewModel.frameProperty().set(LESSON.get(0));
        view = new HostMemoryView(viewModel, Duration.ZERO);
        // Monocle's headless screen is 1280 × 800; a larger window overflows its frame buffer
        stage.setScene(new Scene(view, 1260, 780));
        stage.show();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void jumpTo(FxRobot robot, int step) {
        robot.interact(() -> viewModel.goTo(step));
    }

    @Test
    void steppingForwardUpdatesHeadlineCountersAndLegend(FxRobot robot) {
        assertTrue(text(robot, "#memory-headline").startsWith("Step 0 of 16"));
        assertTrue(robot.lookup("#memory-step-back").queryAs(Button.class).isDisabled());

        robot.clickOn("#memory-step-forward");

        assertTrue(text(robot, "#memory-headline").startsWith("Step 1 of 16 · VM 1 reads its 460 pages"),
                text(robot, "#memory-headline"));
        assertEquals("2,874", text(robot, "#counter-hostFramesFree"));
        assertTrue(robot.lookup(".legend-label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("Free · 2,874")), "the legend counts the free frames");
        assertTrue(robot.lookup(".summary-line").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("First touch: 100 guest pages of VM 1")));
        assertFalse(robot.lookup("#memory-step-back").queryAs(Button.class).isDisabled());
    }

    @Test
    void hoveringASharedFrameReadsItInTheInfoLine(FxRobot robot) {
        jumpTo(robot, MemoryScenario.AFTER_SHARING);
        MemoryPicture p = viewModel.updateProperty().get().picture();
        int shared = -1;
        for (int pfn = 0; pfn < p.frames().frameCount() && shared < 0; pfn++) {
            if (p.frames().frame(pfn).use() == FrameUse.SHARED && p.frames().frame(pfn).refs() == 3) {
                shared = pfn;
            }
        }
        MemoryMapPane map = view.map();
        CellGrid grid = map.geometry().frames();

        robot.moveTo(map.localToScreen(grid.centerX(shared), grid.centerY(shared)));
        WaitForAsyncUtils.waitForFxEvents();

        String info = text(robot, "#info-line");
        assertTrue(info.startsWith("Frame " + String.format(java.util.Locale.ROOT, "%,d", shared) + " (hPA"), info);
        assertTrue(info.contains("shared read-only, 3 references · mapped by VM 1 gPA"), info);
        assertEquals(3, viewModel.highlightProperty().get().guestPages().size());
    }

    @Test
    void hoveringAPageInVm3sBalloonReadsIt(FxRobot robot) {
        jumpTo(robot, MemoryScenario.BALLOON);
        GuestStrip vm3 = viewModel.updateProperty().get().picture().strip(3);
        int gfn = -1;
        for (int g = 0; g < vm3.pageCount() && gfn < 0; g++) {
            if (vm3.state(g) == GuestPageState.BALLOON) {
                gfn = g;
            }
        }
        CellGrid strip = view.map().geometry().strip(3);

        robot.moveTo(view.map().localToScreen(strip.centerX(gfn), strip.centerY(gfn)));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(text(robot, "#info-line").startsWith("VM 3 gPA"), text(robot, "#info-line"));
        assertTrue(text(robot, "#info-line").contains("in the balloon"), text(robot, "#info-line"));
        assertEquals("balloon 150 of 150", text(robot, "#balloon-label-3"));

        robot.moveTo("#memory-headline");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#info-line").startsWith("Point at a frame"), "leaving the map clears the line");
    }

    @Test
    void clickingTheChartGoesToThatStep(FxRobot robot) {
        FreeMemoryChart chart = robot.lookup("#free-memory-chart").queryAs(FreeMemoryChart.class);
        robot.interact(() -> robot.lookup("#memory-side-scroll").queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(0.5));
        WaitForAsyncUtils.waitForFxEvents();

        Point2D at = chart.localToScreen(chart.xOf(MemoryScenario.PRESSURE), chart.getHeight() / 2);
        robot.clickOn(at);

        assertEquals(MemoryScenario.PRESSURE, viewModel.positionProperty().get());
        assertTrue(text(robot, "#memory-headline").startsWith("Step 13 of 16 · Memory pressure"));
        assertTrue(text(robot, "#state-text").contains("HIGH"), text(robot, "#state-text"));
        assertTrue(text(robot, "#chart-readout").startsWith("Step 13: free 246"), text(robot, "#chart-readout"));
    }

    @Test
    void theVmTheHostTakesFromFirstIsMarked(FxRobot robot) {
        jumpTo(robot, MemoryScenario.GUEST_SWAP);

        assertEquals(1, robot.lookup("#lowest-rho").queryAll().size());
        assertEquals("120", text(robot, "#vm3-figure-3"), "VM 3's guest swap");
    }
}
