package org.memvirt.view.compare;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.kordamp.ikonli.javafx.FontIcon;
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

        Button reset = button("reset-button", "Reset", "mdi2s-skip-previous", "Back to the start (Home)");
        reset.setOnAction(e -> viewModel.reset());
        reset.disableProperty().bind(viewModel.canStepBackBinding().not());
        Button back = button("step-back-button", "Step back", "mdi2s-step-backward", "Previous step (←)");
        back.setOnAction(e -> viewModel.stepBack());
        back.disableProperty().bind(viewModel.canStepBackBinding().not());
        Button play = button("play-button", "Play", "mdi2p-play", "Play / pause (Space)");
        play.setOnAction(e -> viewModel.togglePlay());
        play.disableProperty().bind(viewModel.canPlayBinding().not());
        play.textProperty().bind(viewModel.playingProperty().map(p -> p ? "Pause" : "Play"));
        FontIcon playIcon = (FontIcon) play.getGraphic();
        viewModel.playingProperty().addListener((obs, was, now) -> playIcon.setIconLiteral(now ? "mdi2p-pause"
                : "mdi2p-play"));
        Button step = button("step-button", "Step", "mdi2s-step-forward", "Next step of the trace (→)");
        step.setOnAction(e -> viewModel.stepForward());
        step.disableProperty().bind(viewModel.canStepForwardBinding().not());
        step.getStyleClass().add("accent");
        Button end = button("to-end-button", "To end", "mdi2s-skip-next", "After the last step (End)");
        end.setOnAction(e -> viewModel.toEnd());
        end.disableProperty().bind(viewModel.canStepForwardBinding().not());

        Slider scrub = new Slider(0, 1, 0);
        scrub.setId("scrub");
        scrub.setBlockIncrement(1);
        scrub.setFocusTraversable(false);
        scrub.maxProperty().bind(viewModel.lengthProperty());
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
        position.setId("step-counter");
        position.getStyleClass().add("transport-position");
        position.textProperty().bind(viewModel.stepCounterProperty());
        position.setMinWidth(Region.USE_PREF_SIZE);
        scrub.setMinWidth(60);

        Label speedLabel = new Label("SPEED");
        speedLabel.getStyleClass().add("setting-label");
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);
        var speed = new OptionToggles<>("speed", viewModel.speedProperty(), CompareViewModel.SPEEDS,
                CompareTransport::speedText, s -> String.valueOf(Math.round(s * 100)));
        Tooltip.install(speed, new Tooltip("How fast Play goes: at 1× a whole trace takes about 8 s"));

        getChildren().addAll(reset, back, play, step, end, scrub, position, speedLabel, speed);
        buttons = List.of(reset, back, play, step, end);
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

    private static Button button(String id, String text, String icon, String tooltip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(tooltip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
