package org.memvirt.view;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

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

        Button reset = button("reset-button", "Reset", "mdi2s-skip-previous", "Back to the start (Home)");
        reset.setOnAction(e -> viewModel.reset());
        reset.disableProperty().bind(viewModel.canStepBackBinding().not());
        Button back = button("step-back-button", "Step back", "mdi2s-step-backward", "Previous reference (←)");
        back.setOnAction(e -> viewModel.stepBack());
        back.disableProperty().bind(viewModel.canStepBackBinding().not());
        Button play = button("play-button", "Play", "mdi2p-play", "Play / pause (Space)");
        play.setOnAction(e -> viewModel.togglePlay());
        play.disableProperty().bind(viewModel.canPlayBinding().not());
        play.textProperty().bind(viewModel.playingProperty().map(p -> p ? "Pause" : "Play"));
        FontIcon playIcon = (FontIcon) play.getGraphic();
        viewModel.playingProperty().addListener((obs, was, now) -> playIcon.setIconLiteral(now ? "mdi2p-pause"
                : "mdi2p-play"));
        Button step = button("step-button", "Step", "mdi2s-step-forward", "Next reference (→)");
        step.setOnAction(e -> viewModel.stepForward());
        step.disableProperty().bind(viewModel.canStepForwardBinding().not());
        step.getStyleClass().add("accent");
        step.setDefaultButton(false);
        Button end = button("to-end-button", "To end", "mdi2s-skip-next", "After the last reference (End)");
        end.setOnAction(e -> viewModel.toEnd());
        end.disableProperty().bind(viewModel.canStepForwardBinding().not());

        Slider scrub = new Slider(0, 1, 0);
        scrub.setId("scrub");
        scrub.setMajorTickUnit(1);
        scrub.setMinorTickCount(0);
        scrub.setSnapToTicks(true);
        scrub.setBlockIncrement(1);
        scrub.setFocusTraversable(false);
        scrub.maxProperty().bind(viewModel.referenceCountProperty());
        scrub.disableProperty().bind(viewModel.canPlayBinding().not());
        HBox.setHgrow(scrub, Priority.ALWAYS);
        scrub.setValue(viewModel.positionProperty().get());
        viewModel.positionProperty().addListener((obs, old, now) -> scrub.setValue(now.intValue()));
        scrub.valueProperty().addListener((obs, old, now) -> {
            int k = (int) Math.round(now.doubleValue());
            if (k != viewModel.positionProperty().get()) {
                viewModel.goTo(k);
            }
        });
        Label position = new Label();
        position.getStyleClass().add("transport-position");
        position.textProperty().bind(viewModel.positionProperty().asString("%d").concat(" / ")
                .concat(viewModel.referenceCountProperty().asString()));

        Label keys = new Label("keys: ← → step · Space play · Home / End");
        keys.getStyleClass().add("keys-hint");
        keys.setGraphic(new FontIcon("mdi2k-keyboard-outline"));

        getChildren().addAll(reset, back, play, step, end, scrub, position, keys);
    }

    private static Button button(String id, String text, String icon, String tooltip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setFocusTraversable(false);
        b.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        return b;
    }
}
