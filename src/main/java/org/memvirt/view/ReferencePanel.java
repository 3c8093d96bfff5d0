package org.memvirt.view;

import java.util.Map;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.engine.event.Dimension;
import org.memvirt.viewmodel.BitChip;
import org.memvirt.viewmodel.EntryDecoding;
import org.memvirt.viewmodel.WalkViewModel;

/**
 * The side panel: the running count, the caption of the current reference, the entry it read
 * decoded bit by bit, the result once the walk is over, and the event log.
 */
final class ReferencePanel extends VBox {
    private final Label entryHeading = new Label();
    private final Label entryRaw = new Label();
    private final FlowPane chips = new FlowPane(5, 5);
    private final GridPane facts = new GridPane();
    private final VBox entryBox;
    private final Label noEntry = new Label("No entry read yet.");

    ReferencePanel(WalkViewModel viewModel) {
        getStyleClass().add("reference-panel");
        setId("reference-panel");

        Label counter = new Label();
        counter.setId("reference-counter");
        counter.getStyleClass().add("reference-counter");
        counter.textProperty().bind(viewModel.counterTextProperty());
        Label breakdown = new Label();
        breakdown.setId("reference-breakdown");
        breakdown.getStyleClass().add("reference-breakdown");
        breakdown.textProperty().bind(viewModel.breakdownTextProperty());
        breakdown.setWrapText(true);
        Label caption = new Label();
        caption.setId("caption");
        caption.getStyleClass().add("caption");
        caption.setWrapText(true);
        caption.setMinHeight(Label.USE_PREF_SIZE);
        caption.textProperty().bind(viewModel.captionProperty());

        Label entryTitle = sectionTitle("Entry just read");
        entryHeading.setId("entry-heading");
        entryHeading.getStyleClass().add("entry-heading");
        entryRaw.setId("entry-raw");
        entryRaw.getStyleClass().addAll("entry-raw", "mono");
        chips.setId("entry-chips");
        chips.getStyleClass().add("chips");
        facts.getStyleClass().add("entry-facts");
        facts.setHgap(10);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        values.setMinWidth(0);
        facts.getColumnConstraints().addAll(keys, values);
        facts.setVgap(2);
        entryBox = new VBox(6, entryHeading, entryRaw, chips, facts);
        entryBox.getStyleClass().add("entry-box");
        noEntry.getStyleClass().add("placeholder");
        noEntry.setWrapText(true);

        Label result = new Label();
        result.setId("result");
        result.getStyleClass().add("result");
        result.setWrapText(true);
        result.setMinHeight(Label.USE_PREF_SIZE);
        result.setGraphic(new FontIcon("mdi2c-check-circle"));
        result.textProperty().bind(viewModel.resultTextProperty());
        result.visibleProperty().bind(viewModel.resultTextProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());

        Label preamble = new Label();
        preamble.setId("preamble");
        preamble.getStyleClass().add("preamble");
        preamble.setWrapText(true);
        preamble.setMinHeight(Label.USE_PREF_SIZE);
        preamble.textProperty().bind(viewModel.preambleTextProperty());
        preamble.visibleProperty().bind(viewModel.preambleTextProperty().isNotEmpty());
        preamble.managedProperty().bind(preamble.visibleProperty());

        Label logTitle = sectionTitle("Events of this access");
        ListView<String> log = new ListView<>(viewModel.eventLog());
        log.setId("event-log");
        log.getStyleClass().add("event-log");
        log.setFocusTraversable(false);
        VBox.setVgrow(log, Priority.ALWAYS);
        log.setMinHeight(110);
        viewModel.eventLog().addListener((ListChangeListener<String>) c -> {
            if (!log.getItems().isEmpty()) {
                log.scrollTo(log.getItems().size() - 1);
            }
        });

        VBox entrySection = new VBox(6, entryTitle, noEntry, entryBox);
        getChildren().addAll(counter, breakdown, caption, entrySection, result, preamble, logTitle, log);
        setSpacing(8);
        show(viewModel.currentEntryProperty().get());
        viewModel.currentEntryProperty().addListener((obs, old, now) -> show(now));
    }

    private static Label sectionTitle(String text) {
        Label l = new Label(text.toUpperCase(java.util.Locale.ROOT));
        l.getStyleClass().add("section-title");
        return l;
    }

    private void show(EntryDecoding e) {
        entryBox.setVisible(e != null);
        entryBox.setManaged(e != null);
        noEntry.setVisible(e == null);
        noEntry.setManaged(e == null);
        chips.getChildren().clear();
        facts.getChildren().clear();
        if (e == null) {
            return;
        }
        String dim = e.dimension() == Dimension.HOST ? "dim-host" : e.dimension() == Dimension.GUEST ? "dim-guest"
                : "dim-native";
        entryBox.getStyleClass().removeAll("dim-host", "dim-guest", "dim-native");
        entryBox.getStyleClass().add(dim);
        entryHeading.setText(e.heading());
        entryRaw.setText(e.rawValue());
        for (BitChip chip : e.chips()) {
            Label l = new Label(chip.name());
            l.getStyleClass().addAll("chip", chip.on() ? "chip-on" : "chip-off", dim);
            l.setTooltip(new Tooltip(chip.name() + " = " + (chip.on() ? "1" : "0") + ": " + chip.meaning()));
            chips.getChildren().add(l);
        }
        int row = 0;
        for (Map.Entry<String, String> f : e.facts().entrySet()) {
            Label k = new Label(f.getKey());
            k.getStyleClass().add("fact-key");
            Label v = new Label(f.getValue());
            v.getStyleClass().addAll("fact-value", "mono");
            v.setWrapText(true);
            v.setMinHeight(Region.USE_PREF_SIZE);
            facts.addRow(row++, k, v);
        }
    }
}
