package org.memvirt.view.shell;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.viewmodel.shell.PresenterViewModel;

/** The sheet of every keyboard command, over the window (F1 or ?; Esc closes it). */
final class ShortcutSheet extends StackPane {

    ShortcutSheet(List<Shortcut> shortcuts, PresenterViewModel presenter) {
        setId("shortcut-sheet");
        getStyleClass().add("shortcut-overlay");
        visibleProperty().bind(presenter.shortcutsShownProperty());
        managedProperty().bind(visibleProperty());
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                presenter.shortcutsShownProperty().set(false);
            }
        });

        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcut-grid");
        int row = 0;
        String group = "";
        for (Shortcut s : shortcuts) {
            if (s.keys().isEmpty()) {
                continue;
            }
            if (!s.group().equals(group)) {
                group = s.group();
                Label g = new Label(group);
                g.getStyleClass().add("shortcut-group");
                grid.add(g, 0, row++, 2, 1);
            }
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("shortcut-keys");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(s.what());
            what.getStyleClass().add("shortcut-what");
            what.setWrapText(true);
            grid.addRow(row++, keys, what);
        }
        Label title = new Label("Keyboard shortcuts", new FontIcon("mdi2k-keyboard-outline"));
        title.getStyleClass().add("shortcut-title");
        Button close = new Button("Close (Esc)");
        close.setId("shortcut-close");
        close.setFocusTraversable(false);
        close.setOnAction(e -> presenter.shortcutsShownProperty().set(false));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(12, title, gap, close);
        header.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("shortcut-scroll");
        VBox card = new VBox(10, header, scroll);
        card.getStyleClass().add("shortcut-card");
        card.setMaxWidth(760);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.CENTER);
        getChildren().add(card);
    }
}
