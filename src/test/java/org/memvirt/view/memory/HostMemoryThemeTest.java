package org.memvirt.view.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memvirt.viewmodel.StepFrame;
import org.memvirt.viewmodel.memory.FrameCategory;
import org.memvirt.viewmodel.memory.HostMemoryViewModel;
import org.memvirt.viewmodel.memory.Looks;
import org.memvirt.viewmodel.memory.MemoryPicture;
import org.memvirt.viewmodel.memory.MemoryScenario;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The screen follows the window's theme and zoom: panels, text and the painted map, legend and
 * chart change colour with the theme class on an ancestor, and text (on labels and canvases)
 * grows with the root font size. Animations would take a minute a phase unless the player's
 * speed shortens them.
 */
@ExtendWith(ApplicationExtension.class)
class HostMemoryThemeTest {
    private static final List<StepFrame> LESSON = MemoryScenario.playedLesson();

    private final StackPane window = new StackPane();
    private HostMemoryViewModel viewModel;
    private HostMemoryView view;

    @Start
    void start(Stage stage) {
        viewModel = new HostMemoryViewModel();
        viewModel.history().setAll(LESSON);
        viewModel.frameProperty().set(LESSON.get(MemoryScenario.GUEST_SWAP));
        view = new HostMemoryView(viewModel, Duration.minutes(1));
        window.getChildren().add(view);
        window.getStyleClass().add("theme-light");
        window.setStyle("-fx-font-size: 14px;");
        stage.setScene(new Scene(window, 1260, 780));
        stage.show();
    }

