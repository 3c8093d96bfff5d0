package org.memvirt.view.memory;

import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.memvirt.viewmodel.memory.HostMemoryViewModel;
import org.memvirt.viewmodel.memory.LegendEntry;

/**
 * What the map's looks mean, with how many cells have each now. Swatches are painted by the
 * map's own raster in the map's palette, so the legend cannot drift from the map in any theme;
 * they are painted again when the theme or the zoom changes.
 */
final class MapLegend extends VBox {
    private static final int SWATCH = 16;

    private final MemoryTheme theme;
    private final java.util.Map<Integer, javafx.scene.image.Image> swatches = new java.util.HashMap<>();
    private final FlowPane frameRow = row("frame-legend");
    private final FlowPane guestRow = row("guest-legend");

    MapLegend(HostMemoryViewModel viewModel, MemoryTheme theme) {
        this.theme = theme;
        getStyleClass().add("map-legend");
        setId("map-legend");
        setSpacing(3);
        getChildren().addAll(frameRow, guestRow);
        ListChangeListener<LegendEntry> refresh = c -> show(viewModel.frameLegend(), viewModel.guestLegend());
        viewModel.frameLegend().addListener(refresh);
        viewModel.guestLegend().addListener(refresh);
        theme.onChange(() -> {
            swatches.clear();
            frameRow.getChildren().clear();
            guestRow.getChildren().clear();
            show(viewModel.frameLegend(), viewModel.guestLegend());
        });
        show(viewModel.frameLegend(), viewModel.guestLegend());
    }

    private int swatchSize() {
        return (int) Math.round(SWATCH * theme.scale());
    }

    private static FlowPane row(String id) {
        FlowPane row = new FlowPane();
        row.setId(id);
        row.setHgap(14);
        row.setVgap(3);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void show(List<LegendEntry> frames, List<LegendEntry> guest) {
        if (sameLooks(frames, frameRow) && sameLooks(guest, guestRow)) {
            relabel(frames, frameRow);
            relabel(guest, guestRow);
            return;
        }
        frameRow.getChildren().clear();
        guestRow.getChildren().clear();
        if (!frames.isEmpty()) {
            frameRow.getChildren().add(heading("Host frames:"));
            frames.forEach(e -> frameRow.getChildren().add(item(e)));
            frameRow.getChildren().add(changedItem());
        }
        if (!guest.isEmpty()) {
            guestRow.getChildren().add(heading("Guest pages:"));
            guest.forEach(e -> guestRow.getChildren().add(item(e)));
        }
    }

    /** True when {@code row} shows exactly these entries' looks, in order (only the counts changed). */
    private static boolean sameLooks(List<LegendEntry> entries, FlowPane row) {
        List<javafx.scene.Node> items = row.getChildren().stream().filter(n -> n.getUserData() instanceof Integer)
                .toList();
        if (items.size() != entries.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).getUserData().equals(entries.get(i).look())) {
                return false;
            }
        }
        return true;
    }

    private static void relabel(List<LegendEntry> entries, FlowPane row) {
        List<javafx.scene.Node> items = row.getChildren().stream().filter(n -> n.getUserData() instanceof Integer)
                .toList();
        for (int i = 0; i < items.size(); i++) {
            ((Label) ((HBox) items.get(i)).getChildren().get(1)).setText(entries.get(i).text());
        }
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("legend-heading");
        return l;
    }

    private HBox item(LegendEntry e) {
        Label l = new Label(e.text());
        l.getStyleClass().add("legend-label");
        HBox box = new HBox(5, new ImageView(swatches.computeIfAbsent(e.look(),
                k -> Raster.swatch(theme.palette(), k, swatchSize(), false))), l);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("legend-item");
        box.setUserData(e.look());
        return box;
    }

    private HBox changedItem() {
        ImageView swatch = new ImageView(Raster.swatch(theme.palette(), 0, swatchSize(), true));
        Label l = new Label("changed in this step");
        l.getStyleClass().add("legend-label");
        HBox box = new HBox(5, swatch, l);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("legend-item");
        return box;
    }
}
