package org.memvirt.view.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

import org.memvirt.view.OwnTransport;
import org.memvirt.viewmodel.Playhead;

/**
 * The middle of the window: the views as tabs, or, when tiling is on and there is room, the first
 * view beside the tabs of the others. Each view is made the first time it is shown.
 */
final class CenterViews extends StackPane {
    /** The width from which tiling puts two views side by side, at zoom 1. */
    static final double TILE_MIN_WIDTH = 1300;

    private final List<CenterView> views;
    private final Map<String, Node> made = new LinkedHashMap<>();
    private final TabPane tabs = new TabPane();
    private final BooleanProperty tiled = new SimpleBooleanProperty(this, "tiled");
    private final ReadOnlyStringWrapper shown = new ReadOnlyStringWrapper(this, "shown", "");
    private final ObservableDoubleValue zoom;
    private final ReadOnlyObjectWrapper<Playhead> ownPlayhead = new ReadOnlyObjectWrapper<>(this, "ownPlayhead");
    private boolean tiling;

    CenterViews(List<CenterView> views, ObservableDoubleValue zoom) {
        this.views = List.copyOf(views);
        this.zoom = zoom;
        setId("center-views");
        getStyleClass().add("center-views");
        tabs.setId("view-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setFocusTraversable(false);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                shown.set(viewOf(now).id());
                if (getScene() != null) {
                    now.setContent(content(viewOf(now)));
                }
                followOwnTransport();
            }
        });
        tiled.addListener((obs, old, now) -> arrange());
        widthProperty().addListener((obs, old, now) -> {
            if (tiled.get() && (now.doubleValue() >= tileWidth()) != tiling) {
                arrange();
            }
        });
        arrange();
        // views are made once the middle is on screen, not before the window's first frame
        sceneProperty().addListener((obs, old, now) -> {
            Tab t = tabs.getSelectionModel().getSelectedItem();
            if (now != null && t != null && t.getContent() == null) {
                t.setContent(content(viewOf(t)));
                followOwnTransport();
            }
        });
    }

    /** The playhead of the view on screen when it runs its own machine; null while it shows the lesson. */
    ReadOnlyObjectProperty<Playhead> ownPlayheadProperty() {
        return ownPlayhead.getReadOnlyProperty();
    }

    private void followOwnTransport() {
        Node n = tiling ? null : made.get(shown.get());
        ownPlayhead.set(n instanceof OwnTransport t ? t.ownPlayhead().orElse(null) : null);
    }

    /** Whether to tile when there is room. */
    BooleanProperty tiledProperty() {
        return tiled;
    }

    /** The id of the view in the selected tab. */
    ReadOnlyStringProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    List<CenterView> views() {
        return views;
    }

    /** Brings view {@code id} to the front; false when there is no such view. */
    boolean show(String id) {
        for (Tab t : tabs.getTabs()) {
            if (viewOf(t).id().equals(id)) {
                tabs.getSelectionModel().select(t);
                return true;
            }
        }
        return tiling && !views.isEmpty() && views.get(0).id().equals(id);
    }

    /** The node to picture for "Export view": what the selected tab (or the tiling) shows. */
    Node exportTarget() {
        if (tiling) {
            return getChildren().get(0);
        }
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t == null || t.getContent() == null ? this : t.getContent();
    }

    private double tileWidth() {
        return TILE_MIN_WIDTH * Math.max(1, zoom.get());
    }

    private void arrange() {
        String selected = shown.get();
        List<CenterView> tileable = views.stream().filter(CenterView::tiles).toList();
        tiling = tiled.get() && tileable.size() >= 2 && getWidth() >= tileWidth();
        for (Tab t : tabs.getTabs()) {
            t.setContent(null);
        }
        tabs.getTabs().clear();
        List<CenterView> inTabs = new ArrayList<>(views);
        if (tiling) {
            inTabs.remove(tileable.get(0));
        }
        for (CenterView v : inTabs) {
            Tab t = new Tab(v.title());
            t.setId("tab-" + v.id());
            t.setUserData(v);
            tabs.getTabs().add(t);
        }
        if (tiling) {
            SplitPane split = new SplitPane(content(tileable.get(0)), tabs);
            split.setId("tiled-views");
            split.setOrientation(Orientation.HORIZONTAL);
            split.setDividerPositions(0.55);
            getChildren().setAll(split);
        } else {
            getChildren().setAll(tabs);
        }
        if (!selected.isEmpty() && !show(selected) && !tabs.getTabs().isEmpty()) {
            tabs.getSelectionModel().selectFirst();
        }
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t != null) {
            if (getScene() != null) {
                t.setContent(content(viewOf(t)));
            }
            shown.set(viewOf(t).id());
        }
        followOwnTransport();
    }

    private Node content(CenterView v) {
        return made.computeIfAbsent(v.id(), id -> {
            Node n = v.content().get();
            n.getStyleClass().add("center-view");
            return n;
        });
    }

    private static CenterView viewOf(Tab t) {
        return (CenterView) t.getUserData();
    }
}
