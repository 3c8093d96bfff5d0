package org.memvirt.view.tables;

import java.util.List;
import java.util.Map;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.viewmodel.tables.EntryRef;
import org.memvirt.viewmodel.tables.EntryRow;
import org.memvirt.viewmodel.tables.HiddenEntries;
import org.memvirt.viewmodel.tables.RowNote;
import org.memvirt.viewmodel.tables.TableColumn;
import org.memvirt.viewmodel.tables.TableHeading;
import org.memvirt.viewmodel.tables.TableKind;
import org.memvirt.viewmodel.tables.TableRow;

/**
 * One column: a coloured, labelled header, then the tree of one kind of table, scrollable. When the
 * column is short (a small window, a large zoom) the header's subtitle gives up lines before the
 * tree does (tables.css keeps the tree a few lines tall); its tooltip has it whole.
 */
final class TableColumnView extends VBox {
    private final TableKind kind;
    private final VBox rows = new VBox(3);
    private final ScrollPane scroll = new ScrollPane(rows);
    private final Label subtitle = new Label();
    private final Tooltip subtitleTip = new Tooltip();
    private final Label note = new Label();

    TableColumnView(TableKind kind) {
        this.kind = kind;
        getStyleClass().addAll("table-column", "table-" + kind.key());
        setId("column-" + kind.key());
        FontIcon icon = new FontIcon(switch (kind) {
            case GUEST, NATIVE -> "mdi2a-account";
            case EPT, P2M -> "mdi2s-server";
            case SHADOW -> "mdi2c-content-copy";
        });
        icon.getStyleClass().add("column-icon");
        Label tag = new Label(switch (kind) {
            case GUEST -> "GUEST";
            case NATIVE -> "PROCESS";
            case EPT -> "HOST";
            case P2M -> "HOST · VMM";
            case SHADOW -> "SHADOW";
        });
        tag.getStyleClass().add("column-tag");
        tag.setMinWidth(Label.USE_PREF_SIZE);
        Label title = new Label(kind.title());
        title.getStyleClass().add("column-title");
        title.setGraphic(icon);
        title.setMinWidth(0);
        HBox head = new HBox(8, tag, title);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        subtitle.getStyleClass().add("column-subtitle");
        subtitle.setWrapText(true);
        subtitle.setTooltip(subtitleTip);
        VBox header = new VBox(2, head, subtitle);
        header.getStyleClass().add("column-header");
        note.getStyleClass().add("column-note");
        note.setWrapText(true);
        note.setGraphic(new FontIcon("mdi2i-information-outline"));
        rows.getStyleClass().add("column-rows");
        scroll.getStyleClass().add("column-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setMinWidth(0);
        getChildren().addAll(header, scroll);
    }

    TableKind kind() {
        return kind;
    }

    ScrollPane scroll() {
        return scroll;
    }

    /** Draws {@code column}; registers every entry row by where it sits, for arrows and pulses. */
    void show(TableColumn column, Map<EntryRef, EntryRowView> registry) {
        subtitle.setText(column.subtitle());
        subtitleTip.setText(column.subtitle());
        rows.getChildren().clear();
        if (!column.note().isEmpty()) {
            note.setText(column.note());
            rows.getChildren().add(note);
        }
        for (TableRow row : column.rows()) {
            rows.getChildren().add(rowView(row, registry));
        }
    }

    private Node rowView(TableRow row, Map<EntryRef, EntryRowView> registry) {
        if (row instanceof TableHeading h) {
            return new TableHeadingView(h);
        }
        if (row instanceof EntryRow e) {
            EntryRowView v = new EntryRowView(e);
            registry.put(e.ref(), v);
            return v;
        }
        if (row instanceof HiddenEntries h) {
            Label l = new Label(h.text());
            l.getStyleClass().add("hidden-entries");
            return new HBox(TreeIndent.of(h.depth()), l);
        }
        RowNote n = (RowNote) row;
        Label l = new Label(n.text());
        l.getStyleClass().add("row-note");
        l.setWrapText(true);
        return new HBox(TreeIndent.of(n.depth()), l);
    }

    /** The entry rows, top to bottom. */
    List<EntryRowView> entryRows() {
        return rows.getChildren().stream().filter(EntryRowView.class::isInstance).map(EntryRowView.class::cast)
                .toList();
    }

    /** Scrolls as little as needed so that {@code node} (inside this column) is in view. */
    void reveal(Node node) {
        rows.applyCss();
        rows.layout();
        double contentHeight = rows.getBoundsInLocal().getHeight();
        double viewHeight = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewHeight || viewHeight <= 0) {
            return;
        }
        Bounds b = rows.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = scroll.getVvalue() * (contentHeight - viewHeight);
        double wanted = top;
        if (b.getMaxY() + 8 > top + viewHeight) {
            wanted = b.getMaxY() + 8 - viewHeight;
        }
        if (b.getMinY() < wanted) {
            wanted = b.getMinY() - 4;
        }
        wanted = Math.max(0, Math.min(wanted, contentHeight - viewHeight));
        if (wanted != top) {
            scroll.setVvalue(wanted / (contentHeight - viewHeight));
        }
    }
}
