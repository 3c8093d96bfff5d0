package org.memvirt.view.shell;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.geometry.Orientation;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.view.fit.WholeWords;
import org.memvirt.viewmodel.shell.ErrorLine;
import org.memvirt.viewmodel.shell.LessonWindowViewModel;

/**
 * The right side: the step's title and narration, the answer to the question it asked, the
 * question to predict before the next step, the counters with their chart, and the event log.
 */
final class StepPanel extends VBox {

    StepPanel(LessonWindowViewModel vm) {
        setId("step-panel");
        getStyleClass().add("step-panel");

        Label position = new Label();
        position.setId("step-position");
        position.getStyleClass().add("step-position");
        position.textProperty().bind(vm.step().placeProperty());
        Label title = new Label();
        title.setId("step-title");
        title.getStyleClass().add("step-title");
        WholeWords.keep(title);
        title.textProperty().bind(vm.step().titleProperty());
        title.setMinHeight(Label.USE_PREF_SIZE);

        Label answer = new Label();
        answer.setId("answer-note");
        answer.getStyleClass().add("answer-note");
        answer.setGraphic(new FontIcon("mdi2c-check-circle-outline"));
        WholeWords.keep(answer);
        answer.textProperty().bind(vm.step().answerNoteProperty());
        MarkdownView answerWhy = new MarkdownView("answer-explanation", vm.step().answerExplanationProperty());
        VBox answerBox = new VBox(4, answer, answerWhy);
        answerBox.getStyleClass().add("answer-box");
        answerBox.visibleProperty().bind(vm.step().answerNoteProperty().isNotEmpty());
        answerBox.managedProperty().bind(answerBox.visibleProperty());

        MarkdownView narration = new MarkdownView("narration", vm.step().narrationProperty());
        narration.getStyleClass().add("narration");
        QuestionView question = new QuestionView(vm.question());

        Label waiting = new Label();
        waiting.textProperty().bind(vm.waitingReasonBinding().concat(": check an answer, or Reveal, to go on."));
        WholeWords.keep(waiting);
        waiting.setId("waiting-for-answer");
        waiting.getStyleClass().add("waiting-note");
        waiting.visibleProperty().bind(vm.waitingForAnswerBinding());
        waiting.managedProperty().bind(waiting.visibleProperty());

        Label unmet = new Label();
        unmet.setId("unmet-note");
        unmet.getStyleClass().add("unmet-note");
        WholeWords.keep(unmet);
        unmet.setGraphic(new FontIcon("mdi2a-alert-outline"));
        unmet.textProperty().bind(Bindings.createStringBinding(() -> vm.unmet().isEmpty() ? ""
                : "The engine disagrees with this lesson's stated numbers:\n" + String.join("\n",
                vm.unmet().stream().map(ErrorLine::text).toList()), vm.unmet()));
        unmet.visibleProperty().bind(Bindings.isNotEmpty(vm.unmet()));
        unmet.managedProperty().bind(unmet.visibleProperty());

        VBox story = new VBox(10, position, title, answerBox, narration, question, waiting, unmet);
        story.getStyleClass().add("story");
        ScrollPane storyScroll = new ScrollPane(story);
        storyScroll.setId("story-scroll");
        storyScroll.setFitToWidth(true);
        storyScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        storyScroll.getStyleClass().add("story-scroll");
        storyScroll.setMinHeight(0);

        CountersView counters = new CountersView(vm.counters());
        // the column is never narrower than the counters' names and figures: it grows instead
        minWidthProperty().bind(counters.tableWidthProperty().add(Bindings.createDoubleBinding(
                () -> snappedLeftInset() + snappedRightInset() + 24, paddingProperty())));
        ScrollPane countersScroll = new ScrollPane(counters);
        countersScroll.setId("counters-scroll");
        countersScroll.setFitToWidth(true);
        countersScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        countersScroll.getStyleClass().add("counters-scroll");
        countersScroll.setMinHeight(0);

        Label eventsHeading = new Label();
        eventsHeading.getStyleClass().add("panel-heading");
        eventsHeading.setId("event-heading");
        WholeWords.keep(eventsHeading);
        eventsHeading.textProperty().bind(Bindings.concat("Events · ", vm.step().eventHeadingProperty()));
        ListView<String> log = new ListView<>(vm.step().eventLog());
        log.setId("event-log");
        log.getStyleClass().add("shell-event-log");
        log.setFocusTraversable(false);
        // events wrap between words: an address ("0x7f3a_1c40_2010") is never cut at the edge
        log.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            {
                setPrefWidth(0);
                WholeWords.keep(this);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });

        log.setMinHeight(0);
        VBox.setVgrow(log, Priority.ALWAYS);
        VBox events = new VBox(4, eventsHeading, log);
        events.setMinHeight(0);

        // the story gets most of the height; counters and events can be dragged bigger
        SplitPane parts = new SplitPane(storyScroll, countersScroll, events);
        parts.setId("step-parts");
        parts.setOrientation(Orientation.VERTICAL);
        parts.setDividerPositions(0.48, 0.85);
        VBox.setVgrow(parts, Priority.ALWAYS);
        getChildren().add(parts);
    }
}
