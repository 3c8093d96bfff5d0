package org.memvirt.bench;

import java.lang.management.ManagementFactory;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The yardstick for the window's start-up (decision 9): a bare JavaFX window with one label,
 * printing when its first frame was laid out, counted from the JVM's start as the app's
 * {@code -Dmemvirt.startup.trace} counts it, then quitting.
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Platform.startup(() -> {
            Scene scene = new Scene(new StackPane(new Label("bare")), 1280, 800);
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                System.out.println("bare window: first frame " + (System.currentTimeMillis() - jvmStart)
                        + " ms after JVM start");
                Platform.runLater(Platform::exit);
            };
            scene.addPostLayoutPulseListener(once[0]);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
        });
    }
}
