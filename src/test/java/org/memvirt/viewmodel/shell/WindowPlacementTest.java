package org.memvirt.viewmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.memvirt.viewmodel.shell.WindowPlacement.Box;

/** Where the window opens: first launch, remembered places off the screen or too large, and the zoom that fits. */
class WindowPlacementTest {

    private static void assertInside(Box screen, Box w) {
        assertTrue(w.x() >= screen.x() && w.y() >= screen.y() && w.maxX() <= screen.maxX() + 1e-9
                && w.maxY() <= screen.maxY() + 1e-9, w + " inside " + screen);
    }

    @ParameterizedTest(name = "first launch on {0}x{1} (visible) → {2}x{3}")
    @CsvSource({
        "1280, 680, 1152, 612",
        "1366, 728, 1229.4, 655.2",
        "1920, 1040, 1728, 936",
        "3840, 2120, 3456, 1908",
        // a netbook: 90 % would be under the layout's minimum height; the whole height then
        "1024, 560, 921.6, 560"})
    void aFirstWindowTakesNinetyPercentCentred(double sw, double sh, double w, double h) {
        Box screen = new Box(0, 30, sw, sh);
        Box placed = WindowPlacement.place(screen, Optional.empty());
        assertEquals(w, placed.width(), 1e-6);
        assertEquals(h, placed.height(), 1e-6);
        assertEquals(screen.x() + (sw - w) / 2, placed.x(), 1e-6, "centred");
        assertEquals(screen.y() + (sh - h) / 2, placed.y(), 1e-6, "centred");
        assertInside(screen, placed);
        assertTrue(placed.width() > WindowPlacement.minimumSize(screen).width()
                || placed.width() == sw, "never the minimum size, unless that is the screen");
    }

    @Test
    void aRememberedWindowLargerThanTheScreenShrinksOntoIt() {
        // the case: a 1500×950 window at −110,−77 on a 1280×720 screen
        Box screen = new Box(0, 0, 1280, 720);
        Box placed = WindowPlacement.place(screen, Optional.of(new Box(-110, -77, 1500, 950)));
        assertEquals(new Box(0, 0, 1280, 720), placed);
    }

    @Test
    void aRememberedWindowHalfOffTheScreenIsPulledBack() {
        Box screen = new Box(0, 0, 1920, 1040);
        Box placed = WindowPlacement.place(screen, Optional.of(new Box(1500, 900, 1000, 700)));
        assertEquals(new Box(920, 340, 1000, 700), placed, "same size, moved in");
    }

    @Test
    void aRememberedWindowOnAScreenNoLongerThereIsCentred() {
        Box screen = new Box(0, 0, 1920, 1040);
        Box placed = WindowPlacement.place(screen, Optional.of(new Box(2400, 100, 1200, 800)));
        assertEquals(new Box(360, 120, 1200, 800), placed);
    }

    @Test
    void aRememberedWindowThatFitsStaysWhereItWas() {
        Box screen = new Box(1920, 0, 2560, 1400);
        Box was = new Box(2000, 50, 1600, 1000);
        assertEquals(was, WindowPlacement.place(screen, Optional.of(was)));
    }

    @Test
    void aRememberedSizeWithoutAPlaceIsCentredAndNeverBelowTheMinimum() {
        Box screen = new Box(0, 0, 1920, 1040);
        Box placed = WindowPlacement.place(screen, Optional.of(Box.sized(640, 480)));
        assertEquals(new Box(510, 220, 900, 600), placed);
    }

    @ParameterizedTest(name = "zoom {0} in a {1}x{2} window → {3}")
    @CsvSource({
        "2.0, 1152, 612, 1.0",
        "2.0, 1728, 936, 1.5",
        "1.25, 1728, 936, 1.25",
        "3.0, 3456, 1908, 3.0",
        "3.0, 2560, 1400, 2.25",
        "1.0, 900, 560, 1.0"})
    void aZoomThatNoLongerFitsBecomesTheLargestThatDoes(double zoom, double w, double h, double got) {
        assertEquals(got, WindowPlacement.fittingZoom(zoom, Box.sized(w, h)), 1e-9);
    }
}
