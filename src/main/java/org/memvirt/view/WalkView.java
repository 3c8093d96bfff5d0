package org.memvirt.view;

import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.viewmodel.Playhead;
import org.memvirt.viewmodel.WalkViewModel;

/**
 * The walk screen: settings on top, the address split into its indices, the 2D grid with its
 * legend, the side panel with the decoded entry, and the transport at the bottom. Keys: ← and →
 * step, Space plays or pauses, Home and End jump (not while typing in a text field).
 */
public final class WalkView extends BorderPane implements OwnTransport {
    /** A lesson step's walk shows the entry panel from this width of the screen on. */
    public static final double LESSON_SIDE_PANEL_WIDTH = 1150;
    /** The explorer shows the entry panel from this width on (it has no lesson columns beside it). */
    static final double EXPLORER_SIDE_PANEL_WIDTH = 1000;
    /** The headline's font size at the 14 px base (walk.css: 17 px); its font tells the presenter's zoom. */
    private static final double HEADLINE_FONT_PX = 17;
    private final ReadOnlyBooleanProperty entryPanelShown;
    private final Optional<Playhead> ownPlayhead;
    /** The stylesheet of the walk screen. */
    public static final String STYLESHEET = "walk.css";

    /**
     * @param viewModel    what to show
     * @param perReference how long Play spends on each reference and how long a cell lights up;
     *                     zero (tests, screenshots) jumps without animating
     */
    public WalkView(WalkViewModel viewModel, Duration perReference) {
        this(viewModel, perReference, Controls.EXPLORER);
    }

    /** What the screen offers besides the walk itself. */
    public enum Controls {
        /** The settings bar on top and the walk's own keys: the stand-alone walk explorer. */
        EXPLORER,
        /** The walk of a lesson step: no settings (the lesson fixes the machine), no transport or keys
         *  of its own (the lesson window's step the lesson and light the references), and the entry
         *  panel only when the screen is wide. */
        LESSON_STEP
    }

    /**
     * @param viewModel    what to show
     * @param perReference how long Play spends on each reference and how long a cell lights up
     * @param controls     explorer (settings and keys) or a lesson step's walk
     */
    public WalkView(WalkViewModel viewModel, Duration perReference, Controls controls) {
        getStyleClass().add("walk-view");
        setId("walk-view");
        getStylesheets().add(WalkView.class.getResource(STYLESHEET).toExternalForm());
        ViewPalette.applyTo(this);
        new PlaybackClock(viewModel, perReference);

        WalkSettingsBar settings = new WalkSettingsBar(viewModel.settings());
        AddressStripView virtualAddress = new AddressStripView("virtual-address", viewModel.virtualAddressProperty());
        AddressStripView physicalAddress = new AddressStripView("physical-address",
                viewModel.physicalAddressProperty());
        VBox strips = new VBox(6, virtualAddress, physicalAddress);
        strips.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label("Each 9-bit index picks 1 of the 512 entries of one table; the offset picks the"
                + " byte in the page. The guest walk uses the indices of the gVA, each host walk those of a gPA.");
        hint.getStyleClass().add("address-hint");
        hint.setWrapText(true);
        hint.setMinWidth(0);
        HBox.setHgrow(hint, Priority.ALWAYS);
        HBox addresses = new HBox(12, strips, hint);
        addresses.setAlignment(Pos.CENTER_LEFT);
        addresses.getStyleClass().add("addresses");
        // the strips keep their size (a bit field must not wrap); in a narrow tab they scroll sideways
        // rather than make the whole screen wider than its window
        ScrollPane addressScroll = new ScrollPane(addresses);
        addressScroll.getStyleClass().addAll("addresses-scroll", "plain-scroll");
        addressScroll.setFitToWidth(true);
        addressScroll.setFitToHeight(true);
        addressScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        addressScroll.setMinWidth(0);
        addresses.minWidthProperty().bind(strips.widthProperty().add(12));
        VBox top = controls == Controls.EXPLORER ? new VBox(settings, addressScroll) : new VBox(addressScroll);
        top.getStyleClass().add("top-area");
        setTop(top);

        Label headline = new Label();
        headline.setId("headline");
        headline.getStyleClass().add("headline");
        headline.textProperty().bind(viewModel.headlineProperty());
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        WalkGridView grid = new WalkGridView(viewModel, perReference.multiply(0.8));
        VBox.setVgrow(grid, Priority.ALWAYS);
        Label error = new Label();
        error.setId("error-message");
        error.getStyleClass().add("error-message");
        error.setGraphic(new FontIcon("mdi2a-alert"));
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox gridArea = new VBox(8, headline, error, grid, new WalkLegend());
        gridArea.getStyleClass().add("grid-area");
        if (controls == Controls.EXPLORER) {
            // the explorer is the whole screen: when the zoom outgrows it, the grid scrolls, the transport stays
            ScrollPane center = new ScrollPane(gridArea);
            center.setId("grid-scroll");
            center.getStyleClass().addAll("grid-scroll", "plain-scroll");
            center.setFitToWidth(true);
            center.setFitToHeight(true);
            setCenter(center);
        } else {
            StackPane center = new StackPane(gridArea);
            center.setAlignment(Pos.TOP_LEFT);
            setCenter(center);
        }

        ReferencePanel panel = new ReferencePanel(viewModel);
        ScrollPane side = new ScrollPane(panel);
        side.setId("side-panel");
        side.getStyleClass().add("side-scroll");
        side.setFitToWidth(true);
        side.setFitToHeight(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // about 29 % of the window: 435 px at 1500, 365 px at 1260 (at zoom 1; the sizes grow with the zoom)
        DoubleBinding zoom = Bindings.createDoubleBinding(
                () -> Math.max(1, headline.getFont().getSize() / HEADLINE_FONT_PX), headline.fontProperty());
        side.prefWidthProperty().bind(Bindings.max(zoom.multiply(340),
                Bindings.min(zoom.multiply(440), widthProperty().multiply(0.29))));
        side.minWidthProperty().bind(zoom.multiply(340));
        setRight(side);
        if (controls == Controls.EXPLORER) {
            setBottom(new TransportBar(viewModel));
        }
        // the entry panel only where the grid keeps its room (the lesson's walk shares the screen with
        // the lesson's columns)
        double sideFrom = controls == Controls.EXPLORER ? EXPLORER_SIDE_PANEL_WIDTH : LESSON_SIDE_PANEL_WIDTH;
        side.visibleProperty().bind(widthProperty().greaterThanOrEqualTo(zoom.multiply(sideFrom)));
        side.managedProperty().bind(side.visibleProperty());

        if (controls == Controls.EXPLORER) {
            PlayheadControls.addKeys(this, viewModel.playhead());
        }
        entryPanelShown = side.visibleProperty();
        ownPlayhead = controls == Controls.EXPLORER ? Optional.of(viewModel.playhead()) : Optional.empty();
    }

    /** The explorer's walk runs on its own playhead; a lesson step's walk follows the lesson (empty). */
    @Override
    public Optional<Playhead> ownPlayhead() {
        return ownPlayhead;
    }

    /** Whether the panel with the decoded entry is on screen (hidden when the screen is narrow). */
    public ReadOnlyBooleanProperty entryPanelShownProperty() {
        return entryPanelShown;
    }
}
