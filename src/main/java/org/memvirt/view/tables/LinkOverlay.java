package org.memvirt.view.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;

import org.memvirt.viewmodel.tables.EntryLink;
import org.memvirt.viewmodel.tables.EntryRef;
import org.memvirt.viewmodel.tables.TableKind;

/**
 * Arrows across the gutters between columns, from the guest entry and the P2M entry a shadow entry
 * was made from to that shadow entry, each with the fill's number (the same number is printed on
 * the badges of both rows). Drawn over the columns, never catching the mouse; an arrow whose row
 * is scrolled out of view is left out.
 */
final class LinkOverlay extends Pane {
    private List<Double> drawn = List.of();

    LinkOverlay() {
        getStyleClass().add("link-overlay");
        setMouseTransparent(true);
        setPickOnBounds(false);
        setManaged(true);
    }

    /** Redraws the arrows if the rows moved; cheap when nothing did. */
    void draw(List<EntryLink> links, Map<EntryRef, EntryRowView> rows, Map<TableKind, TableColumnView> columns) {
        List<Double> geometry = new ArrayList<>();
        List<Runnable> painters = new ArrayList<>();
        for (EntryLink link : links) {
            EntryRowView from = rows.get(link.from());
            EntryRowView to = rows.get(link.to());
            TableColumnView fromColumn = columns.get(link.from().table());
            TableColumnView toColumn = columns.get(link.to().table());
            if (from == null || to == null || fromColumn == null || toColumn == null) {
                continue;
            }
            Bounds a = visible(from, fromColumn);
            Bounds b = visible(to, toColumn);
            if (a == null || b == null) {
                continue;
            }
            Bounds fromView = viewport(fromColumn);
            Bounds toView = viewport(toColumn);
            boolean rightwards = fromView.getCenterX() < toView.getCenterX();
            double x1 = rightwards ? Math.min(a.getMaxX(), fromView.getMaxX()) : Math.max(a.getMinX(), fromView.getMinX());
            double x2 = rightwards ? Math.max(b.getMinX(), toView.getMinX()) : Math.min(b.getMaxX(), toView.getMaxX());
            double y1 = anchorY(from);
            double y2 = anchorY(to);
            double em = to.fontSize();
            geometry.add((double) link.number());
            geometry.add(x1);
            geometry.add(y1);
            geometry.add(x2);
            geometry.add(y2);
            geometry.add(em);
            painters.add(() -> paint(link, x1, y1, x2, y2, rightwards, em));
        }
        if (geometry.equals(drawn)) {
            return;
        }
        drawn = geometry;
        getChildren().clear();
        painters.forEach(Runnable::run);
    }

    private Bounds viewport(TableColumnView column) {
        Region body = column.body();
        return sceneToLocal(body.localToScene(body.getBoundsInLocal()));
    }

    /** The bounds of a row's card in this overlay, or null when its column has it scrolled out of view. */
    private Bounds visible(EntryRowView row, TableColumnView column) {
        Node card = row.card();
        if (card.getScene() == null || column.getScene() == null || !row.isVisible()) {
            return null;
        }
        Bounds c = sceneToLocal(card.localToScene(card.getLayoutBounds()));
        Bounds view = viewport(column);
        if (c == null || view == null) {
            return null;
        }
        double y = anchorY(row);
        if (y < view.getMinY() + 2 || y > view.getMaxY() - 2) {
            return null;
        }
        return c;
    }

    /** Where an arrow meets a row, in this overlay: the middle of the card's first line. */
    private double anchorY(EntryRowView row) {
        Node line = row.firstLine();
        return sceneToLocal(line.localToScene(line.getLayoutBounds())).getCenterY();
    }

    /** One arrow and its number, sized to the entries' text ({@code em}, the zoomed font size). */
    private void paint(EntryLink link, double x1, double y1, double x2, double y2, boolean rightwards, double em) {
        String from = link.from().table() == TableKind.GUEST ? "link-from-guest" : "link-from-host";
        double reach = Math.max(2.9 * em, Math.abs(x2 - x1) * 0.6);
        double sign = rightwards ? 1 : -1;
        double tip = x2 - sign * 0.65 * em;
        double half = 0.43 * em;
        CubicCurve curve = new CubicCurve(x1, y1, x1 + sign * reach, y1, tip - sign * reach, y2, tip, y2);
        curve.getStyleClass().addAll("link-line", from, "link-" + link.kind().name().toLowerCase(Locale.ROOT));
        Polygon head = new Polygon(x2, y2, tip, y2 - half, tip, y2 + half);
        head.getStyleClass().addAll("link-head", from);
        Point2D mid = new Point2D(curve.getStartX() * 0.125 + curve.getControlX1() * 0.375
                + curve.getControlX2() * 0.375 + curve.getEndX() * 0.125,
                curve.getStartY() * 0.125 + curve.getControlY1() * 0.375 + curve.getControlY2() * 0.375
                        + curve.getEndY() * 0.125);
        Label number = new Label(Integer.toString(link.number()));
        number.getStyleClass().addAll("link-number", from);
        number.setManaged(false);
        getChildren().addAll(curve, head, number);
        number.applyCss();
        double size = number.prefHeight(-1);
        number.resize(size, size);
        number.relocate(mid.getX() - size / 2, mid.getY() - size / 2);
    }
}
