package org.memvirt.view.tables;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.animation.Animation;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;

import org.memvirt.view.FitPane;
import org.memvirt.view.ViewPalette;
import org.memvirt.view.WholeWords;
import org.memvirt.view.ViewPalette.Hue;
import org.memvirt.viewmodel.tables.EntryMark;
import org.memvirt.viewmodel.tables.EntryRef;
import org.memvirt.viewmodel.tables.TableColumn;
import org.memvirt.viewmodel.tables.TableKind;
import org.memvirt.viewmodel.tables.TablesContent;
import org.memvirt.viewmodel.tables.TablesViewModel;

/**
 * The Tables view: the VM, process and depth on top, then what the step did as a strip of beats,
 * then guest, shadow and P2M (or guest and EPT) tables side by side as trees of decoded entries,
 * with arrows from each guest or P2M entry a shadow entry was made from to that shadow entry.
 * Entries the step changed glow briefly.
 */
public final class TablesView extends BorderPane {
    /** The stylesheet of the Tables view. */
    public static final String STYLESHEET = "/org/memvirt/view/tables.css";
    /** How long one swell of a changed entry's glow lasts, by default (it swells twice). */
    public static final Duration PULSE = Duration.millis(400);
    /** Density levels, loosest first: see {@link #density(int)}. */
    static final int DENSITY_LEVELS = 5;

    private final TablesViewModel viewModel;
    private final Duration pulse;
    private final Label headline = new Label();
    private final Label context = new Label();
    private final Label focus = new Label();
    private final StoryStrip story = new StoryStrip();
    private final ColumnsPane columnsBox = new ColumnsPane();
    private final BorderPane layout = new BorderPane();
    private final FitPane fit = new FitPane(layout, DENSITY_LEVELS, this::density);
    private final LinkOverlay overlay = new LinkOverlay();
    private final TablesLegend legend = new TablesLegend();
    private final ViewPalette palette = new ViewPalette();
    private final Map<TableKind, TableColumnView> columns = new EnumMap<>(TableKind.class);
    private final Map<EntryRef, EntryRowView> rows = new HashMap<>();
    private final Runnable afterLayout = this::afterLayout;
    private TablesContent shown;
    private boolean revealPending;

    /** The view with the default glow. */
    public TablesView(TablesViewModel viewModel) {
        this(viewModel, PULSE);
    }

    /**
     * @param pulse how long an entry the step changed glows; zero (tests, screenshots) draws no glow
     */
    public TablesView(TablesViewModel viewModel, Duration pulse) {
        this.viewModel = viewModel;
        this.pulse = pulse;
        getStyleClass().add("tables-view");
        setId("tables-view");
        ViewPalette.applyTo(this);
        getStylesheets().add(TablesView.class.getResource(STYLESHEET).toExternalForm());
        getChildren().add(palette);

        headline.setId("tables-headline");
        headline.getStyleClass().add("headline");
        WholeWords.keep(headline);
        context.setId("tables-context");
        context.getStyleClass().add("context");
        WholeWords.keep(context);
        focus.setId("tables-focus");
        focus.getStyleClass().addAll("focus", "mono");
        WholeWords.keep(focus);
        focus.setPrefWidth(0);
        focus.setMaxWidth(Double.MAX_VALUE);
        FlowPane titleRow = new FlowPane(12, 0, headline, context);
        titleRow.setRowValignment(VPos.BASELINE);
        headline.setMaxWidth(Double.MAX_VALUE);
        VBox heading = new VBox(2, titleRow, focus);
        heading.getStyleClass().add("tables-heading");
        VBox top = new VBox(new TablesToolbar(viewModel), heading, story);
        top.getStyleClass().add("top-area");
        layout.setTop(top);

        overlay.setManaged(false);
        StackPane center = new StackPane(columnsBox, overlay);
        center.getStyleClass().add("columns-area");
        center.layoutBoundsProperty().addListener((obs, old, now) -> overlay.resize(now.getWidth(), now.getHeight()));
        layout.setCenter(center);
        legend.managedProperty().bind(legend.visibleProperty());
        layout.setBottom(legend);
        setCenter(fit);

        sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
        show(viewModel.getContent());
        viewModel.contentProperty().addListener((obs, old, now) -> show(now));
    }

