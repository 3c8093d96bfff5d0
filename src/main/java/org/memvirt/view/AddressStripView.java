package org.memvirt.view;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
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
final class AddressStripView extends FlowPane {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private final Label label = new Label();
    private final Label hex = new Label();
    private final VBox head = new VBox(0, label, hex);

    AddressStripView(String id, ObservableValue<AddressBreakdown> address) {
        setId(id);
        getStyleClass().add("address-strip");
        // the name and the fields wrap onto more lines where the width is short; each stays whole
        setAlignment(Pos.BOTTOM_LEFT);
        setHgap(4);
        setVgap(4);
        setMinWidth(0);
        label.getStyleClass().add("address-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        hex.getStyleClass().addAll("address-hex", "mono");
        hex.setId(id + "-hex");
        hex.setMinWidth(Region.USE_PREF_SIZE);
        head.getStyleClass().add("address-head");
        head.setMinWidth(Region.USE_PREF_SIZE);
        show(address.getValue());
        address.addListener((obs, old, now) -> show(now));
    }

    private void show(AddressBreakdown a) {
        setVisible(a != null);
        setManaged(a != null);
        getChildren().clear();
        if (a == null) {
            return;
        }
        label.setText(a.label());
        hex.setText(a.hex());
        getChildren().add(head);
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
            box.setMinWidth(Region.USE_PREF_SIZE);
            getChildren().add(box);
        }
    }
}
