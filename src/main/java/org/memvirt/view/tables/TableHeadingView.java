package org.memvirt.view.tables;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.viewmodel.tables.TableHeading;
import org.memvirt.viewmodel.tables.TableMark;

/**
 * The heading of one table in a tree: its level and address, and below the root an arrow from the
 * entry above, which points to it. A write-protected guest table is hatched and carries a lock and
 * the words "write-protected".
 */
final class TableHeadingView extends HBox {

    private final List<Node> details = new ArrayList<>();

    TableHeadingView(TableHeading h) {
        getStyleClass().addAll("table-heading", "table-" + h.ref().table().key());
        setId("table-" + h.ref().id());
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        Region indent = TreeIndent.of(h.depth());
        FontIcon icon = new FontIcon(h.depth() == 0 ? "mdi2t-table" : "mdi2s-subdirectory-arrow-right");
        icon.getStyleClass().add("heading-icon");
        Label name = new Label(h.name());
        name.getStyleClass().add("heading-name");
        name.setMinWidth(Label.USE_PREF_SIZE);
        Label address = new Label(h.addressText());
        address.getStyleClass().addAll("heading-address", "mono");
        address.setMinWidth(Label.USE_PREF_SIZE);
        Label count = new Label(h.presentCount() + "/512");
        count.getStyleClass().add("heading-count");
        count.setMinWidth(Label.USE_PREF_SIZE);
        count.setTooltip(new Tooltip(h.presentCount() + " of its 512 entries are present"));
        FlowPane line1 = new FlowPane(6, 2, icon, name, address, count);
        line1.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(1, line1);
        card.getStyleClass().add("heading-card");
        card.setMinWidth(0);
        HBox.setHgrow(card, Priority.ALWAYS);
        FlowPane line2 = new FlowPane(6, 3);
        line2.setAlignment(Pos.CENTER_LEFT);
        line2.getStyleClass().add("heading-line2");
        if (!h.hostText().isEmpty()) {
            Label host = new Label(h.hostText());
            host.getStyleClass().addAll("heading-host", "mono");
            host.setMinWidth(Label.USE_PREF_SIZE);
            details.add(host);
            if (h.marks().isEmpty()) {
                line1.getChildren().add(3, host);
            } else {
                line2.getChildren().add(host);
            }
        }
        boolean protectedNow = h.marks().contains(TableMark.PROTECTED_NOW);
        for (TableMark m : h.marks()) {
            switch (m) {
                case WRITE_PROTECTED -> line2.getChildren().add(protectedNow
                        ? Badges.badge("WRITE-PROTECTED JUST NOW", "mdi2l-lock-plus", "A shadow table now mirrors this"
                        + " guest table, so the VMM made its page read-only in this step: a guest store to it traps",
                        "badge-vmm")
                        : Badges.badge("WRITE-PROTECTED", "mdi2l-lock", "A shadow table mirrors this guest table, so"
                        + " the VMM keeps its page read-only: a guest store to it traps", "badge-protected"));
                case PROTECTED_NOW -> {
                    if (!h.writeProtected()) {
                        line2.getChildren().add(Badges.badge("PROTECTED, THEN RELEASED", "mdi2l-lock-plus",
                                "write-protected in this step, and no longer at its end", "badge-vmm"));
                    }
                }
                case UNPROTECTED_NOW -> line2.getChildren().add(Badges.badge("UNPROTECTED", "mdi2l-lock-open-variant",
                        "write protection lifted in this step: guest stores no longer trap", "badge-vmm"));
                case ROOT_SWITCHED -> line2.getChildren().add(Badges.badge("ROOT LOADED", "mdi2s-swap-horizontal",
                        "the VMM loaded this shadow root for the new CR3 in this step", "badge-shadow"));
                case ROOT_DROPPED -> line2.getChildren().add(Badges.badge("ROOT DROPPED", "mdi2d-delete-outline",
                        "the VMM discarded this shadow root in this step", "badge-vmm"));
            }
        }
        if (!line2.getChildren().isEmpty()) {
            card.getChildren().add(line2);
            details.add(line2);
        }
        if (h.writeProtected()) {
            card.getStyleClass().add("write-protected");
        }
        getChildren().addAll(indent, card);
        details.forEach(d -> d.managedProperty().bind(d.visibleProperty()));
    }

    /**
     * The compact form, for a very short view: the table's name, address and count only; where it
     * lies in host memory and the protection badges go (the hatching still says write-protected).
     */
    void compact(boolean compact) {
        details.forEach(d -> d.setVisible(!compact));
    }
}
