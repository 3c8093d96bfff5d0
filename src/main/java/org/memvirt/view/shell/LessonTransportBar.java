package org.memvirt.view.shell;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.viewmodel.shell.LessonWindowViewModel;
import org.memvirt.viewmodel.shell.Speed;

/**
 * The lesson's transport: to start, step back, play/pause, step, to end, speed, a slider over the
 * whole lesson, "step N of M" and a chapter list. Each control is disabled when its command does
 * not apply; the view model says when.
 */
final class LessonTransportBar extends HBox {
    private boolean syncing;

    LessonTransportBar(LessonWindowViewModel vm) {
        setId("lesson-transport");
        getStyleClass().add("lesson-transport");
        setAlignment(Pos.CENTER_LEFT);

        Button start = button("lesson-to-start", "mdi2s-skip-previous", "To the start (Home)");
        start.setOnAction(e -> vm.toStart());
        start.disableProperty().bind(vm.canStepBackBinding().not());
        Button back = button("lesson-step-back", "mdi2s-step-backward", "Step back (←, ↑ or Page Up)");
        back.setText("Back");
        back.setOnAction(e -> vm.stepBack());
        back.disableProperty().bind(vm.canStepBackBinding().not());
        Button play = button("lesson-play", "mdi2p-play", "Play / pause (Space)");
        play.setOnAction(e -> vm.togglePlay());
        play.disableProperty().bind(vm.canPlayBinding().not().and(vm.playingProperty().not()));
        play.textProperty().bind(vm.playingProperty().map(p -> p ? "Pause" : "Play"));
        FontIcon playIcon = (FontIcon) play.getGraphic();
        vm.playingProperty().addListener((obs, was, now) -> playIcon.setIconLiteral(now ? "mdi2p-pause" : "mdi2p-play"));
        Button step = button("lesson-step", "mdi2s-step-forward", "Step (→)");
        step.setText("Step");
        step.getStyleClass().add("accent");
        step.setOnAction(e -> vm.stepForward());
        step.disableProperty().bind(vm.canStepForwardBinding().not());
        // a disabled button shows no tooltip: the reason Next is held back stands beside it
        step.getTooltip().textProperty().bind(javafx.beans.binding.Bindings.when(vm.waitingReasonBinding().isEmpty())
                .then("Step (→, ↓ or Page Down)").otherwise(vm.waitingReasonBinding()));
        Label why = new Label();
        why.setId("lesson-step-why");
        why.getStyleClass().add("lesson-step-why");
        why.setGraphic(new FontIcon("mdi2h-help-circle-outline"));
        why.textProperty().bind(vm.waitingReasonBinding());
        why.setWrapText(true);
        why.setMinWidth(0);
        why.visibleProperty().bind(vm.waitingReasonBinding().isNotEmpty());
        why.managedProperty().bind(why.visibleProperty());
        Button end = button("lesson-to-end", "mdi2s-skip-next", "To the end (End)");
        end.setOnAction(e -> vm.toEnd());
        end.disableProperty().bind(vm.positionProperty().isEqualTo(vm.stepCountProperty()));

        ComboBox<Speed> speed = new ComboBox<>();
        speed.setId("lesson-speed");
        speed.getItems().setAll(Speed.values());
        speed.valueProperty().bindBidirectional(vm.presenter().speedProperty());
        speed.setFocusTraversable(false);
        speed.setTooltip(new Tooltip("Speed ([ slower, ] faster, F fast: no animation)"));

        Slider scrub = new Slider(0, 1, 0);
        scrub.setId("lesson-scrub");
        scrub.getStyleClass().add("lesson-scrub");
        scrub.setMajorTickUnit(1);
        scrub.setMinorTickCount(0);
        scrub.setSnapToTicks(true);
        scrub.setBlockIncrement(1);
        scrub.setFocusTraversable(false);
        scrub.maxProperty().bind(vm.stepCountProperty());
        scrub.disableProperty().bind(vm.stepCountProperty().isEqualTo(0));
        HBox.setHgrow(scrub, Priority.ALWAYS);
        scrub.setMinWidth(120);
        vm.positionProperty().addListener((obs, old, now) -> {
            syncing = true;
            scrub.setValue(now.intValue());
            syncing = false;
        });
        scrub.valueProperty().addListener((obs, old, now) -> {
            int k = (int) Math.round(now.doubleValue());
            if (!syncing && k != vm.positionProperty().get()) {
                vm.jumpTo(k);
            }
        });

        Label position = new Label();
        position.setId("lesson-step-text");
        position.getStyleClass().add("lesson-step-text");
        position.textProperty().bind(vm.step().placeProperty());
        position.setMinWidth(Label.USE_PREF_SIZE);

        ComboBox<String> chapter = new ComboBox<>();
        chapter.setId("lesson-chapter");
        chapter.setPromptText("chapter");
        chapter.setFocusTraversable(false);
        chapter.setTooltip(new Tooltip("Jump to a chapter (Ctrl+PgUp / Ctrl+PgDn, Shift+P / Shift+N)"));
        chapter.setMaxWidth(260);
        Runnable fill = () -> {
            syncing = true;
            chapter.getItems().setAll(numbered(vm));
            int c = vm.chapterIndexProperty().get();
            chapter.getSelectionModel().select(c < chapter.getItems().size() ? c : -1);
            syncing = false;
        };
        vm.chapterTitles().addListener((ListChangeListener<String>) c -> fill.run());
        vm.chapterIndexProperty().addListener((obs, old, now) -> {
            syncing = true;
            chapter.getSelectionModel().select(now.intValue());
            syncing = false;
        });
        chapter.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (!syncing && now.intValue() >= 0) {
                vm.jumpToChapter(now.intValue());
            }
        });
        fill.run();

        getChildren().addAll(start, back, play, step, why, end, speed, scrub, position, chapter);
    }

    private static java.util.List<String> numbered(LessonWindowViewModel vm) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < vm.chapterTitles().size(); i++) {
            out.add((i + 1) + ". " + vm.chapterTitles().get(i));
        }
        return out;
    }

    private static Button button(String id, String icon, String tooltip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(tooltip));
        return b;
    }
}
