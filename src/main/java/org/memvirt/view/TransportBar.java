package org.memvirt.view;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.viewmodel.WalkViewModel;

/**
 * Reset, step back, play/pause, step, to end and a scrub slider over the references. Each button
 * is disabled when its command does not apply; the view model decides that.
 */
final class TransportBar extends HBox {

    TransportBar(WalkViewModel viewModel) {
        getStyleClass().add("transport-bar");
        setId("transport-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);

        getStylesheets().add(PlayheadControls.STYLESHEET);
        PlayheadControls controls = new PlayheadControls(viewModel.playhead(), "reference");

        Label position = new Label();
        position.getStyleClass().add("transport-position");
        position.textProperty().bind(viewModel.positionProperty().asString("%d").concat(" / ")
                .concat(viewModel.referenceCountProperty().asString()));

        Label keys = new Label("keys: ← → step · Space play · Home / End");
        keys.getStyleClass().add("keys-hint");
        keys.setGraphic(new FontIcon("mdi2k-keyboard-outline"));
        keys.setMinWidth(0);

        getChildren().addAll(controls.buttons());
        getChildren().addAll(controls.scrub(), position, keys);
    }
}
