package org.memvirt.view.tables;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;

import org.memvirt.viewmodel.tables.TableKind;

/** What the looks of the Tables view mean; each swatch uses the rows' own style classes. */
final class TablesLegend extends FlowPane {

    TablesLegend() {
        getStyleClass().add("tables-legend");
        setId("tables-legend");
        setHgap(14);
        setVgap(4);
        setAlignment(Pos.CENTER_LEFT);
        show(List.of(TableKind.GUEST, TableKind.SHADOW, TableKind.P2M));
    }

    /** Shows the items that matter for these columns. */
    void show(List<TableKind> kinds) {
        getChildren().clear();
        boolean shadow = kinds.contains(TableKind.SHADOW);
        getChildren().add(item(card("dim-guest"), kinds.contains(TableKind.NATIVE) ? "page-table entry"
                : "guest entry"));
        if (kinds.contains(TableKind.EPT) || kinds.contains(TableKind.P2M)) {
            getChildren().add(item(card("dim-host"), kinds.contains(TableKind.EPT) ? "EPT entry" : "P2M entry"));
        }
        if (shadow) {
            getChildren().add(item(card("dim-shadow"), "shadow entry"));
        }
        getChildren().addAll(
                item(card("dim-guest", "legend-path"), "in use"),
                item(Badges.badge("READ #3", "mdi2e-eye", null, "badge-read", "badge-guest"), "read by the walk"));
        if (shadow) {
            getChildren().addAll(
                    item(Badges.badge("FILLED 1", "mdi2p-plus-box", null, "badge-shadow"), "made by the VMM"),
                    item(Badges.badge("ZAPPED", "mdi2e-eraser", null, "badge-vmm"), "cleared"),
                    item(Badges.badge("WRITE-PROTECTED", "mdi2l-lock", null, "badge-protected"), "a store traps"),
                    item(arrow(), "made from"));
        } else if (!kinds.contains(TableKind.NATIVE)) {
            getChildren().add(item(Badges.badge("FILLED", "mdi2p-plus-box", null, "badge-host"),
                    "backed by the VMM"));
        }
    }

    private static Node card(String... classes) {
        Region r = new Region();
        r.getStyleClass().addAll("entry-card", "legend-swatch");
        r.getStyleClass().addAll(classes);
        return r;
    }

    private static Node arrow() {
        Line l = new Line(0, 0, 26, 0);
        l.getStyleClass().addAll("link-line", "link-from-guest");
        StackPane p = new StackPane(l);
        p.setMinWidth(30);
        return p;
    }

    private static HBox item(Node swatch, String text) {
        Label l = new Label(text);
        l.getStyleClass().add("legend-label");
        HBox box = new HBox(6, swatch, l);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