    private void restyle(FxRobot robot, String theme, double fontSize) {
        robot.interact(() -> {
            window.getStyleClass().removeIf(c -> c.startsWith("theme-"));
            window.getStyleClass().add("theme-" + theme);
            window.setStyle("-fx-font-size: " + fontSize + "px;");
            window.applyCss();
            window.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    private Color headerFill(FxRobot robot) {
        return (Color) robot.lookup(".memory-header").queryAs(Region.class).getBackground().getFills().get(0).getFill();
    }

    /** The colour in the middle of the first free frame of the map. */
    private Color freeFrameOnTheMap(FxRobot robot) {
        MemoryPicture p = viewModel.updateProperty().get().picture();
        int free = 0;
        while (p.frames().look(free) != Looks.frame(FrameCategory.FREE, 0)) {
            free++;
        }
        CellGrid grid = view.map().geometry().frames();
        Image image = robot.lookup("#frame-map-image").queryAs(ImageView.class).getImage();
        return image.getPixelReader().getColor((int) (grid.cellX(free) - grid.x()) + grid.cell() / 2,
                (int) (grid.cellY(free) - grid.y()) + grid.cell() / 2);
    }

    /** The colour in the middle of the legend's swatch for free frames. */
    private Image freeSwatch(FxRobot robot) {
        HBox item = robot.lookup("#frame-legend").queryAs(FlowPane.class).getChildren().stream()
                .filter(n -> Integer.valueOf(Looks.frame(FrameCategory.FREE, 0))
                        .equals(n.getUserData()))
                .map(HBox.class::cast).findFirst().orElseThrow();
        return ((ImageView) item.getChildren().get(0)).getImage();
    }

    /** A pixel of the gauge's "high" band (the current state in this step), from a snapshot of its canvas. */
    private Color currentBand(FxRobot robot) {
        Canvas canvas = (Canvas) robot.lookup("#state-gauge").query().lookup("Canvas");
        Color[] pixel = new Color[1];
        robot.interact(() -> {
            Image shot = canvas.snapshot(null, null);
            double x = 4 + (canvas.getWidth() - 8) * 6.2 / 8;
            pixel[0] = shot.getPixelReader().getColor((int) x, (int) (canvas.getHeight() * 16 / 56) + 3);
        });
        return pixel[0];
    }

    private static Color middle(Image image) {
        return image.getPixelReader().getColor((int) image.getWidth() / 2, (int) image.getHeight() / 2);
    }

    @Test
    void theDarkThemeReachesPanelsTextTheMapAndItsLegend(FxRobot robot) {
        Color lightPanel = headerFill(robot);
        Color lightText = (Color) robot.lookup("#info-line").queryAs(Label.class).getTextFill();
        Color lightFree = freeFrameOnTheMap(robot);
        assertTrue(luminance(lightPanel) > 0.8 && luminance(lightText) < 0.3 && luminance(lightFree) > 0.8);
        assertEquals(lightFree, middle(freeSwatch(robot)), "the legend shows the map's own free colour");
        assertTrue(luminance(currentBand(robot)) < 0.3, "the current state is dark on light: " + currentBand(robot));

        restyle(robot, "dark", 14);

        assertTrue(luminance(headerFill(robot)) < 0.2, "a dark panel: " + headerFill(robot));
        Color darkText = (Color) robot.lookup("#info-line").queryAs(Label.class).getTextFill();
        assertTrue(luminance(darkText) > 0.8, "light text: " + darkText);
        Color darkFree = freeFrameOnTheMap(robot);
        assertTrue(luminance(darkFree) < 0.35, "free frames are a dark fill: " + darkFree);
        assertTrue(darkFree.getRed() > darkFree.getBlue() + 0.1, "still a yellow: " + darkFree);
        assertNotEquals(luminance(darkFree), luminance(MapPalette.color(view.map().palette().background())),
                "free frames stand out from the background");
        assertEquals(darkFree, middle(freeSwatch(robot)), "the legend follows the map into the dark theme");
        assertTrue(luminance(currentBand(robot)) > 0.7, "and light on dark: " + currentBand(robot));

        restyle(robot, "projector", 14);
        assertEquals(Color.BLACK, robot.lookup("#info-line").queryAs(Label.class).getTextFill());

        restyle(robot, "light", 14);
        assertEquals(lightFree, freeFrameOnTheMap(robot));
    }

    @Test
    void patternsStayVisibleInEveryTheme(FxRobot robot) {
        for (String theme : List.of("light", "dark", "projector")) {
            restyle(robot, theme, 14);
            MapPalette palette = view.map().palette();
            for (FrameCategory c : FrameCategory.values()) {
                MapPalette.CellStyle s = palette.style(Looks.frame(c, 1));
                if (s.pattern() != MapPalette.Pattern.SOLID) {
                    double contrast = Math.abs(luminance(MapPalette.color(s.fill()))
                            - luminance(MapPalette.color(s.ink())));
                    assertTrue(contrast > 0.25, theme + " " + c + ": pattern contrast " + contrast);
                }
            }
        }
    }

    @Test
    void textOnLabelsAndCanvasesGrowsWithTheZoom(FxRobot robot) {
        double headline = robot.lookup("#memory-headline").queryAs(Label.class).getFont().getSize();
        double strip = robot.lookup("#strip-label-1").queryAs(Label.class).getFont().getSize();
        double chart = robot.lookup("#free-memory-chart").queryAs(Region.class).getPrefHeight();
        double swatch = freeSwatch(robot).getWidth();

        restyle(robot, "light", 21);

        double bigger = robot.lookup("#memory-headline").queryAs(Label.class).getFont().getSize();
        assertEquals(1.5, bigger / headline, 0.01, "the headline follows the root font");
        assertEquals(1.5, robot.lookup("#free-memory-chart").queryAs(Region.class).getPrefHeight() / chart, 0.01,
                "the chart grows with its text");
        assertEquals(1.5, freeSwatch(robot).getWidth() / swatch, 0.1, "legend swatches grow with their labels");
        assertEquals(1.5, robot.lookup("#strip-label-1").queryAs(Label.class).getFont().getSize() / strip, 0.01,
                "the map's own labels follow too");
    }

    @Test
    void theAnimationPlaysAtThePlayersSpeed(FxRobot robot) {
        robot.interact(() -> view.animationSpeedProperty().set(Double.POSITIVE_INFINITY));
        robot.clickOn("#memory-step-forward");
        assertFalse(view.isAnimating(), "an infinite speed draws the result at once");

        robot.interact(() -> view.animationSpeedProperty().set(2));
        robot.clickOn("#memory-step-forward");
        assertTrue(view.isAnimating(), "a finite speed animates");
        robot.clickOn("#skip-button");
        assertFalse(view.isAnimating());
    }
}
