package org.memvirt.view.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memvirt.view.ThemedWindow;
import org.memvirt.viewmodel.compare.CompareViewModel;
import org.memvirt.viewmodel.compare.Workload;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Compare screen follows the window's theme and the presenter's zoom: the window root's theme
 * class and font size, as the lesson window sets them, reach the cards, the numbers and the chart.
 */
@ExtendWith(ApplicationExtension.class)
class CompareViewThemeTest {
    private ThemedWindow window;

    @Start
    void start(Stage stage) {
        // traces recorded at once, on the FX thread
        CompareViewModel viewModel = new CompareViewModel(Workload.TLB_SCAN, Runnable::run, Runnable::run);
        viewModel.goTo(40);
        window = new ThemedWindow(new CompareView(viewModel, Duration.ZERO));
        // Monocle's headless screen is 1280 × 800; a larger window overflows its frame buffer
        stage.setScene(new Scene(window, 1260, 780));
        stage.show();
    }

    private static Paint background(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Region.class).getBackground().getFills().get(0).getFill();
    }

    private static Paint text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getTextFill();
    }

    /**
     * The chart's vertical axis, in the ink colour: the first solid pixel from the left on the row
     * halfway between the two top grid lines (unbroken rows, unlike text), clear of the labels.
     */
    private static Axis axis(FxRobot robot) {
        Node chart = robot.lookup("#cost-chart").query();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.TRANSPARENT);
            image[0] = chart.snapshot(p, null);
        });
        PixelReader pixels = image[0].getPixelReader();
        int width = (int) image[0].getWidth();
        List<Integer> gridLines = new ArrayList<>();
        for (int y = 0; y < image[0].getHeight() && gridLines.size() < 2; y++) {
            int run = 0;
            int longest = 0;
            for (int x = 0; x < width; x++) {
                run = pixels.getColor(x, y).getOpacity() > 0.3 ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
            boolean sameLine = !gridLines.isEmpty() && y - gridLines.get(gridLines.size() - 1) < 4;
            if (longest > 60 && !sameLine) {
                gridLines.add(y);
            }
        }
        assertEquals(2, gridLines.size(), "two grid lines in the chart");
        int y = (gridLines.get(0) + gridLines.get(1)) / 2;
        for (int x = 0; x < width; x++) {
            Color c = pixels.getColor(x, y);
            if (c.getOpacity() > 0.5) {
                return new Axis(x, c);
            }
        }
        throw new AssertionError("no axis in the chart's row " + y);
    }

    private record Axis(int x, Color colour) {
    }

    @Test
    void cardsNumbersAndTheChartTurnDarkWithTheTheme(FxRobot robot) {
        assertEquals(Color.WHITE, background(robot, "#nested-column"));
        assertTrue(axis(robot).colour().getBrightness() < 0.4, "light: the axis in dark ink");

        window.theme(robot, "dark");

        assertEquals(Color.web("#161b22"), background(robot, "#nested-column"), "a dark card");
        assertEquals(Color.web("#56a3dc"), text(robot, "#nested-refs"), "the nested number in the dark theme's blue");
        assertEquals(Color.web("#ff7a3d"), text(robot, "#shadow-exits"), "exits in the bright vermillion");
        assertEquals(Color.web("#d3e8f8"), text(robot, "#nested-title"), "light ink on the dark guest tint");
        assertTrue(axis(robot).colour().getBrightness() > 0.7, "dark: the chart repaints its axis in light ink");

        window.theme(robot, "projector");

        assertEquals(Color.BLACK, text(robot, "#nested-refs-detail"));
        assertEquals(Color.BLACK, text(robot, "#shadow-exits"), "no pale colour on the projector");
    }

    @Test
    void textAndTheChartGrowWithThePresentersZoom(FxRobot robot) {
        double position = robot.lookup("#position-text").queryAs(Label.class).getFont().getSize();
        double chartTitle = robot.lookup("#chart-title").queryAs(Label.class).getFont().getSize();
        int axisX = axis(robot).x();
        assertFalse(robot.lookup("#compare-view").query().getStyleClass().contains("narrow"));

        window.zoom(robot, 1.5);

        assertEquals(position * 1.5, robot.lookup("#position-text").queryAs(Label.class).getFont().getSize(), 0.01);
        assertEquals(chartTitle * 1.5, robot.lookup("#chart-title").queryAs(Label.class).getFont().getSize(), 0.01);
        assertTrue(axis(robot).x() > axisX * 1.3, "the chart's margin for its labels grows with the text");
        assertTrue(robot.lookup("#compare-view").query().getStyleClass().contains("narrow"),
                "at 150 % the 1260-wide window lays the costs under the columns, as a 840-wide one does at 100 %");
    }
}
