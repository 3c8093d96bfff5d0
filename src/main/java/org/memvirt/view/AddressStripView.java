package org.memvirt.view;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.memvirt.engine.event.Dimension;
import org.memvirt.viewmodel.AddressBreakdown;
import org.memvirt.viewmodel.AddressField;

/**
 * An address in grouped hex and split into its fields: unused top bits, one 9-bit index per
 * level in that level's tint (named and with its value), and the offset. The field the current
 * reference uses is outlined.
 */
final class AddressStripView extends HBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private final Label label = new Label();
    private final Label hex = new Label();
    private final HBox fields = new HBox(4);

    AddressStripView(String id, ObservableValue<AddressBreakdown> address) {
        setId(id);
        getStyleClass().add("address-strip");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(14);
        label.getStyleClass().add("address-label");
        hex.getStyleClass().addAll("address-hex", "mono");
        hex.setId(id + "-hex");
        VBox head = new VBox(0, label, hex);
        setMinWidth(Region.USE_PREF_SIZE);
        head.getStyleClass().add("address-head");
        fields.setAlignment(Pos.BOTTOM_LEFT);
        getChildren().addAll(head, fields);
        show(address.getValue());
        address.addListener((obs, old, now) -> show(now));
    }

    private void show(AddressBreakdown a) {
        setVisible(a != null);
        setManaged(a != null);
        fields.getChildren().clear();
        if (a == null) {
            return;
        }
        label.setText(a.label());
        hex.setText(a.hex());
        String dimension = a.dimension() == Dimension.HOST ? "dim-host"
                : a.dimension() == Dimension.GUEST ? "dim-guest" : "dim-native";
        getStyleClass().removeAll("dim-host", "dim-guest", "dim-native");
        getStyleClass().add(dimension);
        for (AddressField f : a.fields()) {
            Label name = new Label(f.value().isEmpty() ? f.name() : f.name() + "  " + f.value());
            name.getStyleClass().add("field-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label bits = new Label(f.bits());
            bits.setMinWidth(Region.USE_PREF_SIZE);
            bits.getStyleClass().addAll("field-bits", "mono");
            VBox box = new VBox(1, name, bits);
            box.setAlignment(Pos.CENTER);
            box.getStyleClass().addAll("address-field", dimension, "field-" + f.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (f.kind() == AddressField.Kind.INDEX) {
                box.getStyleClass().add("level-" + f.level());
            }
            box.pseudoClassStateChanged(CURRENT, f.current());
            fields.getChildren().add(box);
        }
    }
}
