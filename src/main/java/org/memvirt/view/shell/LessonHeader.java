package org.memvirt.view.shell;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.viewmodel.shell.LessonWindowViewModel;

/** The strip under the menus: the lesson's title, what the window is doing, zoom and theme, the keys hint. */
final class LessonHeader extends HBox {
    private final Label keys;

    LessonHeader(LessonWindowViewModel vm) {
        super(14);
        Label title = new Label();
        title.setId("lesson-title");
        title.getStyleClass().add("lesson-title");
        title.textProperty().bind(vm.titleProperty());
        title.setMinWidth(0);
        Label status = new Label();
        status.setId("status");
        status.getStyleClass().add("status");
        status.textProperty().bind(vm.library().statusProperty());
        Label zoom = new Label();
        zoom.setId("zoom-text");
        zoom.getStyleClass().add("zoom-text");
        zoom.textProperty().bind(Bindings.concat("zoom ", vm.presenter().zoomTextBinding(), " · ",
                vm.presenter().themeProperty().map(t -> t.label().toLowerCase(Locale.ROOT))));
        keys = new Label("F1  keys");
        keys.getStyleClass().add("shell-keys-hint");
        keys.setOnMouseClicked(e -> vm.presenter().toggleShortcuts());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(title, gap, status, zoom, keys);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("lesson-header");
    }

    /** The icons, after the window's first frame: the icon font takes a while to load. */
    void addIcons() {
        keys.setGraphic(new FontIcon("mdi2k-keyboard-outline"));
    }
}
