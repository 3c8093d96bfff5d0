package org.memvirt.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memvirt.view.ViewPalette.Hue;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The palette probe reads what the theme resolves, and follows a theme switch. */
@ExtendWith(ApplicationExtension.class)
class ViewPaletteTest {
    private final StackPane window = new StackPane();
    private final StackPane view = new StackPane();
    private final ViewPalette probe = new ViewPalette();

    @Start
    void start(Stage stage) {
        ViewPalette.applyTo(view);
        view.getChildren().add(probe);
        window.getChildren().add(view);
        window.getStyleClass().add("theme-light");
        stage.setScene(new Scene(window, 200, 100));
        stage.show();
    }

    private void theme(FxRobot robot, String name) {
        robot.interact(() -> {
            window.getStyleClass().removeIf(c -> c.startsWith("theme-"));
            window.getStyleClass().add("theme-" + name);
            window.applyCss();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void lightDarkAndProjectorResolveToTheirOwnColours(FxRobot robot) {
        assertEquals(Color.web("#0072B2"), probe.color(Hue.GUEST));
        assertEquals(Color.web("#ffffff"), probe.color(Hue.PANEL));

        theme(robot, "dark");
        assertEquals(Color.web("#161b22"), probe.color(Hue.PANEL));
        assertEquals(Color.web("#e6edf3"), probe.color(Hue.INK));
        assertNotEquals(Color.web("#0072B2"), probe.color(Hue.GUEST));

        theme(robot, "projector");
        assertEquals(Color.BLACK, probe.color(Hue.INK));
        assertEquals(Color.BLACK, probe.color(Hue.LINE));

        theme(robot, "light");
        assertEquals(Color.web("#1f2328"), probe.color(Hue.INK));
    }

    @Test
    void applyingTwiceAddsTheSheetAndClassOnce() {
        ViewPalette.applyTo(view);
        assertEquals(1, view.getStylesheets().stream().filter(ViewPalette.STYLESHEET::equals).count());
        assertEquals(1, view.getStyleClass().stream().filter("mv-view"::equals).count());
    }
}
