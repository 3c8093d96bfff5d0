package org.memvirt.view.shell;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.view.fit.WholeWords;
import org.memvirt.lesson.LessonPlayer;
import org.memvirt.viewmodel.shell.LessonRef;
import org.memvirt.viewmodel.shell.LessonWindowViewModel;

/**
 * The left side: the lessons to choose from (shipped, opened, dropped) and the open lesson's
 * outline, chapters and their steps, with the step on screen marked. Clicking a step jumps there.
 */
final class LessonBrowserView extends VBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");

    /** A node of the outline: a chapter (step -1) or a step. */
    private record Node(String text, int chapter, int step, boolean question) {
    }

    private final LessonWindowViewModel vm;
    private final TreeView<Node> outline = new TreeView<>();
    private boolean syncing;

    LessonBrowserView(LessonWindowViewModel vm) {
        this.vm = vm;
        setId("lesson-browser");
        getStyleClass().add("lesson-browser");

        Label lessonsHeading = new Label("Lessons");
        lessonsHeading.getStyleClass().add("panel-heading");
        ListView<LessonRef> lessons = new ListView<>(vm.library().lessons());
        lessons.setId("lesson-list");
        lessons.getStyleClass().add("lesson-list");
        lessons.setFocusTraversable(false);
        lessons.setCellFactory(list -> new ListCell<>() {
            {
                setPrefWidth(0);
                WholeWords.keep(this);
            }

            @Override
            protected void updateItem(LessonRef item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
                setGraphic(empty || item == null ? null
                        : new FontIcon(item instanceof LessonRef.File ? "mdi2f-file-document-outline"
                        : "mdi2s-school-outline"));
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item.location()));
                pseudoClassStateChanged(OPEN, !empty && item != null && item.sameSource(
                        vm.library().currentProperty().get()));
            }
        });
        lessons.setOnMouseClicked(e -> {
            LessonRef r = lessons.getSelectionModel().getSelectedItem();
            if (r != null && !r.sameSource(vm.library().currentProperty().get())) {
                vm.library().open(r);
            }
        });
        vm.library().currentProperty().addListener((obs, old, now) -> lessons.refresh());

        Label outlineHeading = new Label("Outline");
        outlineHeading.getStyleClass().add("panel-heading");
        outline.setId("outline");
        outline.getStyleClass().add("outline");
        outline.setShowRoot(false);
        outline.setFocusTraversable(false);
        // titles wrap between words: never "6 R…", never "Introductio n"
        outline.setCellFactory(tree -> new TreeCell<>() {
            {
                setPrefWidth(0);
                WholeWords.keep(this);
            }

            @Override
            protected void updateItem(Node item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text());
                setGraphic(empty || item == null || !item.question() ? null : new FontIcon("mdi2h-help-circle-outline"));
                getStyleClass().removeAll("outline-chapter", "outline-step");
                if (!empty && item != null) {
                    getStyleClass().add(item.step() < 0 ? "outline-chapter" : "outline-step");
                }
                pseudoClassStateChanged(CURRENT, !empty && item != null && item.step() == vm.positionProperty().get());
            }
        });
        outline.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (syncing || now == null) {
                return;
            }
            Node n = now.getValue();
            if (n.step() >= 0) {
                vm.jumpTo(n.step());
            } else {
                vm.jumpToChapter(n.chapter());
            }
        });
        vm.outline().addListener((ListChangeListener<LessonPlayer.OutlineChapter>) c -> rebuild());
        vm.positionProperty().addListener((obs, old, now) -> markCurrent());
        VBox.setVgrow(outline, Priority.ALWAYS);
        getChildren().addAll(lessonsHeading, lessons, outlineHeading, outline);
        rebuild();
    }

    private void rebuild() {
        TreeItem<Node> root = new TreeItem<>(new Node("", -1, -1, false));
        root.getChildren().add(new TreeItem<>(new Node("Introduction", -1, 0, false)));
        for (LessonPlayer.OutlineChapter c : vm.outline()) {
            TreeItem<Node> chapter = new TreeItem<>(new Node((c.index() + 1) + ". " + c.title(), c.index(), -1, false));
            chapter.setExpanded(true);
            for (LessonPlayer.OutlineStep s : c.steps()) {
                chapter.getChildren().add(new TreeItem<>(new Node(s.number() + "  " + s.title(), c.index(), s.number(),
                        s.hasQuestion())));
            }
            root.getChildren().add(chapter);
        }
        syncing = true;
        outline.setRoot(root);
        syncing = false;
        markCurrent();
    }

    private void markCurrent() {
        int p = vm.positionProperty().get();
        TreeItem<Node> root = outline.getRoot();
        if (root == null) {
            return;
        }
        syncing = true;
        try {
            for (TreeItem<Node> top : root.getChildren()) {
                if (top.getValue().step() == p) {
                    select(top);
                }
                for (TreeItem<Node> step : top.getChildren()) {
                    if (step.getValue().step() == p) {
                        select(step);
                    }
                }
            }
        } finally {
            syncing = false;
        }
        outline.refresh();
    }

    private void select(TreeItem<Node> item) {
        outline.getSelectionModel().select(item);
        int row = outline.getRow(item);
        if (row >= 0) {
            outline.scrollTo(Math.max(0, row - 3));
        }
    }
}
