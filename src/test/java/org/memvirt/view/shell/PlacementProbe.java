package org.memvirt.view.shell;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.memvirt.viewmodel.shell.MemorySettingsStore;
import org.memvirt.viewmodel.shell.PresenterViewModel;

/** Run in a forked JVM by {@link FirstLaunchGeometryTest}: opens a first-launch window and prints where it went. */
public final class PlacementProbe {
    private PlacementProbe() {
    }

    public static void main(String[] args) {
        Platform.startup(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(), 100, 100));
            StagePlacement.apply(s, new PresenterViewModel(new MemorySettingsStore()), true);
            s.show();
            System.out.printf("window %.0fx%.0f at %.0f,%.0f%n", s.getWidth(), s.getHeight(), s.getX(), s.getY());
            Platform.exit();
        });
    }
}
