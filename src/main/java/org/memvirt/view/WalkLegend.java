package org.memvirt.view;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.engine.event.Dimension;
import org.memvirt.viewmodel.CellKind;
import org.memvirt.viewmodel.GridCell;
import org.memvirt.viewmodel.WalkGrid;

/**
 * What the looks of the grid cells mean; each swatch is drawn with the cells' own style classes.
 * It lists exactly what the grid on screen draws: a native walk has no EPT entries, a shadow
 * walk's purple cells are named, and the cached, skipped and fault looks appear when a cell has them.
 */
final class WalkLegend extends FlowPane {

    WalkLegend(ObservableValue<WalkGrid> grid) {
        getStyleClass().add("walk-legend");
        setId("walk-legend");
        setHgap(18);
        setVgap(6);
        setAlignment(Pos.CENTER_LEFT);
        setMinWidth(0);
        show(grid.getValue());
        grid.addListener((obs, old, now) -> show(now));
    }

    /** The legend's entries for {@code grid}, by their words (for tests). */
    static List<String> entries(WalkGrid grid) {
        return items(grid).stream().map(i -> i.text).toList();
    }

    private void show(WalkGrid grid) {
        getChildren().clear();
        for (Item i : items(grid)) {
            getChildren().add(i.node());
        }
    }

    private record Item(String text, String icon, String... swatch) {
        Node node() {
            Region s = new Region();
            s.getStyleClass().addAll(swatch);
            s.getStyleClass().add("legend-swatch");
            Label l = new Label(text);
            l.getStyleClass().add("legend-label");
            l.setMinWidth(Region.USE_PREF_SIZE);
            if (icon != null) {
                FontIcon i = new FontIcon(icon);
                i.getStyleClass().add("legend-icon");
                l.setGraphic(i);
            }
            HBox box = new HBox(6, s, l);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setMinWidth(Region.USE_PREF_SIZE);
            return box;
        }
    }

    private static List<Item> items(WalkGrid grid) {
        List<Item> items = new ArrayList<>();
        if (grid == null) {
            return items;
        }
        Set<Dimension> dims = EnumSet.noneOf(Dimension.class);
        Set<CellKind> kinds = EnumSet.noneOf(CellKind.class);
        boolean fault = false;
        boolean earlier = false;
        for (GridCell c : grid.cells()) {
            kinds.add(c.kind());
            if (c.reference() != null) {
                dims.add(c.reference().dimension());
            }
            fault |= c.faulted();
            earlier |= c.faultedBefore();
        }
        boolean nested = grid.walk().settings().nested();
        String first = "dim-native";
        if (dims.contains(Dimension.GUEST) || nested) {
            items.add(new Item("Guest entry", null, "walk-cell", "dim-guest", "kind-reference", "legend-done"));
            first = "dim-guest";
        }
        if (dims.contains(Dimension.HOST) || nested) {
            items.add(new Item("EPT (host) entry", null, "walk-cell", "dim-host", "kind-reference", "legend-done"));
        }
        if (dims.contains(Dimension.NATIVE)) {
            items.add(new Item("Page-table entry", null, "walk-cell", "dim-native", "kind-reference", "legend-done"));
        }
        if (dims.contains(Dimension.SHADOW)) {
            items.add(new Item("Shadow-table entry", null, "walk-cell", "dim-native", "dim-shadow", "kind-reference",
                    "legend-done"));
            first = "dim-shadow";
        }
        if (kinds.contains(CellKind.DATA)) {
            items.add(new Item("Data access", "mdi2c-check-circle", "walk-cell", "dim-data", "kind-data", "legend-done"));
        }
        if (kinds.contains(CellKind.REFERENCE)) {
            items.add(new Item("Entry read now", "mdi2e-eye", "walk-cell", first, "kind-reference", "legend-current"));
            items.add(new Item("Still to come", null, "walk-cell", first, "kind-reference", "legend-pending"));
        }
        if (kinds.contains(CellKind.LARGE_PAGE)) {
            items.add(new Item("Skipped: large page", "mdi2a-arrow-collapse-vertical", "walk-cell", "dim-none",
                    "kind-large-page"));
        }
        if (kinds.contains(CellKind.WALK_CACHE) || kinds.contains(CellKind.NESTED_TLB) || kinds.contains(CellKind.TLB)) {
            items.add(new Item("Cached: not read", "mdi2l-lightning-bolt", "walk-cell", "dim-none", "kind-walk-cache"));
        }
        if (kinds.contains(CellKind.NOT_REACHED)) {
            items.add(new Item("Not reached", "mdi2m-minus-circle-outline", "walk-cell", "dim-none",
                    "kind-not-reached"));
        }
        if (fault) {
            items.add(new Item("Fault", "mdi2a-alert", "walk-cell", "dim-none", "kind-reference", "legend-fault"));
        }
        if (earlier) {
            items.add(new Item("Faulted on an earlier try", "mdi2a-alert", "walk-cell", "dim-none", "kind-reference",
                    "legend-fault"));
        }
        return items;
    }
}
