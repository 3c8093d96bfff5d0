package org.memvirt.view;

import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
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
    /** The smallest share of the zoom's text size the screen draws at to fit its room. */
    private static final double MIN_SCALE = 0.3;
    /** Steps of the text scale, so that a pixel more or less of room does not redraw the screen. */
    private static final double SCALE_STEP = 0.05;
    private VBox top;
    private VBox gridArea;
    private WalkGridView grid;
    private double textScale = 1;
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
        Label hint = new Label("Each 9-bit index picks 1 of the 512 entries of one table; the offset picks the"
                + " byte in the page. The guest walk uses the indices of the gVA, each host walk those of a gPA.");
        hint.getStyleClass().add("address-hint");
        hint.setWrapText(true);
        hint.setMinWidth(0);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        // the strips wrap their fields to the width there is: an address is never cut or scrolled
        VBox addressScroll = new VBox(6, virtualAddress, physicalAddress, hint);
        addressScroll.getStyleClass().add("addresses");
        addressScroll.setMinWidth(0);
        top = controls == Controls.EXPLORER ? new VBox(settings, addressScroll) : new VBox(addressScroll);
        top.getStyleClass().add("top-area");
        setTop(top);

        Label headline = new Label();
        headline.setId("headline");
        headline.getStyleClass().add("headline");
        headline.textProperty().bind(viewModel.headlineProperty());
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        grid = new WalkGridView(viewModel, perReference.multiply(0.8));
        VBox.setVgrow(grid, Priority.ALWAYS);
        Label error = new Label();
        error.setId("error-message");
        error.getStyleClass().add("error-message");
        error.setGraphic(new FontIcon("mdi2a-alert"));
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        gridArea = new VBox(8, headline, error, grid, new WalkLegend(viewModel.gridProperty()));
        gridArea.setMinSize(0, 0);
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
        // the zoom, read off a headline-styled label outside the parts that shrink their text to fit
        Label zoomProbe = new Label();
        zoomProbe.getStyleClass().add("headline");
        zoomProbe.setManaged(false);
        zoomProbe.setVisible(false);
        getChildren().add(zoomProbe);
        DoubleBinding zoom = Bindings.createDoubleBinding(
                () -> Math.max(1, zoomProbe.getFont().getSize() / HEADLINE_FONT_PX), zoomProbe.fontProperty());
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

    /**
     * Puts {@code lead} above the address strips (a lesson step's note and caption), as part of
     * what the screen fits to its room.
     */
    public void setLead(javafx.scene.Node lead) {
        top.getChildren().add(0, lead);
    }

    /** How much smaller than the zoom's size the screen draws its text to fit (1 = not at all). */
    double textScale() {
        return textScale;
    }

    /** The grid (for tests that check where its cells are). */
    WalkGridView grid() {
        return grid;
    }

    /**
     * Lays the screen out, then checks that the address strips, the headline, the legend and the
     * grid in its compact form fit the room: when they do not, the whole screen draws its text
     * smaller (the next pulse lays out again); when there is room to spare, back towards the
     * zoom's size. So the grid, data row included, is always on screen without a scroll bar.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double width = gridArea.getWidth();
        double height = getHeight() - (getBottom() == null ? 0 : getBottom().prefHeight(getWidth()));
        if (width <= 0 || height <= 0 || grid.getChildren().isEmpty()) {
            return;
        }
        double[] essential = grid.essentialSize();
        double fixed = gridArea.snappedTopInset() + gridArea.snappedBottomInset();
        int shown = 0;
        for (var n : gridArea.getChildren()) {
            if (n.isManaged()) {
                shown++;
                if (n != grid) {
                    fixed += n.prefHeight(width);
                }
            }
        }
        fixed += gridArea.getSpacing() * Math.max(0, shown - 1);
        double needH = top.prefHeight(top.getWidth() > 0 ? top.getWidth() : getWidth()) + fixed + essential[1];
        double needW = gridArea.snappedLeftInset() + gridArea.snappedRightInset() + essential[0];
        double ratio = Math.min(height / needH, width / needW);
        double wanted = textScale;
        if (ratio < 1) {
            wanted = Math.max(MIN_SCALE, Math.floor(textScale * ratio / SCALE_STEP) * SCALE_STEP);
        } else if (textScale < 1 && ratio > 1 + 3 * SCALE_STEP) {
            wanted = Math.min(1, Math.floor(textScale * ratio * 0.95 / SCALE_STEP) * SCALE_STEP);
        }
        if (Math.abs(wanted - textScale) > 1e-6) {
            textScale = wanted;
            String size = String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fem;", textScale);
            top.setStyle(textScale >= 1 ? "" : size);
            gridArea.setStyle(textScale >= 1 ? "" : size);
        }
    }

    /** Whether the panel with the decoded entry is on screen (hidden when the screen is narrow). */
    public ReadOnlyBooleanProperty entryPanelShownProperty() {
        return entryPanelShown;
    }
}
