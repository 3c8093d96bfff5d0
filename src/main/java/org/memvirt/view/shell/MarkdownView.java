package org.memvirt.view.shell;

import java.util.List;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import org.memvirt.viewmodel.shell.Markdown;

/**
 * Narration text: the lesson's Markdown subset drawn as text flows, paragraph by paragraph, with
 * bold, italic and code runs styled by CSS ({@code .md-bold}, {@code .md-italic}, {@code .md-code}),
 * so the presenter's zoom and theme apply to it like to any label.
 */
final class MarkdownView extends VBox {

    MarkdownView(String id, ObservableValue<String> markdown) {
        setId(id);
        getStyleClass().add("markdown");
        show(markdown.getValue());
        markdown.addListener((obs, old, now) -> show(now));
    }

    private void show(String text) {
        Markdown md = Markdown.parse(text);
        getChildren().clear();
        for (Markdown.Block b : md.blocks()) {
            if (b instanceof Markdown.Paragraph p) {
                getChildren().add(flow(p.spans(), "md-paragraph"));
            } else if (b instanceof Markdown.ListBlock l) {
                VBox list = new VBox();
                list.getStyleClass().add("md-list");
                for (int i = 0; i < l.items().size(); i++) {
                    String mark = l.kind() == Markdown.ListKind.BULLETED ? "•" : (l.start() + i) + ".";
                    Label bullet = new Label(mark);
                    bullet.getStyleClass().add("md-bullet");
                    bullet.setMinWidth(Label.USE_PREF_SIZE);
                    TextFlow item = flow(l.items().get(i), "md-item");
                    HBox.setHgrow(item, Priority.ALWAYS);
                    HBox row = new HBox(bullet, item);
                    row.setAlignment(Pos.TOP_LEFT);
                    row.getStyleClass().add("md-list-row");
                    list.getChildren().add(row);
                }
                getChildren().add(list);
            }
        }
        setVisible(!md.blocks().isEmpty());
        setManaged(!md.blocks().isEmpty());
    }

    private static TextFlow flow(List<Markdown.Span> spans, String style) {
        TextFlow f = new TextFlow();
        f.getStyleClass().add(style);
        for (Markdown.Span s : spans) {
            Node t = text(s);
            f.getChildren().add(t);
        }
        f.setMinHeight(TextFlow.USE_PREF_SIZE);
        return f;
    }

    private static Node text(Markdown.Span s) {
        Text t = new Text(s.text());
        t.getStyleClass().add("md-text");
        if (s.has(Markdown.Style.BOLD)) {
            t.getStyleClass().add("md-bold");
        }
        if (s.has(Markdown.Style.ITALIC)) {
            t.getStyleClass().add("md-italic");
        }
        if (s.has(Markdown.Style.CODE)) {
            t.getStyleClass().add("md-code");
        }
        return t;
    }
}
