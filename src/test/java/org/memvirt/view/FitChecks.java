package org.memvirt.view;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What a layout test asks of a view after layout, as the back row would: no text cut with an
 * ellipsis, no text drawn outside the box that holds it, the figures that matter inside the view.
 * Only what is shown counts (a node and all its ancestors visible).
 */
public final class FitChecks {
    /** How far (px) a text may stick out of its box before it counts as clipped: anti-aliasing. */
    private static final double SLACK = 1.5;

    private FitChecks() {
    }

    /** Labeled controls under {@code root} whose text is drawn shorter than it is (an ellipsis). */
    public static List<String> truncated(Node root) {
        List<String> found = new ArrayList<>();
        for (Node n : shown(root)) {
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
                Text drawn = drawnText(l);
                if (drawn != null && !drawn.getText().equals(l.getText())) {
                    found.add(describe(l) + " shows '" + drawn.getText() + "' of '" + l.getText() + "'");
                }
            }
        }
        return found;
    }

    /** Texts under {@code root} (labels and bare text nodes) that reach outside their parent's box. */
    public static List<String> outsideParent(Node root) {
        List<String> found = new ArrayList<>();
        for (Node n : shown(root)) {
            if (n instanceof FontIcon || !(n instanceof Labeled || n instanceof Text) || n.getParent() == null) {
                continue;
            }
            if (n instanceof Text && n.getParent() instanceof Labeled) {
                continue; // a label's own text: truncated() looks at it
            }
            Bounds b = n.localToScene(n.getLayoutBounds());
            Parent p = n.getParent();
            Bounds box = p.localToScene(p.getLayoutBounds());
            if (!inside(b, box)) {
                found.add(describe(n) + " at " + b + " outside " + describe(p) + " at " + box);
            }
        }
        return found;
    }

    /** Whether {@code node} is shown and lies wholly inside {@code view}'s box on screen. */
    public static boolean inView(Node node, Node view) {
        if (!isShown(node)) {
            return false;
        }
        return inside(node.localToScene(node.getLayoutBounds()), view.localToScene(view.getLayoutBounds()));
    }

    private static boolean inside(Bounds b, Bounds box) {
        return b.getMinX() >= box.getMinX() - SLACK && b.getMinY() >= box.getMinY() - SLACK
                && b.getMaxX() <= box.getMaxX() + SLACK && b.getMaxY() <= box.getMaxY() + SLACK;
    }

    /** Whether a node and all its ancestors are visible. */
    public static boolean isShown(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static List<Node> shown(Node root) {
        List<Node> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(Node n, List<Node> into) {
        if (!n.isVisible()) {
            return;
        }
        into.add(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, into);
            }
        }
    }

    private static Text drawnText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && !(c instanceof FontIcon)) {
                return t;
            }
        }
        return null;
    }

    private static String describe(Node n) {
        String text = n instanceof Labeled l ? " '" + l.getText() + "'" : n instanceof Text t ? " '" + t.getText() + "'" : "";
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + n.getStyleClass() + text;
    }
}
