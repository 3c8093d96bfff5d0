package org.memvirt.view.shell;

import java.util.List;

import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;

import org.memvirt.viewmodel.shell.Markdown;

/**
 * Narration text: the lesson's Markdown (CommonMark with GFM tables, see {@link Markdown}) drawn
 * block by block — paragraphs and headings as text flows, lists as rows with their marks, tables as
 * a grid, code in a monospaced box — styled by CSS ({@code .md-*} in shell.css and markdown.css),
 * so the presenter's zoom and theme apply to it like to any label. A link opens in the browser;
 * where that is impossible the view says so under the text.
 */
final class MarkdownView extends VBox {
    private static final String STYLESHEET = MarkdownView.class.getResource("/org/memvirt/view/markdown.css")
            .toExternalForm();

    private final LinkOpener links;
    private final Label linkMessage = new Label();

    MarkdownView(String id, ObservableValue<String> markdown) {
        this(id, markdown, LinkOpener.desktop());
    }

    MarkdownView(String id, ObservableValue<String> markdown, LinkOpener links) {
        this.links = links;
        setId(id);
        getStyleClass().add("markdown");
        getStylesheets().add(STYLESHEET);
        linkMessage.getStyleClass().add("md-link-message");
        linkMessage.setWrapText(true);
        show(markdown.getValue());
        markdown.addListener((obs, old, now) -> show(now));
    }

    private void show(String text) {
        Markdown md = Markdown.parse(text);
        getChildren().setAll(blocks(md.blocks()));
        linkMessage.setText("");
        setVisible(!md.blocks().isEmpty());
        setManaged(!md.blocks().isEmpty());
    }

    private List<Node> blocks(List<Markdown.Block> blocks) {
        return blocks.stream().map(this::block).toList();
    }

    private Node block(Markdown.Block b) {
        if (b instanceof Markdown.Paragraph p) {
            return flow(p.spans(), "md-paragraph");
        } else if (b instanceof Markdown.Heading h) {
            TextFlow f = flow(h.spans(), "md-heading");
            f.getStyleClass().add("md-h" + Math.min(h.level(), 3));
            return f;
        } else if (b instanceof Markdown.CodeBlock c) {
            Label code = new Label(c.code());
            code.getStyleClass().add("md-code-block");
            code.setMinHeight(Region.USE_PREF_SIZE);
            code.setMaxWidth(Double.MAX_VALUE);
            return code;
        } else if (b instanceof Markdown.ListBlock l) {
            return list(l);
        } else if (b instanceof Markdown.Quote q) {
            VBox quote = new VBox();
            quote.getStyleClass().add("md-quote");
            quote.getChildren().setAll(blocks(q.blocks()));
            return quote;
        } else if (b instanceof Markdown.Rule) {
            Separator rule = new Separator();
            rule.getStyleClass().add("md-rule");
            return rule;
        } else if (b instanceof Markdown.Table t) {
            return table(t);
        }
        throw new IllegalStateException("a Markdown block the narration cannot draw: " + b);
    }

    private Node list(Markdown.ListBlock l) {
        VBox list = new VBox();
        list.getStyleClass().add("md-list");
        for (int i = 0; i < l.items().size(); i++) {
            String mark = l.kind() == Markdown.ListKind.BULLETED ? "•" : (l.start() + i) + ".";
            Label bullet = new Label(mark);
            bullet.getStyleClass().add("md-bullet");
            bullet.setMinWidth(Label.USE_PREF_SIZE);
            VBox item = new VBox();
            item.getStyleClass().add("md-item");
            item.getChildren().setAll(blocks(l.items().get(i)));
            item.getChildren().forEach(n -> n.getStyleClass().add("md-item-text"));
            HBox.setHgrow(item, Priority.ALWAYS);
            HBox row = new HBox(bullet, item);
            row.setAlignment(Pos.TOP_LEFT);
            row.getStyleClass().add("md-list-row");
            list.getChildren().add(row);
        }
        return list;
    }

    /** A GFM table as a grid: one cell per column, header cells bold, columns share the width. */
    private Node table(Markdown.Table t) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        for (int c = 0; c < t.columns(); c++) {
            ColumnConstraints col = new ColumnConstraints();
            col.setHgrow(Priority.SOMETIMES);
            col.setHalignment(hpos(t.alignments().get(c)));
            grid.getColumnConstraints().add(col);
            grid.add(cell(t.header().get(c), t.alignments().get(c), "md-table-header"), c, 0);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            for (int c = 0; c < t.columns(); c++) {
                grid.add(cell(t.rows().get(r).get(c), t.alignments().get(c), "md-table-cell"), c, r + 1);
            }
        }
        grid.setMaxWidth(Region.USE_PREF_SIZE);
        return grid;
    }

    private Node cell(List<Markdown.Span> spans, Markdown.Alignment alignment, String style) {
        TextFlow f = flow(spans, style);
        f.setTextAlignment(switch (alignment) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
        f.setMaxWidth(Double.MAX_VALUE);
        return f;
    }

    private static HPos hpos(Markdown.Alignment a) {
        return switch (a) {
            case LEFT -> HPos.LEFT;
            case CENTER -> HPos.CENTER;
            case RIGHT -> HPos.RIGHT;
        };
    }

    private TextFlow flow(List<Markdown.Span> spans, String style) {
        TextFlow f = new TextFlow();
        f.getStyleClass().add(style);
        spans.forEach(s -> f.getChildren().add(text(s)));
        f.setMinHeight(TextFlow.USE_PREF_SIZE);
        return f;
    }

    private Node text(Markdown.Span s) {
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
        if (s.isLink()) {
            t.getStyleClass().add("md-link");
            t.setCursor(Cursor.HAND);
            Tooltip.install(t, new Tooltip(s.link()));
            t.setOnMouseClicked(e -> follow(s.link()));
        }
        return t;
    }

    private void follow(String target) {
        links.open(target).ifPresentOrElse(why -> {
            linkMessage.setText(why);
            if (!getChildren().contains(linkMessage)) {
                getChildren().add(linkMessage);
            }
        }, () -> getChildren().remove(linkMessage));
    }
}
