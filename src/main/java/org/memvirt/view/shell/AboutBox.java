package org.memvirt.view.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

import org.memvirt.viewmodel.shell.AboutViewModel;

/** Help ▸ About: the version, the licences and where lessons live, in a small dialog over the window. */
final class AboutBox {
    private AboutBox() {
    }

    static void show(Window owner, AboutViewModel about) {
        Alert box = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        box.initOwner(owner);
        box.setTitle("About MemVirt Lab");
        box.setHeaderText(about.heading());
        Label text = new Label(String.join("\n", about.lines()));
        text.setId("about-text");
        text.setWrapText(true);
        box.getDialogPane().setContent(text);
        box.getDialogPane().setId("about-box");
        box.show();
    }
}
