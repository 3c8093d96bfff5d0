package org.memvirt.view.shell;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.memvirt.viewmodel.shell.Glossary;

/**
 * Help ▸ Glossary: the terms the views use, one line each, in a dialog that Esc (or Close)
 * dismisses. The terms come from {@link Glossary}; the dialog only lays them out.
 */
final class GlossaryDialog extends Dialog<ButtonType> {

    GlossaryDialog(Window owner, Glossary glossary) {
        initOwner(owner);
        setTitle("Glossary");
        setHeaderText("Every term the views use, one line each");
        VBox lines = new VBox(4);
        lines.setId("glossary-lines");
        for (Glossary.Entry e : glossary.entries()) {
            Label term = new Label(e.term());
            term.getStyleClass().add("glossary-term");
            term.setStyle("-fx-font-weight: bold;");
            term.setMinWidth(Region.USE_PREF_SIZE);
            Label meaning = new Label(e.meaning());
            meaning.getStyleClass().add("glossary-meaning");
            meaning.setWrapText(true);
            meaning.setMinHeight(Region.USE_PREF_SIZE);
            HBox.setHgrow(meaning, Priority.ALWAYS);
            HBox line = new HBox(10, term, meaning);
            line.getStyleClass().add("glossary-line");
            lines.getChildren().add(line);
        }
        ScrollPane scroll = new ScrollPane(lines);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(760);
        scroll.setPrefViewportHeight(480);
        getDialogPane().setContent(scroll);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setId("glossary");
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().addAll(owner.getScene().getRoot().getStylesheets());
        }
        setResizable(true);
    }
}
