package org.memvirt.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
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

/**
 * The walk screen follows the window's theme and the presenter's zoom: the window root's theme
 * class and font size, as the lesson window sets them, reach the grid's cells.
 */
@ExtendWith(ApplicationExtension.class)
class WalkViewThemeTest {
    private WalkViewModel viewModel;
    private ThemedWindow window;

    @Start
    void start(Stage stage) {
        viewModel = new WalkViewModel(new WalkScenario());
        window = new ThemedWindow(new WalkView(viewModel, Duration.ZERO));
        // Monocle's headless screen is 1280 × 800; a larger window overflows its frame buffer
        stage.setScene(new Scene(window, 1260, 780));
        stage.show();
    }

    private static Paint background(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Region.class).getBackground().getFills().get(0).getFill();
    }

    private static Paint lineText(FxRobot robot, String cellId) {
        Node line = robot.from(robot.lookup(cellId).queryAs(Region.class)).lookup(".cell-line").query();
        return ((Label) line).getTextFill();
    }

    private static double brightness(Paint p) {
        return ((Color) p).getBrightness();
    }

    @Test
    void readAndCurrentCellsTakeTheDarkPaletteWithLightInk(FxRobot robot) {
        robot.interact(() -> {
            viewModel.stepForward();
            viewModel.stepForward();
        });
        // cell 0-0 (EPT PML4 for the guest PML4) is read, cell 0-1 is being read
        assertEquals(Color.web("#fbe8c2"), background(robot, "#cell-0-0"), "light: the host tint");
        assertEquals(Color.web("#4d3500"), lineText(robot, "#cell-0-0"), "light: the host ink");

        window.theme(robot, "dark");

        assertEquals(Color.web("#45330b"), background(robot, "#cell-0-0"), "dark: a dark host tint");
        assertEquals(Color.web("#fde7b0"), lineText(robot, "#cell-0-0"), "dark: light ink on it");
        assertEquals(Color.web("#f0b429"), background(robot, "#cell-0-1"), "the cell read now stays solid");
        assertTrue(brightness(lineText(robot, "#cell-0-1")) < 0.3, "dark text on the bright solid host colour");
        assertTrue(brightness(background(robot, "#walk-view")) < 0.2, "the view's backdrop is dark");

        window.theme(robot, "projector");

        assertEquals(Color.BLACK, lineText(robot, "#cell-0-0"));
        assertEquals(Color.BLACK, robot.lookup("#headline").queryAs(Label.class).getTextFill());
    }

    @Test
    void theGuestCellReadNowTakesWhiteOrDarkInkAsItsColourNeeds(FxRobot robot) {
        robot.interact(() -> viewModel.goTo(5));
        // reference 5 is the guest PML4 entry itself: cell 0-4, solid guest blue
        assertEquals(Color.web("#0072B2"), background(robot, "#cell-0-4"));
        assertEquals(Color.WHITE, lineText(robot, "#cell-0-4"), "white on the light theme's deep blue");

        window.theme(robot, "dark");

        assertEquals(Color.web("#56a3dc"), background(robot, "#cell-0-4"));
        assertEquals(Color.web("#1f2328"), lineText(robot, "#cell-0-4"), "dark ink on the dark theme's bright blue");
    }

    @Test
    void levelTintsAndPendingCellsStayDistinctInTheDark(FxRobot robot) {
        window.theme(robot, "dark");

        Paint top = background(robot, "#virtual-address .level-4");
        Paint second = background(robot, "#virtual-address .level-3");
        Paint bottom = background(robot, "#virtual-address .level-1");
        assertTrue(brightness(top) < 0.6, "a dark tint, not a light island: " + top);
        assertNotEquals(top, second);
        assertTrue(brightness(top) > brightness(bottom), "the top level is the strongest tint");
        Paint pending = robot.lookup("#cell-2-2").queryAs(Region.class).getBorder().getStrokes().get(0).getTopStroke();
        assertNotEquals(background(robot, "#cell-2-2"), pending, "a cell to come shows its dashed edge");
    }

    @Test
    void theGridGrowsWithThePresentersZoom(FxRobot robot) {
        double headline = robot.lookup("#headline").queryAs(Label.class).getFont().getSize();
        Label row = robot.lookup("#walk-grid .row-title").queryAs(Label.class);
        double rowTitle = row.getFont().getSize();

        window.zoom(robot, 1.5);

        // the walk grows with the zoom as far as its room allows, then draws its text smaller to fit
        double grown = robot.lookup("#headline").queryAs(Label.class).getFont().getSize();
        assertTrue(grown > headline && grown <= headline * 1.5 + 0.01, "headline " + headline + " → " + grown);
        assertEquals(grown / headline, row.getFont().getSize() / rowTitle, 0.01, "the grid scales with the headline");
    }

    @Test
    void atAHighZoomNoLineOfACellIsDrawnOutsideIt(FxRobot robot) {
        window.zoom(robot, 2.0);
        robot.interact(() -> viewModel.toEnd());
        WaitForAsyncUtils.waitForFxEvents();

        int hidden = 0;
        for (Node cell : robot.lookup(".walk-cell").queryAll()) {
            Region r = (Region) cell;
            for (Node line : r.getChildrenUnmodifiable()) {
                if (line.isVisible()) {
                    assertTrue(line.getBoundsInParent().getMaxY() <= r.getHeight() - r.snappedBottomInset() + 0.5,
                            cell.getId() + " draws a line below its border");
                } else {
                    hidden++;
                }
            }
        }
        assertTrue(hidden > 0, "at 2x in this window some lines do not fit and are left out");
    }
}
