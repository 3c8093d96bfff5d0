package org.memvirt.view.compare;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import org.memvirt.view.ChoiceToggles;
import org.memvirt.view.PlayheadControls;
import org.memvirt.viewmodel.compare.CompareViewModel;

/**
 * The walk screen's transport, over the steps of the trace: to start, step back, play/pause, step,
 * to end, a scrub slider, the position, and the play speed. Each button is disabled when its
 * command does not apply; the view model decides that.
 */
final class CompareTransport extends HBox {
    private final List<Button> buttons;
    private final Label speedLabel;

    CompareTransport(CompareViewModel viewModel) {
        getStyleClass().add("transport-bar");
        setId("transport-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);

        getStylesheets().add(PlayheadControls.STYLESHEET);
        PlayheadControls controls = new PlayheadControls(viewModel.playhead(), "step of the trace");

        Label position = new Label();
        position.setId("step-counter");
        position.getStyleClass().add("transport-position");
        position.textProperty().bind(viewModel.stepCounterProperty());
        position.setMinWidth(Region.USE_PREF_SIZE);

        Label speedLabel = new Label("SPEED");
        speedLabel.getStyleClass().add("setting-label");
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);
        var speed = new ChoiceToggles<>("speed", viewModel.speedProperty(), CompareViewModel.SPEEDS,
                CompareTransport::speedText, s -> String.valueOf(Math.round(s * 100)));
        Tooltip.install(speed, new Tooltip("How fast Play goes: at 1× a whole trace takes about 8 s"));

        getChildren().addAll(controls.buttons());
        getChildren().addAll(controls.scrub(), position, speedLabel, speed);
        buttons = controls.buttons();
        this.speedLabel = speedLabel;
    }

    /**
     * Narrow: the buttons show their icons only (their tooltips and keys still say what they do) and the
     * speeds go without their label (each says "×").
     */
    void setCompact(boolean compact) {
        for (Button b : buttons) {
            b.setContentDisplay(compact ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
        }
        speedLabel.setVisible(!compact);
        speedLabel.setManaged(!compact);
    }

    private static String speedText(double s) {
        if (s == 0.25) {
            return "¼×";
        }
        if (s == 0.5) {
            return "½×";
        }
        return (int) s + "×";
    }
}
