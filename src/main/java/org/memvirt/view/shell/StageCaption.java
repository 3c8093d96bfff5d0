package org.memvirt.view.shell;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

import org.memvirt.view.fit.LayoutInspector;
import org.memvirt.viewmodel.shell.LessonWindowViewModel;

/**
 * Stage mode's caption under the main view: where the lesson is, the step's title and its
 * narration, large, as subtitles under a projected picture. Its words are key text: the layout
 * audit checks they are large enough for the back row.
 */
final class StageCaption extends ScrollPane {

    StageCaption(LessonWindowViewModel vm) {
        setId("stage-caption");
        getStyleClass().add("stage-caption");
        Label place = new Label();
        place.setId("stage-place");
        place.getStyleClass().addAll("stage-place", LayoutInspector.KEY_TEXT);
        place.textProperty().bind(vm.step().placeProperty());
        place.setMinWidth(Label.USE_PREF_SIZE);
        Label title = new Label();
        title.setId("stage-title");
        title.getStyleClass().addAll("stage-title", LayoutInspector.KEY_TEXT);
        title.setWrapText(true);
        title.setMinHeight(Label.USE_PREF_SIZE);
        title.textProperty().bind(vm.step().titleProperty());
        MarkdownView narration = new MarkdownView("stage-narration", vm.step().narrationProperty());
        narration.getStyleClass().addAll("stage-narration", LayoutInspector.KEY_TEXT);
        VBox words = new VBox(place, title, narration);
        words.getStyleClass().add("stage-words");
        setContent(words);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setFocusTraversable(false);
    }
}
