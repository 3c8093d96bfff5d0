package org.memvirt.view.shell;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.view.WalkView;
import org.memvirt.viewmodel.shell.LessonWalkViewModel;
import org.memvirt.viewmodel.shell.PresenterViewModel;

/**
 * The Walk tab: the walk grid of the step's access, lit reference by reference when the lesson
 * steps forward (at the presenter's speed; "fast" and a zero base duration draw it at once), and
 * above it which access of the step it is and what part of the walk the step is about.
 */
final class LessonWalkPane extends BorderPane {
    private final LessonWalkViewModel vm;
    private final PresenterViewModel presenter;
    private final Duration perReference;
    private Timeline timeline;

    /**
     * @param perReference one reference's animation at 1× (zero: never animate)
     */
    LessonWalkPane(LessonWalkViewModel vm, PresenterViewModel presenter, Duration perReference) {
        this.vm = vm;
        this.presenter = presenter;
        this.perReference = perReference;
        setId("lesson-walk");
        getStyleClass().add("lesson-walk");
        WalkView walk = new WalkView(vm.walk(), perReference, WalkView.Controls.LESSON_STEP);
        walk.setId("lesson-walk-view");

        Button previous = new Button(null, new FontIcon("mdi2c-chevron-left"));
        previous.setId("access-previous");
        previous.setTooltip(new Tooltip("The step's previous access"));
        previous.setFocusTraversable(false);
        previous.setOnAction(e -> vm.previousAccess());
        previous.disableProperty().bind(vm.canPreviousAccessBinding().not());
        Button next = new Button(null, new FontIcon("mdi2c-chevron-right"));
        next.setId("access-next");
        next.setTooltip(new Tooltip("The step's next access"));
        next.setFocusTraversable(false);
        next.setOnAction(e -> vm.nextAccess());
        next.disableProperty().bind(vm.canNextAccessBinding().not());
        Label access = new Label();
        access.setId("access-text");
        access.textProperty().bind(vm.accessTextProperty());
        HBox accessBox = new HBox(4, previous, access, next);
        accessBox.setAlignment(Pos.CENTER_LEFT);
        accessBox.visibleProperty().bind(vm.accessCountProperty().greaterThan(1));
        accessBox.managedProperty().bind(accessBox.visibleProperty());
        Label note = new Label();
        note.setId("walk-note");
        note.getStyleClass().add("walk-note");
        note.setWrapText(true);
        note.textProperty().bind(vm.noteProperty());
        note.setGraphic(new FontIcon("mdi2i-information-outline"));
        note.visibleProperty().bind(vm.noteProperty().isNotEmpty());
        HBox.setHgrow(note, Priority.ALWAYS);
        note.setMaxWidth(Double.MAX_VALUE);
        HBox header = new HBox(12, accessBox, note);
        header.getStyleClass().add("walk-step-header");
        header.setAlignment(Pos.CENTER_LEFT);
        header.visibleProperty().bind(vm.noteProperty().isNotEmpty().or(accessBox.visibleProperty()));
        header.managedProperty().bind(header.visibleProperty());

        Label counter = new Label();
        counter.setId("walk-reference-counter");
        counter.getStyleClass().add("walk-reference-counter");
        counter.textProperty().bind(vm.walk().counterTextProperty());
        counter.setMinWidth(Label.USE_PREF_SIZE);
        Label caption = new Label();
        caption.setId("walk-caption");
        caption.getStyleClass().add("walk-caption");
        caption.setWrapText(true);
        caption.textProperty().bind(Bindings.when(vm.walk().resultTextProperty().isEmpty())
                .then(vm.walk().captionProperty()).otherwise(vm.walk().resultTextProperty()));
        caption.setMaxWidth(Double.MAX_VALUE);
        VBox captionRow = new VBox(2, counter, caption);
        captionRow.getStyleClass().add("walk-caption-row");
        // the walk's own entry panel says the same where the screen is wide enough to show it
        captionRow.visibleProperty().bind(vm.walk().gridProperty().isNotNull()
                .and(walk.entryPanelShownProperty().not()));
        captionRow.managedProperty().bind(captionRow.visibleProperty());
        walk.setLead(new VBox(header, captionRow));
        // the walk fits the room left (it draws its text smaller where the zoom outgrows it): no scroll bar
        walk.setMinSize(0, 0);
        setCenter(walk);

        vm.animatingProperty().addListener((obs, was, now) -> {
            if (now) {
                animate();
            } else if (timeline != null) {
                timeline.stop();
            }
        });
        if (vm.animatingProperty().get()) {
            animate();
        }
    }

    private void animate() {
        double millis = presenter.getSpeed().scale(perReference.toMillis());
        if (millis <= 0) {
            vm.finishAnimation();
            return;
        }
        if (timeline != null) {
            timeline.stop();
        }
        timeline = new Timeline(new KeyFrame(Duration.millis(millis), e -> vm.tick()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.playFromStart();
    }

}
