package org.memvirt.view;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.viewmodel.WalkSettingsViewModel;

/** The controls that shape the walk: mode, levels, page sizes, caches, the address. */
final class WalkSettingsBar extends FlowPane {

    WalkSettingsBar(WalkSettingsViewModel settings) {
        getStyleClass().add("settings-bar");
        setId("settings-bar");
        setHgap(14);
        setVgap(8);
        setAlignment(Pos.CENTER_LEFT);
        var hostApplies = settings.hostSettingsApplyBinding();

        var mode = new ChoiceToggles<>("mode", settings.modeProperty(), List.of(PagingMode.NATIVE, PagingMode.NESTED),
                m -> m == PagingMode.NATIVE ? "Native" : "Nested");
        var guestLevels = new ChoiceToggles<>("guest-levels", settings.guestLevelsProperty(), List.of(4, 5),
                String::valueOf);
        var hostLevels = new ChoiceToggles<>("host-levels", settings.hostLevelsProperty(), List.of(4, 5),
                String::valueOf);
        hostLevels.disableProperty().bind(hostApplies.not());
        var guestPage = new ChoiceToggles<>("guest-page", settings.guestPageProperty(), List.of(PageSize.values()),
                PageSize::label);
        var hostPage = new ChoiceToggles<>("host-page", settings.hostPageProperty(), List.of(PageSize.values()),
                PageSize::label);
        hostPage.disableProperty().bind(hostApplies.not());

        CheckBox tlb = new CheckBox("TLB");
        tlb.setId("tlb");
        tlb.selectedProperty().bindBidirectional(settings.tlbProperty());
        tlb.setTooltip(new Tooltip("The TLB caches whole translations: a second access to the page needs no walk."));
        CheckBox walkCache = new CheckBox("Walk caches");
        walkCache.setId("walk-cache");
        walkCache.selectedProperty().bindBidirectional(settings.walkCacheProperty());
        walkCache.setTooltip(new Tooltip("Page-walk cache (upper guest entries) and nested TLB (gPA → hPA). "
                + "The CPU first reads a neighbouring page so that they are warm."));
        CheckBox repeat = new CheckBox("Repeat access");
        repeat.setId("repeat-access");
        repeat.selectedProperty().bindBidirectional(settings.repeatAccessProperty());
        repeat.setTooltip(new Tooltip("Show the second read of the same address (with the TLB on: a TLB hit)."));
        for (CheckBox c : List.of(tlb, walkCache, repeat)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane caches = new FlowPane(10, 4, tlb, walkCache, repeat);
        caches.setAlignment(Pos.CENTER_LEFT);
        caches.getStyleClass().add("caches");

        TextField address = new TextField();
        address.setId("address");
        address.getStyleClass().add("mono");
        address.setPrefColumnCount(20);
        address.textProperty().bindBidirectional(settings.addressTextProperty());
        address.setOnAction(e -> settings.applyAddress());
        address.setTooltip(new Tooltip("The virtual address to translate; press Enter to apply."));
        Button go = new Button(null, new FontIcon("mdi2k-keyboard-return"));
        go.setId("address-apply");
        go.setOnAction(e -> settings.applyAddress());
        go.setTooltip(new Tooltip("Translate this address (Enter)"));
        HBox addressRow = new HBox(6, address, go);
        addressRow.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(
                group("Paging", mode),
                group("Guest levels", guestLevels),
                group("Host levels", hostLevels),
                group("Guest page", guestPage),
                group("Host page", hostPage),
                group("Caches", caches),
                group("Virtual address", addressRow));
    }

    private static VBox group(String title, Node control) {
        Label l = new Label(title.toUpperCase(java.util.Locale.ROOT));
        l.getStyleClass().add("setting-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(3, l, control);
        box.getStyleClass().add("setting-group");
        return box;
    }
}