    private void show(TablesContent content) {
        boolean newStep = shown == null || shown.frameIndex() != content.frameIndex();
        shown = content;
        headline.setText(content.headline());
        context.setText(content.context());
        focus.setText(content.focusText());
        story.show(content.story());
        legend.show(content.columns().stream().map(TableColumn::kind).toList());
        rows.clear();
        List<TableColumnView> shownColumns = new ArrayList<>();
        boolean showAll = viewModel.showAllProperty().get();
        for (TableColumn c : content.columns()) {
            TableColumnView view = columns.computeIfAbsent(c.kind(), TableColumnView::new);
            view.show(c, rows, showAll);
            shownColumns.add(view);
        }
        columnsBox.setColumns(shownColumns);
        fit.refit();
        if (newStep) {
            revealPending = true;
            for (EntryRowView row : rows.values()) {
                if (row.changed()) {
                    Animation a = TablesAnimations.pulse(row.card(), glow(row), pulse);
                    if (a != null) {
                        a.play();
                    }
                }
            }
        }
        requestLayout();
    }

    /**
     * Makes the view denser when its content is taller than the space: 0 shows everything; 1 drops
     * the columns' subtitles and the story's detail lines; 2 draws entry bits as one compact chip
     * and drops the legend; 3 folds entries nothing happened to and the story strip, leaving the
     * path and the entries the step touched; 4 table headings without their second line. Beyond
     * that the {@link FitPane} scales.
     */
    private void density(int level) {
        for (TableColumnView c : columns.values()) {
            c.density(level);
        }
        story.density(level);
        legend.setVisible(level < 2);
    }

    /** The density level the view settled on at its last layout (0 = everything shown). */
    int densityLevel() {
        return fit.levelProperty().get();
    }

    /** The scale the view's content is drawn at (1 unless its densest form did not fit). */
    double shrink() {
        return fit.shrinkProperty().get();
    }

    /** The glow of a changed entry: its table's colour, the hypervisor's for a zap, as the theme has them. */
    private Color glow(EntryRowView row) {
        if (row.row().has(EntryMark.ZAPPED)) {
            return palette.color(Hue.VMM);
        }
        return palette.color(switch (row.row().ref().table()) {
            case GUEST, NATIVE -> Hue.GUEST;
            case EPT, P2M -> Hue.HOST;
            case SHADOW -> Hue.SHADOW;
        });
    }

    /** After each layout: bring the step's entries into view once, then keep the arrows on their rows. */
    private void afterLayout() {
        if (shown == null) {
            return;
        }
        if (revealPending) {
            revealPending = false;
            for (TableColumnView column : columns.values()) {
                EntryRowView first = firstNotable(column.kind());
                if (first != null) {
                    column.reveal(first);
                }
            }
        }
        overlay.draw(shown.links(), rows, columns);
    }

    /**
     * The row of a column the eye should land on: the first the step changed, else the deepest a
     * shadow entry was made from (the page's), else the deepest in use.
     */
    private EntryRowView firstNotable(TableKind kind) {
        EntryRowView changed = null;
        EntryRowView source = null;
        EntryRowView deepest = null;
        for (EntryRowView row : columns.get(kind).entryRows()) {
            if (changed == null && row.changed()) {
                changed = row;
            }
            if (row.row().has(EntryMark.SOURCE) && (source == null || row.row().depth() > source.row().depth())) {
                source = row;
            }
            if ((row.row().has(EntryMark.PATH) || row.row().has(EntryMark.READ))
                    && (deepest == null || row.row().depth() > deepest.row().depth())) {
                deepest = row;
            }
        }
        return changed != null ? changed : source != null ? source : deepest;
    }

    /** The view model this view shows. */
    public TablesViewModel viewModel() {
        return viewModel;
    }
}
