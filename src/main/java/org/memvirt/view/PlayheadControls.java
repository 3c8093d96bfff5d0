package org.memvirt.view;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.viewmodel.Playhead;

/**
 * The controls every player has: to start, step back, play/pause, step, to end, and a scrub
 * slider over the whole history, each disabled when its command does not apply (the playhead
 * decides). The walk screen and the Compare view put them in their own transport bars.
 */
public final class PlayheadControls {
    /** The transport bars' shared stylesheet. */
    public static final String STYLESHEET = PlayheadControls.class.getResource("transport.css").toExternalForm();

    private final List<Button> buttons;
    private final Slider scrub = new Slider(0, 1, 0);

    /**
     * @param playhead what the controls move
     * @param unit     what one step is, for the tooltips ("reference", "step of the trace")
     */
    public PlayheadControls(Playhead playhead, String unit) {
        Button reset = button("reset-button", "Reset", "mdi2s-skip-previous", "Back to the start (Home)");
        reset.setOnAction(e -> playhead.reset());
        reset.disableProperty().bind(playhead.canStepBackBinding().not());
        Button back = button("step-back-button", "Step back", "mdi2s-step-backward", "Previous " + unit + " (←)");
        back.setOnAction(e -> playhead.stepBack());
        back.disableProperty().bind(playhead.canStepBackBinding().not());
        Button play = button("play-button", "Play", "mdi2p-play", "Play / pause (Space)");
        play.setOnAction(e -> playhead.togglePlay());
        play.disableProperty().bind(playhead.canPlayBinding().not());
        play.textProperty().bind(playhead.playingProperty().map(p -> p ? "Pause" : "Play"));
        FontIcon playIcon = (FontIcon) play.getGraphic();
        playhead.playingProperty().addListener((obs, was, now) -> playIcon.setIconLiteral(now ? "mdi2p-pause"
                : "mdi2p-play"));
        Button step = button("step-button", "Step", "mdi2s-step-forward", "Next " + unit + " (→)");
        step.setOnAction(e -> playhead.stepForward());
        step.disableProperty().bind(playhead.canStepForwardBinding().not());
        step.getStyleClass().add("accent");
        Button end = button("to-end-button", "To end", "mdi2s-skip-next", "After the last " + unit + " (End)");
        end.setOnAction(e -> playhead.toEnd());
        end.disableProperty().bind(playhead.canStepForwardBinding().not());
        buttons = List.of(reset, back, play, step, end);

        scrub.setId("scrub");
        scrub.setBlockIncrement(1);
        scrub.setFocusTraversable(false);
        scrub.setMinWidth(60);
        scrub.maxProperty().bind(playhead.lengthProperty());
        scrub.disableProperty().bind(playhead.canPlayBinding().not());
        HBox.setHgrow(scrub, Priority.ALWAYS);
        scrub.setValue(playhead.position());
        playhead.positionProperty().addListener((obs, old, now) -> scrub.setValue(now.intValue()));
        scrub.valueProperty().addListener((obs, old, now) -> {
            int k = (int) Math.round(now.doubleValue());
            if (k != playhead.position()) {
                playhead.goTo(k);
            }
        });
    }

    /**
     * The player's keys on {@code view}: → step, ← step back, Space play/pause, Home to the start,
     * End to the end; not while the user types in a field or moves a slider of its own.
     */
    public static void addKeys(Node view, Playhead playhead) {
        view.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof TextInputControl || e.getTarget() instanceof Slider) {
                return;
            }
            switch (e.getCode()) {
                case RIGHT -> playhead.stepForward();
                case LEFT -> playhead.stepBack();
                case SPACE -> playhead.togglePlay();
                case HOME -> playhead.reset();
                case END -> playhead.toEnd();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /** To start, step back, play/pause, step, to end. */
    public List<Button> buttons() {
        return buttons;
    }

    public Slider scrub() {
        return scrub;
    }

    private static Button button(String id, String text, String icon, String tooltip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(tooltip));
        // a narrow bar gives up its slider and hints first, never a button's name
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
