package org.memvirt.view.compare;

import java.io.File;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import javax.imageio.ImageIO;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import org.memvirt.viewmodel.compare.ChartMetric;
import org.memvirt.viewmodel.compare.CompareViewModel;
import org.memvirt.viewmodel.compare.Workload;

/**
 * Writes a PNG of the Compare screen for the documentation: a 1500 × 950 window, a workload played
 * to its end (or to a given step), in a theme (the window root's style class, as the lesson window
 * sets it) and at a zoom (the root font size, 14 px at 1). Run under Xvfb:
 * {@code CompareScreenshot OUT.png [TLB_SCAN|CONTEXT_SWITCH|PT_CHURN|MIXED] [STEP|end] [WIDTHxHEIGHT]
 * [CYCLES|REFERENCES|VM_EXITS] [light|dark|projector] [ZOOM]}.
 */
public final class CompareScreenshot {
    private CompareScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: CompareScreenshot OUT.png [WORKLOAD] [STEP|end] [WIDTHxHEIGHT] [METRIC] [THEME]"
                    + " [ZOOM]");
            System.exit(2);
        }
        File out = new File(args[0]);
        Workload workload = args.length > 1 ? Workload.valueOf(args[1].toUpperCase(Locale.ROOT)) : Workload.TLB_SCAN;
        String step = args.length > 2 ? args[2] : "end";
        String[] size = (args.length > 3 ? args[3] : "1500x950").split("x");
        ChartMetric metric = args.length > 4 ? ChartMetric.valueOf(args[4].toUpperCase(Locale.ROOT))
                : ChartMetric.CYCLES;
        String theme = args.length > 5 ? args[5].toLowerCase(Locale.ROOT) : "light";
        double zoom = args.length > 6 ? Double.parseDouble(args[6]) : 1;
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(theme.equals("dark") ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            CompareViewModel viewModel = new CompareViewModel(workload, Runnable::run, Runnable::run);
            viewModel.chartMetricProperty().set(metric);
            Stage stage = new Stage();
            StackPane window = new StackPane(new CompareView(viewModel, Duration.ZERO));
            window.getStyleClass().add("theme-" + theme);
            window.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", 14 * zoom));
            Scene scene = new Scene(window, Integer.parseInt(size[0]), Integer.parseInt(size[1]));
            stage.setTitle("MemVirt Lab — Compare");
            stage.setScene(scene);
            stage.show();
            if (step.equals("end")) {
                viewModel.play();
            } else {
                viewModel.goTo(Integer.parseInt(step));
            }
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                Platform.runLater(() -> {
                    capture(scene, out);
                    done.countDown();
                });
            };
            scene.addPostLayoutPulseListener(once[0]);
            scene.getRoot().requestLayout();
        });
        done.await();
        Platform.exit();
    }

    private static void capture(Scene scene, File file) {
        WritableImage image = scene.snapshot(null);
        try {
            File dir = file.getAbsoluteFile().getParentFile();
            if (dir != null) {
                dir.mkdirs();
            }
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file);
            System.out.println("wrote " + file);
        } catch (IOException e) {
            System.err.println("cannot write " + file + ": " + e.getMessage());
        }
    }
}
