package org.memvirt.view.compare;

import java.util.List;
import java.util.Locale;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.view.WholeWords;
import org.memvirt.viewmodel.compare.ColumnViewModel;

/**
 * One machine's counters, as the sections of a column: the header (the mode's name and icon as
 * well as its colour), walk references with the tables they read and the TLB, VM exits by reason,
 * hidden faults, the estimated cost with its bar, and what the last step cost. {@link CounterTable}
 * lays the sections of the three columns out in shared rows, so that a student reads across.
 * Ids are {@code <mode>-refs}, {@code <mode>-exits}, and so on.
 */
final class CounterColumn {
    private final List<Node> sections;
    /** Lines a short screen gives up first (level 1) and next (level 2). */
    private final List<Node> details;
    private final Node lastStep;
    private final Region card = new Region();

    CounterColumn(ColumnViewModel column) {
        String key = column.key();
        card.getStyleClass().addAll("counter-card", "mode-" + key);
        card.setId(key + "-column");

        FontIcon icon = new FontIcon(switch (column.mode()) {
            case NATIVE -> "mdi2c-chip";
            case NESTED -> "mdi2l-layers";
            case SHADOW -> "mdi2c-content-copy";
        });
        icon.getStyleClass().add("column-icon");
        Label title = new Label(column.title(), icon);
        title.getStyleClass().add("column-title");
        WholeWords.keep(title);
        title.setId(key + "-title");
        Label subtitle = new Label(column.subtitle());
        subtitle.getStyleClass().add("column-subtitle");
        WholeWords.keep(subtitle);
        subtitle.setMinHeight(Region.USE_PREF_SIZE);
        VBox header = new VBox(1, title, subtitle);
        header.getStyleClass().addAll("column-header", "mode-" + key);
        header.setMaxHeight(Double.MAX_VALUE);

        Label refs = value(key + "-refs", "big-number", column.referencesTextProperty());
        Label refsDetail = value(key + "-refs-detail", "detail", column.referencesDetailProperty());
        Label perMiss = value(key + "-per-walk", "detail", column.perMissTextProperty());
        Label tlb = value(key + "-tlb", "detail", column.tlbTextProperty());

        FontIcon exitIcon = new FontIcon("mdi2e-exit-run");
        exitIcon.getStyleClass().add("exit-icon");
        Label exits = value(key + "-exits", "big-number", column.exitsTextProperty());
        exits.getStyleClass().add("exit-number");
        exits.setGraphic(exitIcon);
        exits.setTooltip(new Tooltip("Each VM exit leaves the guest for the hypervisor and comes back: hundreds to "
                + "thousands of cycles."));
        Label reasons = value(key + "-exit-reasons", "exit-reasons", column.exitReasonsProperty());

        FontIcon hiddenIcon = new FontIcon("mdi2e-eye-off-outline");
        hiddenIcon.getStyleClass().add("hidden-icon");
        Label hidden = value(key + "-hidden", "mid-number", column.hiddenFaultsTextProperty());
        hidden.setGraphic(hiddenIcon);
        hidden.setTooltip(new Tooltip("Page faults only the hypervisor saw: shadow fills, trapped page-table writes."));

        Label cycles = value(key + "-cycles", "cycles-number", column.cyclesTextProperty());
        Label versus = value(key + "-versus-native", "detail", column.versusNativeProperty());
        HBox cycleRow = new HBox(8, cycles, versus);
        cycleRow.setAlignment(Pos.BASELINE_LEFT);
        Label costSplit = value(key + "-cost-split", "detail", column.costSplitProperty());
        CostBar bar = new CostBar(key, column.referenceShareProperty(), column.exitShareProperty());
        VBox.setMargin(bar, new Insets(3, 0, 0, 0));

        Label last = value(key + "-last-step", "last-step", column.lastStepProperty());
        for (Label figure : List.of(refs, exits, hidden, cycles)) {
            figure.getStyleClass().add("key-text");
            figure.setMinWidth(Region.USE_PREF_SIZE);
        }

        lastStep = section(key, "Last step", last);
        sections = List.of(header,
                section(key, "Walk references", refs, refsDetail, perMiss, tlb),
                section(key, "VM exits", exits, reasons),
                section(key, "Hidden faults", hidden),
                section(key, "Estimated cycles", cycleRow, costSplit, bar),
                lastStep);
        details = List.of(subtitle, refsDetail, perMiss, tlb, costSplit);
        details.forEach(d -> d.managedProperty().bind(d.visibleProperty()));
        lastStep.managedProperty().bind(lastStep.visibleProperty());
    }

    /**
     * Density of the Compare screen: from level 1 the subtitle and the detail lines go, from level
     * 2 the last step's words; the figures, the exit reasons and the cost bar always stay.
     */
    void density(int level) {
        details.forEach(d -> d.setVisible(level < 1));
        lastStep.setVisible(level < 2);
    }

    /** The background card behind the whole column. */
    Region card() {
        return card;
    }

    /** Header first, then one node per section, top to bottom. */
    List<Node> sections() {
        return sections;
    }

    private static Label value(String id, String style, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.textProperty().bind(text);
        WholeWords.keep(l);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static VBox section(String key, String title, Node... content) {
        Label l = new Label(title.toUpperCase(Locale.ROOT));
        l.getStyleClass().add("column-section");
        WholeWords.keep(l);
        VBox box = new VBox(1, l);
        box.getChildren().addAll(content);
        box.getStyleClass().addAll("counter-section", "mode-" + key);
        box.setMinWidth(0);
        return box;
    }

    /** The estimated cost as a bar: references in the mode's colour, VM exits hatched in vermillion. */
    static final class CostBar extends StackPane {
        CostBar(String key, ObservableValue<Number> referenceShare, ObservableValue<Number> exitShare) {
            getStyleClass().add("cost-bar");
            setId(key + "-cost-bar");
            Region refs = new Region();
            refs.getStyleClass().addAll("cost-refs", "mode-fill-" + key);
            Region exits = new Region();
            exits.getStyleClass().add("cost-exits");
            HBox fill = new HBox(refs, exits);
            fill.setFillHeight(true);
            getChildren().add(fill);
            setAlignment(Pos.CENTER_LEFT);
            Runnable size = () -> {
                double w = Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset());
                double r = referenceShare.getValue().doubleValue() * w;
                double e = exitShare.getValue().doubleValue() * w;
                refs.setMinWidth(r);
                refs.setPrefWidth(r);
                refs.setMaxWidth(r);
                exits.setMinWidth(e);
                exits.setPrefWidth(e);
                exits.setMaxWidth(e);
            };
            referenceShare.addListener(obs -> size.run());
            exitShare.addListener(obs -> size.run());
            widthProperty().addListener(obs -> size.run());
            setMinWidth(0);
        }
    }
}
