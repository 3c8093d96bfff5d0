package org.memvirt.app;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

import javax.imageio.ImageIO;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

import atlantafx.base.theme.PrimerLight;

import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.view.LayoutPulse;
import org.memvirt.view.WalkView;
import org.memvirt.viewmodel.WalkScenario;
import org.memvirt.viewmodel.WalkSettings;
import org.memvirt.viewmodel.WalkViewModel;

/**
 * The stand-alone walk screen, as the window showed it before lessons: chosen with
 * {@code -Dmemvirt.screen=walk} (kept for the walk screenshots in docs/, whose commands use it).
 *
 * <p>System properties, for reproducible documentation screenshots:
 * {@code memvirt.screenshot=FILE.png} writes a PNG of the scene after the first layout pulse and
 * exits (at the end of the walk, or at reference {@code memvirt.screenshot.step}); the walk's
 * settings can be given as {@code memvirt.walk.mode} (native|nested), {@code memvirt.walk.guest-levels},
 * {@code memvirt.walk.host-levels} (4|5), {@code memvirt.walk.guest-page}, {@code memvirt.walk.host-page}
 * (4K|2M|1G), {@code memvirt.walk.tlb}, {@code memvirt.walk.walk-cache}, {@code memvirt.walk.repeat}
 * (true|false); {@code memvirt.window=WIDTHxHEIGHT} sizes the window (default 1500x950).
 */
final class WalkScreen {
    private static final Duration PER_REFERENCE = Duration.millis(350);

    private WalkScreen() {
    }

    /** Shows the walk screen in {@code stage} (and, for a screenshot, writes it and exits). */
    static void show(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        String screenshot = System.getProperty("memvirt.screenshot");
        WalkSettings initial;
        try {
            initial = settingsFromProperties();
        } catch (IllegalArgumentException e) {
            System.err.println("memvirt: " + e.getMessage() + "; using the default walk");
            initial = WalkSettings.defaults();
        }
        WalkViewModel viewModel = new WalkViewModel(new WalkScenario(), initial);
        stage.setTitle("MemVirt Lab");
        WalkView view = new WalkView(viewModel, screenshot == null ? PER_REFERENCE : Duration.ZERO);
        int[] size = windowSize(System.getProperty("memvirt.window", "1500x950"));
        Scene scene = new Scene(view, size[0], size[1]);
        stage.setTitle("MemVirt Lab");
        stage.setMinWidth(1100);
        stage.setMinHeight(700);
        stage.setScene(scene);
        if (screenshot != null) {
            LayoutPulse.once(scene, () -> Platform.runLater(() -> capture(scene, viewModel, new File(screenshot))));
        }
        stage.show();
    }

    private static void capture(Scene scene, WalkViewModel viewModel, File file) {
        Integer step = Integer.getInteger("memvirt.screenshot.step");
        if (step == null) {
            viewModel.toEnd();
        } else {
            viewModel.goTo(step);
        }
        WritableImage image = scene.snapshot(null);
        try {
            File dir = file.getAbsoluteFile().getParentFile();
            if (dir != null) {
                dir.mkdirs();
            }
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file);
            System.out.println("memvirt: wrote " + file);
        } catch (IOException e) {
            System.err.println("memvirt: cannot write " + file + ": " + e.getMessage());
        }
        Platform.exit();
    }

    static int[] windowSize(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                return new int[] {Math.max(800, Integer.parseInt(parts[0].trim())),
                        Math.max(600, Integer.parseInt(parts[1].trim()))};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("memvirt: window size must look like 1500x950, not '" + text + "'");
        return new int[] {1500, 950};
    }

    static WalkSettings settingsFromProperties() {
        WalkSettings s = WalkSettings.defaults();
        String mode = System.getProperty("memvirt.walk.mode");
        if (mode != null) {
            PagingMode m = PagingMode.parse(mode);
            if (m == PagingMode.SHADOW) {
                throw new IllegalArgumentException("the walk screen shows native or nested paging, not shadow");
            }
            s = s.withMode(m);
        }
        int guestLevels = Integer.getInteger("memvirt.walk.guest-levels", s.guestLevels());
        int hostLevels = Integer.getInteger("memvirt.walk.host-levels", s.hostLevels());
        if (guestLevels != 4 && guestLevels != 5 || hostLevels != 4 && hostLevels != 5) {
            throw new IllegalArgumentException("levels must be 4 or 5");
        }
        s = s.withLevels(guestLevels, hostLevels).withAddress(WalkSettings.defaultAddress(guestLevels));
        s = s.withPages(PageSize.parse(System.getProperty("memvirt.walk.guest-page", "4K")),
                PageSize.parse(System.getProperty("memvirt.walk.host-page", "4K")));
        s = s.withCaches(flag("memvirt.walk.tlb"), flag("memvirt.walk.walk-cache"));
        return s.withRepeatAccess(flag("memvirt.walk.repeat"));
    }

    private static boolean flag(String property) {
        String v = System.getProperty(property, "false").trim().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("on") || v.equals("yes");
    }
}
