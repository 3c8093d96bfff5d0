package org.memvirt.view.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.view.WholeWords;
import org.memvirt.viewmodel.tables.EntryRef;
import org.memvirt.viewmodel.tables.EntryRow;
import org.memvirt.viewmodel.tables.HiddenEntries;
import org.memvirt.viewmodel.tables.RowNote;
import org.memvirt.viewmodel.tables.TableColumn;
import org.memvirt.viewmodel.tables.TableHeading;
import org.memvirt.viewmodel.tables.TableKind;
import org.memvirt.viewmodel.tables.TableRow;

/**
 * One column: a coloured, labelled header, then the tree of one kind of table. The column takes
 * the height its tree needs: when the view is short (a small window, a large zoom) the Tables
 * view asks every column for a denser form (see {@link #density}): the header's subtitle goes
 * first (its tooltip has it whole), then the chips take their compact form, then the entries
 * nothing happened to fold away, so the entries in use stay in view without a scroll bar. Only
 * with "show all present entries" does the tree scroll.
 */
final class TableColumnView extends VBox {
    private final TableKind kind;
    private final VBox rows = new VBox(3);
    private final ScrollPane scroll = new ScrollPane();
    private final Label subtitle = new Label();
    private final Tooltip subtitleTip = new Tooltip();
    private final Label note = new Label();
    private final List<Node> secondary = new ArrayList<>();
    private final List<EntryRowView> entries = new ArrayList<>();
    private final List<TableHeadingView> headings = new ArrayList<>();
    private boolean scrolling;

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
        WholeWords.keep(title);
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox head = new HBox(8, tag, title);
        head.setAlignment(Pos.CENTER_LEFT);
        subtitle.getStyleClass().add("column-subtitle");
        WholeWords.keep(subtitle);
        subtitle.setPrefWidth(0);
        subtitle.setMaxWidth(Double.MAX_VALUE);
        subtitle.setTooltip(subtitleTip);
        subtitle.managedProperty().bind(subtitle.visibleProperty());
        VBox header = new VBox(2, head, subtitle);
        header.getStyleClass().add("column-header");
        header.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().add("column-note");
        WholeWords.keep(note);
        note.setPrefWidth(0);
        note.setMaxWidth(Double.MAX_VALUE);
        note.setGraphic(new FontIcon("mdi2i-information-outline"));
        rows.getStyleClass().add("column-rows");
        scroll.getStyleClass().add("column-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox.setVgrow(rows, Priority.ALWAYS);
        getChildren().addAll(header, rows);
    }

    TableKind kind() {
        return kind;
    }

    /** What holds the tree: the rows themselves, or the scroll pane around them with "show all". */
    Region body() {
        return scrolling ? scroll : rows;
    }

    /**
     * Draws {@code column}; registers every entry row by where it sits, for arrows and pulses.
     * With {@code scrolling} ("show all") the tree scrolls and never folds.
     */
    void show(TableColumn column, Map<EntryRef, EntryRowView> registry, boolean scrolling) {
        this.scrolling = scrolling;
        subtitle.setText(column.subtitle());
        subtitleTip.setText(column.subtitle());
        rows.getChildren().clear();
        secondary.clear();
        entries.clear();
        headings.clear();
        if (!column.note().isEmpty()) {
            note.setText(column.note());
            rows.getChildren().add(note);
        }
        for (TableRow row : column.rows()) {
            rows.getChildren().add(rowView(row, registry));
        }
        scroll.setContent(scrolling ? rows : null);
        getChildren().set(1, scrolling ? scroll : rows);
    }

    /**
     * Applies a density level: 0 everything; 1 without the subtitle; 2 chips in compact form; 3
     * also without the entries nothing happened to (not with "show all", which scrolls instead); 4
     * table headings in compact form.
     */
    void density(int level) {
        subtitle.setVisible(level < 1);
        for (EntryRowView e : entries) {
            e.compact(level >= 2);
        }
        for (TableHeadingView h : headings) {
            h.compact(level >= 4);
        }
        boolean fold = level >= 3 && !scrolling;
        for (Node n : secondary) {
            n.setVisible(!fold);
        }
    }

    private Node rowView(TableRow row, Map<EntryRef, EntryRowView> registry) {
        if (row instanceof TableHeading h) {
            TableHeadingView v = new TableHeadingView(h);
            headings.add(v);
            return v;
        }
        if (row instanceof EntryRow e) {
            EntryRowView v = new EntryRowView(e);
            registry.put(e.ref(), v);
            entries.add(v);
            if (e.marks().isEmpty()) {
                secondary(v);
            }
            return v;
        }
        if (row instanceof HiddenEntries h) {
            Label l = new Label(h.text());
            l.getStyleClass().add("hidden-entries");
            WholeWords.keep(l);
            return secondary(new HBox(TreeIndent.of(h.depth()), l));
        }
        RowNote n = (RowNote) row;
        Label l = new Label(n.text());
        l.getStyleClass().add("row-note");
        WholeWords.keep(l);
        return secondary(new HBox(TreeIndent.of(n.depth()), l));
    }

    private Node secondary(Node n) {
        n.managedProperty().bind(n.visibleProperty());
        secondary.add(n);
        return n;
    }

    /** The entry rows, top to bottom. */
    List<EntryRowView> entryRows() {
        return List.copyOf(entries);
    }

    /** Scrolls as little as needed so that {@code node} (inside this column) is in view ("show all" only). */
    void reveal(Node node) {
        if (!scrolling) {
            return;
        }
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
