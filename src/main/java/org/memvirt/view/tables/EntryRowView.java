package org.memvirt.view.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.viewmodel.BitChip;
import org.memvirt.viewmodel.HexAddress;
import org.memvirt.viewmodel.tables.EntryMark;
import org.memvirt.viewmodel.tables.EntryRow;
import org.memvirt.viewmodel.tables.TableKind;

/**
 * One decoded entry: its index and what it points to; its flag bits as chips (off chips faded)
 * and the raw value; then badges for what the step did to it. The look of an entry in use, just
 * read, changed or faulting comes from pseudo-classes, and each also has a word or an icon.
 */
final class EntryRowView extends HBox {
    static final PseudoClass PATH = PseudoClass.getPseudoClass("path");
    static final PseudoClass READ = PseudoClass.getPseudoClass("read");
    static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    static final PseudoClass FAULT = PseudoClass.getPseudoClass("fault");
    static final PseudoClass ZAPPED = PseudoClass.getPseudoClass("zapped");
    static final PseudoClass ABSENT = PseudoClass.getPseudoClass("absent");
    static final PseudoClass SOURCE = PseudoClass.getPseudoClass("source");

    private final EntryRow row;
    private final VBox card = new VBox(2);
    private final FlowPane firstLine = new FlowPane(6, 2);
    private final FlowPane chipLine = new FlowPane(3, 3);
    private final Label compactChips = new Label();
    private final Label index;

    EntryRowView(EntryRow row) {
        this.row = row;
        TableKind kind = row.ref().table();
        getStyleClass().addAll("entry-row", "table-" + kind.key());
        setId("entry-" + row.ref().id());
        setAlignment(Pos.TOP_LEFT);

        index = new Label("[" + row.index() + "]");
        index.getStyleClass().addAll("entry-index", "mono", "key-text");
        index.setMinWidth(Label.USE_PREF_SIZE);
        index.setTooltip(new Tooltip("entry " + row.index() + " of 512, at " + kind.space() + " "
                + HexAddress.compact(row.ref().address())));
        Label target = new Label(row.target());
        target.getStyleClass().add("entry-target");
        target.setMinWidth(Label.USE_PREF_SIZE);
        firstLine.getChildren().addAll(index, target);
        firstLine.setAlignment(Pos.BASELINE_LEFT);
        firstLine.setRowValignment(VPos.CENTER);
        firstLine.getStyleClass().add("entry-first-line");
        if (!row.address().isEmpty()) {
            Label address = new Label(row.address());
            address.getStyleClass().addAll("entry-address", "mono", "key-text");
            address.setMinWidth(Label.USE_PREF_SIZE);
            firstLine.getChildren().add(address);
        }
        if (!row.holds().isEmpty()) {
            Label holds = new Label(row.holds());
            holds.getStyleClass().add("entry-holds");
            holds.setMinWidth(Label.USE_PREF_SIZE);
            firstLine.getChildren().add(holds);
        }

        chipLine.setAlignment(Pos.CENTER_LEFT);
        chipLine.getStyleClass().add("entry-chips");
        String dim = "dim-" + (kind == TableKind.P2M ? "host" : kind == TableKind.EPT ? "host"
                : kind == TableKind.SHADOW ? "shadow" : "guest");
        for (BitChip chip : row.chips()) {
            Label l = new Label(chip.name());
            l.getStyleClass().addAll("chip", chip.on() ? "chip-on" : "chip-off", dim);
            l.setMinWidth(Label.USE_PREF_SIZE);
            l.setTooltip(new Tooltip(chip.name() + " = " + (chip.on() ? "1" : "0") + ": " + chip.meaning()));
            chipLine.getChildren().add(l);
        }
        Label raw = new Label(row.valueText());
        raw.getStyleClass().addAll("entry-raw", "mono");
        raw.setMinWidth(Label.USE_PREF_SIZE);
        raw.setTooltip(new Tooltip("the raw 64-bit entry: " + HexAddress.grouped(row.value())));
        chipLine.getChildren().add(raw);
        String on = row.chips().stream().filter(BitChip::on).map(BitChip::name).collect(Collectors.joining(" "));
        compactChips.setText(on.isEmpty() ? "no bits set" : on);
        compactChips.getStyleClass().addAll("chip", "chip-compact", "chip-on", dim);
        compactChips.setMinWidth(Label.USE_PREF_SIZE);
        compactChips.setTooltip(new Tooltip(row.chips().stream()
                .map(c -> c.name() + " = " + (c.on() ? "1" : "0")).collect(Collectors.joining(", "))
                + "; raw " + HexAddress.grouped(row.value())));
        firstLine.getChildren().add(compactChips);
        List<Label> badges = badges(row);
        if (row.has(EntryMark.PATH)) {
            Label inUse = new Label(row.present() ? "IN USE" : "ON PATH, NOT PRESENT");
            inUse.getStyleClass().add("tag-in-use");
            inUse.setGraphic(new FontIcon(row.present() ? "mdi2c-crosshairs-gps" : "mdi2a-alert-outline"));
            inUse.setMinWidth(Label.USE_PREF_SIZE);
            inUse.setTooltip(new Tooltip(row.present() ? "on the translation path of the address being followed"
                    : "the followed address needs this entry, but it is not present: an access would fault here"));
            badges.add(0, inUse);
        }
        badges.forEach(l -> l.setMinWidth(Label.USE_PREF_SIZE));
        badges.forEach(l -> l.getStyleClass().add("entry-badge"));
        firstLine.getChildren().addAll(badges);

        card.getStyleClass().addAll("entry-card", dim);
        card.getChildren().addAll(firstLine, chipLine);
        compact(false);
        HBox.setHgrow(card, Priority.ALWAYS);
        card.pseudoClassStateChanged(PATH, row.has(EntryMark.PATH));
        card.pseudoClassStateChanged(READ, row.has(EntryMark.READ));
        card.pseudoClassStateChanged(CHANGED, changed());
        card.pseudoClassStateChanged(FAULT, row.has(EntryMark.FAULT));
        card.pseudoClassStateChanged(ZAPPED, row.has(EntryMark.ZAPPED));
        card.pseudoClassStateChanged(ABSENT, !row.present());
        card.pseudoClassStateChanged(SOURCE, row.has(EntryMark.SOURCE));
        getChildren().addAll(TreeIndent.of(row.depth()), card);
    }

