package org.memvirt.viewmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Theme, zoom, speed and what the window remembers between runs. */
class PresenterViewModelTest {

    @ParameterizedTest(name = "zoom {0} → {1}")
    @CsvSource({"0.5, 1.0", "1.0, 1.0", "1.33, 1.35", "2.5, 2.5", "3.0, 3.0", "7, 3.0", "NaN, 1.0"})
    void zoomIsClampedToOneToThree(double asked, double got) {
        PresenterViewModel p = new PresenterViewModel(new MemorySettingsStore());
        p.setZoom(asked);
        assertEquals(got, p.getZoom(), 1e-9);
        assertEquals(got * 14, p.fontSizeBinding().get(), 1e-9, "the root font size follows");
    }

    @Test
    void zoomKeysStepByAQuarterAndStopAtTheEnds() {
        PresenterViewModel p = new PresenterViewModel(new MemorySettingsStore());
        for (int i = 0; i < 20; i++) {
            p.zoomIn();
        }
        assertEquals(3.0, p.getZoom());
        assertEquals("300 %", p.zoomTextBinding().get());
        p.zoomOut();
        assertEquals(2.75, p.getZoom());
        p.resetZoom();
        assertEquals(1.0, p.getZoom());
        p.zoomOut();
        assertEquals(1.0, p.getZoom());
    }

    @Test
    void themesCycleLightDarkProjector() {
        PresenterViewModel p = new PresenterViewModel(new MemorySettingsStore());
        assertEquals(Theme.LIGHT, p.getTheme());
        p.cycleTheme();
        assertEquals(Theme.DARK, p.getTheme());
        p.cycleTheme();
        assertEquals(Theme.PROJECTOR, p.getTheme());
        p.cycleTheme();
        assertEquals(Theme.LIGHT, p.getTheme());
    }

    @Test
    void speedGoesFromAQuarterToFourThenFast() {
        PresenterViewModel p = new PresenterViewModel(new MemorySettingsStore());
        assertEquals(Speed.NORMAL, p.getSpeed());
        for (int i = 0; i < 10; i++) {
            p.faster();
        }
        assertEquals(Speed.FAST, p.getSpeed());
        assertFalse(p.getSpeed().animates());
        for (int i = 0; i < 10; i++) {
            p.slower();
        }
        assertEquals(Speed.QUARTER, p.getSpeed());
        assertEquals(1400, Speed.QUARTER.scale(350), 1e-9);
        assertEquals(87.5, Speed.QUADRUPLE.scale(350), 1e-9);
    }

    @Test
    void settingsSurviveARestart() {
        MemorySettingsStore store = new MemorySettingsStore();
        PresenterViewModel before = new PresenterViewModel(store);
        before.themeProperty().set(Theme.PROJECTOR);
        before.setZoom(1.75);
        before.speedProperty().set(Speed.DOUBLE);
        before.blockUntilAnsweredProperty().set(true);
        before.windowResized(1280, 720);
        before.lessonOpened(new LessonRef.Shipped("lessons/05-ept-demand-paging.yaml", "Demand paging"));
        before.save();

        PresenterViewModel after = new PresenterViewModel(store);
        assertEquals(Theme.PROJECTOR, after.getTheme());
        assertEquals(1.75, after.getZoom());
        assertEquals(Speed.DOUBLE, after.getSpeed());
        assertTrue(after.blockUntilAnsweredProperty().get());
        assertEquals(1280, after.windowWidth());
        assertEquals(720, after.windowHeight());
        assertEquals("lessons/05-ept-demand-paging.yaml", after.lastLesson().orElseThrow().location());
    }

    @Test
    void aFullScreenWindowDoesNotOverwriteTheRememberedSize() {
        PresenterViewModel p = new PresenterViewModel(new MemorySettingsStore());
        p.windowResized(1300, 800);
        p.toggleFullScreen();
        p.windowResized(3840, 2160);
        assertEquals(1300, p.windowWidth());
    }

    @Test
    void garbageInTheStoreFallsBackToDefaults() {
        MemorySettingsStore store = new MemorySettingsStore();
        store.put("theme", "purple");
        store.put("zoom", "lots");
        store.put("speed", "warp");
        store.put("windowWidth", "-5");
        PresenterViewModel p = new PresenterViewModel(store);
        assertEquals(Theme.LIGHT, p.getTheme());
        assertEquals(1.0, p.getZoom());
        assertEquals(Speed.NORMAL, p.getSpeed());
        assertEquals(640, p.windowWidth(), "never smaller than a usable window");
    }

    @Test
    void aPreferencesNodeRoundTrips() throws BackingStoreException {
        Preferences node = Preferences.userRoot().node("org/memvirt/test/" + UUID.randomUUID());
        try {
            PresenterViewModel p = new PresenterViewModel(new PreferencesStore(node));
            p.themeProperty().set(Theme.DARK);
            p.setZoom(2.0);
            Path file = Path.of("lessons", "01-native-walk.yaml").toAbsolutePath();
            p.lessonOpened(new LessonRef.File(file, "Native"));
            p.save();
            PresenterViewModel again = new PresenterViewModel(new PreferencesStore(node));
            assertEquals(Theme.DARK, again.getTheme());
            assertEquals(2.0, again.getZoom());
            assertEquals(new LessonRef.File(file, "x").location(), again.lastLesson().orElseThrow().location());
            assertTrue(again.lastLesson().orElseThrow() instanceof LessonRef.File);
        } finally {
            node.removeNode();
        }
    }

    @Test
    void theWindowsPlaceAndPlayStoppingAtQuestionsAreRemembered() {
        MemorySettingsStore store = new MemorySettingsStore();
        PresenterViewModel first = new PresenterViewModel(store);
        assertTrue(first.rememberedWindow().isEmpty(), "a first launch remembers no window");
        assertTrue(first.playStopsAtQuestionsProperty().get(), "Play stops at questions unless turned off");
        first.windowResized(1400, 900);
        first.windowMoved(120, 60);
        first.playStopsAtQuestionsProperty().set(false);
        first.save();

        PresenterViewModel again = new PresenterViewModel(store);
        assertEquals(new WindowPlacement.Box(120, 60, 1400, 900), again.rememberedWindow().orElseThrow());
        assertFalse(again.playStopsAtQuestionsProperty().get());
    }

    @Test
    void aRememberedZoomTooLargeForTheWindowComesDownToOneThatFits() {
        MemorySettingsStore store = new MemorySettingsStore();
        store.put(PresenterViewModel.ZOOM, "2.00");
        PresenterViewModel p = new PresenterViewModel(store);
        p.fitZoomTo(WindowPlacement.Box.sized(1152, 612));
        assertEquals(1.0, p.getZoom());
        p.setZoom(1.25);
        p.fitZoomTo(WindowPlacement.Box.sized(1728, 936));
        assertEquals(1.25, p.getZoom(), "a zoom that fits stays");
    }

    @Test
    void blankingIsNotRemembered() {
        MemorySettingsStore store = new MemorySettingsStore();
        PresenterViewModel p = new PresenterViewModel(store);
        p.toggleBlank();
        assertTrue(p.blankedProperty().get());
        p.save();
        assertFalse(new PresenterViewModel(store).blankedProperty().get());
    }
}
