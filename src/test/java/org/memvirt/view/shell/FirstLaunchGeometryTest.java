package org.memvirt.view.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memvirt.viewmodel.shell.MemorySettingsStore;
import org.memvirt.viewmodel.shell.PresenterViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Where the real window opens: on Monocle's screen in this JVM, and on other screen sizes in a
 * forked JVM whose headless screen is set with {@code -Dheadless.geometry} (Monocle reads it once,
 * at start-up).
 */
@ExtendWith(ApplicationExtension.class)
class FirstLaunchGeometryTest {

    private static Stage opened(FxRobot robot, PresenterViewModel presenter, boolean fitZoom) {
        Stage[] s = new Stage[1];
        robot.interact(() -> {
            s[0] = new Stage();
            s[0].setScene(new Scene(new StackPane(), 100, 100));
            StagePlacement.apply(s[0], presenter, fitZoom);
            s[0].show();
        });
        return s[0];
    }

    @Test
    void aFirstLaunchTakesNinetyPercentOfTheScreenCentred(FxRobot robot) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Stage s = opened(robot, new PresenterViewModel(new MemorySettingsStore()), true);
        try {
            assertEquals(screen.getWidth() * 0.9, s.getWidth(), 1.0);
            assertEquals(screen.getHeight() * 0.9, s.getHeight(), 1.0);
            assertEquals(screen.getMinX() + screen.getWidth() * 0.05, s.getX(), 1.0);
            assertEquals(screen.getMinY() + screen.getHeight() * 0.05, s.getY(), 1.0);
            assertTrue(s.getWidth() > s.getMinWidth(), "not at the minimum size");
        } finally {
            robot.interact(s::close);
        }
    }

    @Test
    void aRememberedZoomAndSizeFromALargerScreenAreBroughtDown(FxRobot robot) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        MemorySettingsStore store = new MemorySettingsStore();
        store.put("zoom", "2.00");
        store.put("windowWidth", "3000");
        store.put("windowHeight", "1900");
        store.put("windowX", "-400");
        store.put("windowY", "-300");
        PresenterViewModel presenter = new PresenterViewModel(store);
        Stage s = opened(robot, presenter, true);
        try {
            assertEquals(screen.getWidth(), s.getWidth(), 1.0, "no wider than the screen");
            assertEquals(screen.getHeight(), s.getHeight(), 1.0);
            assertEquals(screen.getMinX(), s.getX(), 1.0, "on the screen, not off its top left");
            assertEquals(screen.getMinY(), s.getY(), 1.0);
            assertTrue(presenter.getZoom() < 2.0, "200 % no longer fits: " + presenter.getZoom());
            assertTrue(presenter.getZoom() * 900 <= s.getWidth() && presenter.getZoom() * 600 <= s.getHeight(),
                    "the minimum layout fits at the zoom chosen");
        } finally {
            robot.interact(s::close);
        }
    }

    @Test
    void aZoomSetOnPurposeIsKept(FxRobot robot) {
        PresenterViewModel presenter = new PresenterViewModel(new MemorySettingsStore());
        presenter.setZoom(3.0);
        Stage s = opened(robot, presenter, false);
        robot.interact(s::close);
        assertEquals(3.0, presenter.getZoom());
    }

    @ParameterizedTest(name = "a {0}x{1} screen: a {2}x{3} window at {4},{5}")
    @CsvSource({"1280, 720, 1152, 648, 64, 36", "3840, 2160, 3456, 1944, 192, 108"})
    void onOtherScreenSizes(int sw, int sh, int w, int h, int x, int y) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
                "-Dheadless.geometry=" + sw + "x" + sh + "-32", PlacementProbe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(out.contains("window " + w + "x" + h + " at " + x + "," + y), out);
    }
}
