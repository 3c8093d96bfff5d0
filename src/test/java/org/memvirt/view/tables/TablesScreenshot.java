package org.memvirt.view.tables;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import javax.imageio.ImageIO;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

import atlantafx.base.theme.PrimerLight;

import org.memvirt.viewmodel.StepFrame;
import org.memvirt.viewmodel.tables.TableScenarios;
import org.memvirt.viewmodel.tables.TablesViewModel;

/**
 * Writes a PNG of the Tables view for the documentation. Run under Xvfb with the test classpath:
 * {@code TablesScreenshot OUT.png [scenario] [step] [all|path] [WIDTHxHEIGHT]}, scenario one of shadow
 * (default), nested, native, two-vms, long; step the frame to show (default 1); "all" ticks "Show all
 * present entries"; the window is 1500x950 unless given.
 */
public final class TablesScreenshot {
    private TablesScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TablesScreenshot OUT.png [shadow|nested|native|two-vms] [step] [all]");
            System.exit(2);
        }
        File out = new File(args[0]);
        String scenario = args.length > 1 ? args[1].toLowerCase(Locale.ROOT) : "shadow";
        List<StepFrame> frames = switch (scenario) {
            case "nested" -> TableScenarios.nested();
            case "native" -> TableScenarios.nativeMachine();
            case "two-vms" -> TableScenarios.twoVms();
            case "long" -> TableScenarios.longTable(40);
            default -> TableScenarios.shadow();
        };
        int step = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        boolean all = args.length > 3 && args[3].equals("all");
        String[] size = (args.length > 4 ? args[4] : "1500x950").split("x");
        int width = Integer.parseInt(size[0]);
        int height = Integer.parseInt(size[1]);
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            TablesViewModel viewModel = new TablesViewModel();
            for (int i = 0; i <= Math.min(step, frames.size() - 1); i++) {
                viewModel.setFrame(frames.get(i));
            }
            viewModel.showAllProperty().set(all);
            Stage stage = new Stage();
            stage.setTitle("MemVirt Lab — Tables");
            Scene scene = new Scene(new TablesView(viewModel, Duration.ZERO), width, height);
            stage.setScene(scene);
            stage.show();
            // two pulses: one to lay out, one for the arrows drawn after it
            Platform.runLater(() -> Platform.runLater(() -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                WritableImage image = scene.snapshot(null);
                try {
                    File dir = out.getAbsoluteFile().getParentFile();
                    if (dir != null) {
                        dir.mkdirs();
                    }
                    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
                    System.out.println("wrote " + out);
                } catch (IOException e) {
                    System.err.println("cannot write " + out + ": " + e.getMessage());
                }
                done.countDown();
            }));
        });
        done.await();
        Platform.exit();
    }
}