    /**
     * The compact form, for a short view: the bits that are set as one chip on the first line,
     * instead of a line with a chip per bit and the raw value (both in the compact chip's tooltip).
     */
    void compact(boolean compact) {
        chipLine.setVisible(!compact);
        chipLine.setManaged(!compact);
        compactChips.setVisible(compact);
        compactChips.setManaged(compact);
    }

    EntryRow row() {
        return row;
    }

    /** The box an arrow or a glow attaches to. */
    VBox card() {
        return card;
    }

    /** The card's first line (index and target): an arrow meets the card at its middle. */
    Region firstLine() {
        return firstLine;
    }

    /** The size of the entry's text, which the zoom sets; arrows are drawn to its scale. */
    double fontSize() {
        return index.getFont().getSize();
    }

    /** Whether the step changed this entry (the view pulses it). */
    boolean changed() {
        return row.marks().stream().anyMatch(EntryMark::isChange);
    }

    private static List<Label> badges(EntryRow row) {
        List<Label> box = new ArrayList<>();
        TableKind kind = row.ref().table();
        String links = row.links().stream().map(Badges::circled).collect(Collectors.joining(" "));
        String own = switch (kind) {
            case GUEST, NATIVE -> "badge-guest";
            case EPT, P2M -> "badge-host";
            case SHADOW -> "badge-shadow";
        };
        if (row.has(EntryMark.READ)) {
            List<Integer> reads = row.reads();
            box.add(Badges.badge("READ " + reads.stream().map(r -> "#" + r)
                            .collect(Collectors.joining(" ")), "mdi2e-eye",
                    "the hardware walk read this entry in this step (reference number in the order of the step)",
                    "badge-read", own));
        }
        if (row.has(EntryMark.FAULT)) {
            box.add(Badges.badge(row.present() ? "WAS NOT PRESENT: #PF" : "NOT PRESENT: FAULT",
                    "mdi2a-alert", "the walk found this entry not present and stopped with a page fault",
                    "badge-fault"));
        }
        if (row.has(EntryMark.WRITTEN)) {
            boolean cause = !row.has(EntryMark.SOURCE) && !links.isEmpty();
            box.add(Badges.badge(("WRITTEN BY GUEST " + (cause ? links : "")).trim(), "mdi2p-pencil",
                    "the guest kernel stored a new value to this entry in this step", "badge-guest"));
        }
        if (row.has(EntryMark.FILLED)) {
            box.add(Badges.badge(("FILLED " + links).trim(), "mdi2p-plus-box",
                    "the hypervisor filled this entry in this step", kind == TableKind.SHADOW ? "badge-shadow"
                            : "badge-host"));
        }
        if (row.has(EntryMark.UPDATED)) {
            box.add(Badges.badge(("UPDATED " + links).trim(), "mdi2p-pencil-box",
                    "the hypervisor rewrote this shadow entry after the guest's store to the entry it mirrors",
                    "badge-shadow"));
        }
        if (row.has(EntryMark.ZAPPED)) {
            box.add(Badges.badge(("ZAPPED " + links).trim(), "mdi2e-eraser",
                    "the hypervisor cleared this shadow entry; the next access refills it", "badge-vmm"));
        }
        if (row.has(EntryMark.SOURCE)) {
            box.add(Badges.badge(("SOURCE " + links).trim(), "mdi2a-arrow-right-bold-box-outline",
                    "a shadow entry filled or updated in this step was made from this entry", own));
        }
        return box;
    }
}
