package org.memvirt.view.shell;

import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.viewmodel.shell.ErrorLine;
import org.memvirt.viewmodel.shell.LessonWindowViewModel;

/**
 * The problems of a lesson file that did not open, one {@code FILE:LINE:COLUMN: message} per
 * line; clicking a line copies it (for an editor's "go to"). Shown in place, never as a dialog;
 * the lesson on screen stays usable. Below it, in a quieter style, the expectations the engine
 * contradicts in the lesson that did open.
 */
final class ErrorPanel extends VBox {

    ErrorPanel(LessonWindowViewModel vm) {
        setId("error-panel");
        getStyleClass().add("error-panel");
        Label title = new Label();
        title.setId("error-title");
        title.getStyleClass().add("error-title");
        title.setGraphic(new FontIcon("mdi2a-alert"));
        title.setWrapText(true);
        title.textProperty().bind(vm.library().errorTitleProperty());
        Label hint = new Label("click a line to copy it");
        hint.getStyleClass().add("error-hint");
        Button copyAll = new Button("Copy all", new FontIcon("mdi2c-content-copy"));
        copyAll.setId("error-copy-all");
        copyAll.setFocusTraversable(false);
        copyAll.setOnAction(e -> copy(vm.library().errors().stream().map(ErrorLine::text)
                .collect(Collectors.joining("\n"))));
        Button close = new Button(null, new FontIcon("mdi2c-close"));
        close.setId("error-dismiss");
        close.setTooltip(new Tooltip("Dismiss"));
        close.setFocusTraversable(false);
        close.setOnAction(e -> vm.library().dismissErrors());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, title, gap, hint, copyAll, close);
        header.setAlignment(Pos.CENTER_LEFT);

        ListView<ErrorLine> list = new ListView<>(vm.library().errors());
        list.setId("error-list");
        list.getStyleClass().add("error-list");
        list.setFocusTraversable(false);
        list.prefHeightProperty().bind(Bindings.min(7, Bindings.size(vm.library().errors())).multiply(28).add(6));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ErrorLine item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text());
                setOnMouseClicked(empty || item == null ? null : e -> {
                    copy(item.text());
                    hint.setText("copied: " + item.file() + ":" + item.line() + ":" + item.column());
                });
            }
        });
        getChildren().addAll(header, list);
        visibleProperty().bind(Bindings.isNotEmpty(vm.library().errors()));
        managedProperty().bind(visibleProperty());
    }

    private static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
