package org.memvirt.view.memory;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.view.ViewPalette;
import org.memvirt.viewmodel.memory.HostMemoryViewModel;

/**
 * The Host memory screen: the frame map of the whole host with each VM's guest-physical pages
 * and the host swap device, its legend with counts and an info line for what the pointer is
 * over; beside it what the step did, the free-memory state, a chart of host memory over the
 * steps, the counters and each VM's figures. Esc (or a click on the map) ends an animation.
 */
public final class HostMemoryView extends BorderPane {
    /** The stylesheet of the memory screen. */
    public static final String STYLESHEET = "/org/memvirt/view/memory.css";
    /** How long one phase of a step's animation plays by default. */
    public static final Duration DEFAULT_PHASE = Duration.millis(900);

    private final MemoryMapPane map;
    private final DoubleProperty animationSpeed = new SimpleDoubleProperty(this, "animationSpeed", 1);

    /** The screen with animations of the default length. */
    public HostMemoryView(HostMemoryViewModel viewModel) {
        this(viewModel, DEFAULT_PHASE);
    }

    /**
     * @param viewModel what to show
     * @param perPhase  how long each phase of a step's animation plays; zero (tests, screenshots)
     *                  draws results without animating
     */
    public HostMemoryView(HostMemoryViewModel viewModel, Duration perPhase) {
        ViewPalette.applyTo(this);
        getStyleClass().add("host-memory-view");
        setId("host-memory-view");
        getStylesheets().add(HostMemoryView.class.getResource(STYLESHEET).toExternalForm());
        MemoryTheme theme = new MemoryTheme();
        getChildren().addAll(theme.probes());

        map = new MemoryMapPane(viewModel, theme, perPhase, animationSpeed::get);
        VBox.setVgrow(map, Priority.ALWAYS);
        map.setMinWidth(300);

        Label headline = new Label();
        headline.setId("memory-headline");
        headline.getStyleClass().add("headline");
        headline.textProperty().bind(viewModel.headlineProperty());
        headline.setMinWidth(0);
        HBox.setHgrow(headline, Priority.ALWAYS);
        headline.setMaxWidth(Double.MAX_VALUE);

        Button skip = new Button("Skip animation", new FontIcon("mdi2s-skip-forward"));
        skip.setId("skip-button");
        skip.setTooltip(new Tooltip("Draw the result now (Esc)"));
        skip.setFocusTraversable(false);
        skip.visibleProperty().bind(map.animatingProperty());
        skip.managedProperty().bind(skip.visibleProperty());
        skip.setOnAction(e -> map.skipAnimation());

        ToggleButton fast = new ToggleButton("Fast", new FontIcon("mdi2f-fast-forward"));
        fast.setId("fast-toggle");
        fast.setTooltip(new Tooltip("Skip animations: each step draws its result at once"));
        fast.setFocusTraversable(false);
        fast.selectedProperty().bindBidirectional(viewModel.fastProperty());

        Button back = new Button(null, new FontIcon("mdi2s-step-backward"));
        back.setId("memory-step-back");
        back.setTooltip(new Tooltip("Previous step"));
        back.setFocusTraversable(false);
        back.disableProperty().bind(viewModel.canStepBackBinding().not());
        back.setOnAction(e -> viewModel.stepBack());
        Button next = new Button(null, new FontIcon("mdi2s-step-forward"));
        next.setId("memory-step-forward");
        next.setTooltip(new Tooltip("Next step"));
        next.setFocusTraversable(false);
        next.disableProperty().bind(viewModel.canStepForwardBinding().not());
        next.setOnAction(e -> viewModel.stepForward());

        for (Region button : List.of(skip, fast, back, next)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox header = new HBox(8, headline, skip, fast, back, next);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("memory-header");

        Label info = new Label();
        info.setId("info-line");
        info.getStyleClass().add("info-line");
        info.setGraphic(new FontIcon("mdi2c-cursor-default-outline"));
        info.textProperty().bind(viewModel.infoLineProperty());
        info.setMaxWidth(Double.MAX_VALUE);
        info.setMinHeight(Region.USE_PREF_SIZE);
        info.setWrapText(true);

        MapLegend legend = new MapLegend(viewModel, theme);
        legend.setMinHeight(Region.USE_PREF_SIZE);
        VBox center = new VBox(6, map, info, legend);
        center.getStyleClass().add("memory-center");
        // the map takes the height there is; when a large zoom leaves too little, the column scrolls
        ScrollPane centerScroll = new ScrollPane(center);
        centerScroll.getStyleClass().add("center-scroll");
        centerScroll.setFitToWidth(true);
        center.minHeightProperty().bind(Bindings.createDoubleBinding(
                () -> centerScroll.getViewportBounds().getHeight(), centerScroll.viewportBoundsProperty()));
        centerScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        centerScroll.setFocusTraversable(false);
        setTop(header);
        setCenter(centerScroll);

        ScrollPane side = new ScrollPane(new MemorySidePanel(viewModel, map, theme));
        side.setId("memory-side-scroll");
        side.getStyleClass().add("side-scroll");
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.prefWidthProperty().bind(Bindings.max(360, Bindings.min(440, widthProperty().multiply(0.3))));
        side.setMinWidth(340);
        setRight(side);

        // a click anywhere in the screen brings the keyboard here, so that Esc reaches the filter below
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (getScene() != null && !(getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl)) {
                requestFocus();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && map.animatingProperty().get()) {
                map.skipAnimation();
                e.consume();
            }
        });
    }

    /**
     * How many times faster than the base duration a step's animation plays: the player's speed
     * (1 by default; an infinite speed draws each result at once, as "Fast" does). Read when an
     * animation starts.
     */
    public DoubleProperty animationSpeedProperty() {
        return animationSpeed;
    }

    /** The map (tests and screenshots look inside it). */
    MemoryMapPane map() {
        return map;
    }

    /** True while a step's animation plays. */
    public boolean isAnimating() {
        return map.animatingProperty().get();
    }
}
