package org.memvirt.view;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import org.kordamp.ikonli.javafx.FontIcon;

/** What the looks of the grid cells mean; each swatch is drawn with the cells' own style classes. */
final class WalkLegend extends FlowPane {

    WalkLegend() {
        getStyleClass().add("walk-legend");
        setId("walk-legend");
        setHgap(18);
        setVgap(6);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(
                item("Guest (or native) entry", null, "walk-cell", "dim-guest", "kind-reference", "legend-done"),
                item("EPT (host) entry", null, "walk-cell", "dim-host", "kind-reference", "legend-done"),
                item("Data access", "mdi2c-check-circle", "walk-cell", "dim-data", "kind-data", "legend-done"),
                item("Entry read now", "mdi2e-eye", "walk-cell", "dim-guest", "kind-reference",
                        "legend-current"),
                item("Still to come", null, "walk-cell", "dim-host", "kind-reference", "legend-pending"),
                item("Skipped: large page", "mdi2a-arrow-collapse-vertical", "walk-cell", "dim-none",
                        "kind-large-page"),
                item("Cached: not read", "mdi2l-lightning-bolt", "walk-cell", "dim-none", "kind-walk-cache"),
                item("Fault", "mdi2a-alert", "walk-cell", "dim-none", "kind-reference", "legend-fault"));
    }

    private static HBox item(String text, String icon, String... swatchClasses) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll(swatchClasses);
        swatch.getStyleClass().add("legend-swatch");
        Label l = new Label(text);
        l.getStyleClass().add("legend-label");
        if (icon != null) {
            FontIcon i = new FontIcon(icon);
            i.getStyleClass().add("legend-icon");
            l.setGraphic(i);
        }
        HBox box = new HBox(6, swatch, l);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
