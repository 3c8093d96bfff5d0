package org.memvirt.view.shell;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.view.fit.WholeWords;
import org.memvirt.viewmodel.shell.QuestionViewModel;

/**
 * "Predict before you step": the question, its choices as radio buttons (or a field for a typed
 * answer), Check and Reveal, the verdict and, once answered, the explanation.
 */
final class QuestionView extends VBox {
    private final QuestionViewModel viewModel;
    private final ToggleGroup group = new ToggleGroup();
    private final VBox choices = new VBox();
    private final TextField typed = new TextField();
    private boolean syncing;

    QuestionView(QuestionViewModel viewModel) {
        this.viewModel = viewModel;
        setId("question-panel");
        getStyleClass().add("question-panel");
        visibleProperty().bind(viewModel.predictingBinding());
        managedProperty().bind(visibleProperty());

        Label heading = WholeWords.keep(new Label("Predict before you step", new FontIcon("mdi2h-help-circle-outline")));
        heading.getStyleClass().add("question-heading");
        MarkdownView prompt = new MarkdownView("question-prompt", viewModel.promptProperty());

        choices.setId("question-choices");
        choices.getStyleClass().add("question-choices");
        viewModel.choices().addListener((ListChangeListener<String>) c -> rebuildChoices());
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (!syncing) {
                viewModel.selectedProperty().set(now == null ? -1 : (Integer) now.getUserData());
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> selectToggle(now.intValue()));

        typed.setId("question-typed");
        typed.setPromptText("your answer");
        typed.textProperty().bindBidirectional(viewModel.typedProperty());
        typed.setOnAction(e -> viewModel.check());

        Button check = new Button("Check", new FontIcon("mdi2c-check"));
        check.setId("question-check");
        check.getStyleClass().add("accent");
        check.setFocusTraversable(false);
        check.disableProperty().bind(viewModel.canCheckBinding().not());
        check.setOnAction(e -> viewModel.check());
        Button reveal = new Button("Reveal", new FontIcon("mdi2e-eye-outline"));
        reveal.setId("question-reveal");
        reveal.setFocusTraversable(false);
        reveal.disableProperty().bind(viewModel.revealedProperty());
        reveal.setOnAction(e -> viewModel.reveal());
        Label feedback = new Label();
        feedback.setId("question-feedback");
        feedback.getStyleClass().add("question-feedback");
        WholeWords.keep(feedback);
        feedback.textProperty().bind(viewModel.feedbackProperty());
        viewModel.verdictProperty().addListener((obs, old, now) -> verdictStyle(feedback, now));
        verdictStyle(feedback, viewModel.verdictProperty().get());
        // the buttons go under one another in a narrow column; the verdict wraps under them
        FlowPane buttons = new FlowPane(8, 6, check, reveal, feedback);
        buttons.setAlignment(Pos.CENTER_LEFT);
        feedback.maxWidthProperty().bind(widthProperty().subtract(Bindings.createDoubleBinding(
                () -> snappedLeftInset() + snappedRightInset(), paddingProperty())));

        MarkdownView explanation = new MarkdownView("question-explanation", viewModel.explanationProperty());
        explanation.getStyleClass().add("question-explanation");
        VBox explanationBox = new VBox(explanation);
        explanationBox.visibleProperty().bind(viewModel.explanationShownBinding()
                .and(viewModel.explanationProperty().isNotEmpty()));
        explanationBox.managedProperty().bind(explanationBox.visibleProperty());

        getChildren().addAll(heading, prompt, choices, typed, buttons, explanationBox);
        rebuildChoices();
    }

    private void rebuildChoices() {
        syncing = true;
        try {
            group.getToggles().clear();
            choices.getChildren().clear();
            for (int i = 0; i < viewModel.choices().size(); i++) {
                RadioButton r = new RadioButton(viewModel.choices().get(i));
                r.setId("question-choice-" + i);
                r.getStyleClass().add("question-choice");
                r.setUserData(i);
                r.setToggleGroup(group);
                r.setFocusTraversable(false);
                // a long choice wraps between words inside the column, never past its edge
                WholeWords.keep(r);
                r.setMaxWidth(Double.MAX_VALUE);
                choices.getChildren().add(r);
            }
            boolean typedAnswer = viewModel.choices().isEmpty();
            typed.setVisible(typedAnswer);
            typed.setManaged(typedAnswer);
            choices.setVisible(!typedAnswer);
            choices.setManaged(!typedAnswer);
        } finally {
            syncing = false;
        }
        selectToggle(viewModel.selectedProperty().get());
    }

    private void selectToggle(int index) {
        syncing = true;
        try {
            Toggle t = index >= 0 && index < group.getToggles().size() ? group.getToggles().get(index) : null;
            group.selectToggle(t);
        } finally {
            syncing = false;
        }
    }

    private static void verdictStyle(Label feedback, QuestionViewModel.Verdict v) {
        feedback.getStyleClass().removeAll("verdict-right", "verdict-wrong");
        if (v == QuestionViewModel.Verdict.RIGHT) {
            feedback.getStyleClass().add("verdict-right");
            feedback.setGraphic(new FontIcon("mdi2c-check-circle"));
        } else if (v == QuestionViewModel.Verdict.WRONG) {
            feedback.getStyleClass().add("verdict-wrong");
            feedback.setGraphic(new FontIcon("mdi2a-alert"));
        } else {
            feedback.setGraphic(null);
        }
    }
}
