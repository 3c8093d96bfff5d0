package org.memvirt.view.fit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import org.memvirt.view.fit.LayoutFinding.Kind;

/**
 * Reads a laid-out window the way a viewer in the back row would: which texts are cut with "…",
 * clipped at an edge or broken inside a word, whether the main view needs scrolling, and (in stage
 * mode) whether its key text is large enough. The fit zoom and the layout audit both ask it, so
 * "fits" means the same thing in the window and in the build.
 *
 * <p>Key text is what a view marks with the style class {@value #KEY_TEXT}: the step's numbers, a
 * grid cell's number, the stage caption. Text scrolled out of a scroll pane's or a list's viewport
 * is not "cut"; text past a non-scrolling clip (a split pane's item, a tab, the window) is.
 */
public final class LayoutInspector {
    /** The style class of text that must be large enough to read from the back row. */
    public static final String KEY_TEXT = "key-text";
    /** Layout rounding: less than this past an edge is not a cut. */
    private static final double SLACK = 1.5;

    private final Map<String, Double> wordWidths = new HashMap<>();
    private final Text ruler = new Text();

    /**
     * @param window        the window's root, laid out
     * @param mainView      the view in the middle (its content must not need scrolling), or null
     * @param minKeyTextPx  the smallest key text allowed, in screen pixels (0: not measured)
     */
    public LayoutReport inspect(Parent window, Node mainView, double minKeyTextPx) {
        return inspect(window, mainView, minKeyTextPx, false);
    }

    /**
     * As {@link #inspect(Parent, Node, double)}; with {@code mainOnly} only what lies in the main
     * view counts (the fit zoom's question: does the view on screen fit).
     */
    public LayoutReport inspect(Parent window, Node mainView, double minKeyTextPx, boolean mainOnly) {
        Scan scan = new Scan(mainView, minKeyTextPx, mainOnly);
        Bounds screen = window.localToScene(window.getLayoutBounds());
        scan.visit(window, new Room(screen, screen, false, false, false));
        return new LayoutReport(scan.truncated, scan.overflowing, scan.tooSmall);
    }

    /**
     * Where a node may draw: {@code hard} is cut by clips that do not scroll (and the window),
     * {@code scroll} by viewports that do; {@code inMain} under the main view, {@code scrolling}
     * inside a clip or viewport of its own; {@code key} under key text.
     */
    private record Room(Bounds hard, Bounds scroll, boolean inMain, boolean scrolling, boolean key) {
    }

    private final class Scan {
        private final Node mainView;
        private final double minKeyTextPx;
        private final List<LayoutFinding> truncated = new ArrayList<>();
        private final List<LayoutFinding> overflowing = new ArrayList<>();
        private final List<LayoutFinding> tooSmall = new ArrayList<>();
        private final boolean mainOnly;
        private Bounds mainRoom;

        Scan(Node mainView, double minKeyTextPx, boolean mainOnly) {
            this.mainView = mainView;
            this.minKeyTextPx = minKeyTextPx;
            this.mainOnly = mainOnly;
        }

        void visit(Node n, Room room) {
            if (!n.isVisible() || n.getOpacity() <= 0 || n instanceof TextInputControl) {
                return;
            }
            Room here = enter(n, room);
            boolean counts = here.inMain() || !mainOnly;
            if (n instanceof Labeled l && counts) {
                labeled(l, here);
            } else if (n instanceof Text t && counts) {
                text(t, here);
            }
            if (here.inMain()) {
                overflow(n, here);
            }
            if (n instanceof Parent p) {
                for (Node child : p.getChildrenUnmodifiable()) {
                    visit(child, here);
                }
            }
        }

        private Room enter(Node n, Room room) {
            Bounds hard = room.hard();
            Bounds scroll = room.scroll();
            boolean scrolling = room.scrolling();
            if (n.getClip() != null) {
                Bounds clip = n.localToScene(n.getClip().getBoundsInParent());
                if (scrolls(n)) {
                    scroll = intersect(scroll, clip);
                } else {
                    hard = intersect(hard, clip);
                }
                scrolling = room.inMain();
            }
            boolean inMain = room.inMain() || n == mainView;
            if (n == mainView) {
                mainRoom = intersect(hard, scroll);
                Bounds own = sceneBounds(n);
                if (outside(own, mainRoom)) {
                    overflowing.add(finding(Kind.OVERFLOW, "the view is larger than its room", n));
                }
            }
            boolean key = room.key() || n.getStyleClass().contains(KEY_TEXT);
            return new Room(hard, scroll, inMain, scrolling, key);
        }

        private void labeled(Labeled l, Room room) {
            String text = l.getText();
            if (text == null || text.isBlank() || l.getWidth() <= 0) {
                return;
            }
            for (Node child : l.getChildrenUnmodifiable()) {
                if (child instanceof Text shown) {
                    String ellipsis = l.getEllipsisString();
                    boolean cut = shown.getText().isEmpty()
                            || !ellipsis.isEmpty() && shown.getText().contains(ellipsis) && !text.contains(ellipsis);
                    if (cut && !scrolledAway(shown, room)) {
                        truncated.add(finding(Kind.ELLIPSIS, text, l));
                    }
                    return;
                }
            }
        }

        private void text(Text t, Room room) {
            String s = t.getText();
            if (s == null || s.isBlank() || scrolledAway(t, room)) {
                return;
            }
            Bounds b = sceneBounds(t);
            Bounds scroll = room.scroll();
            Bounds hard = room.hard();
            boolean sideways = b.getMinX() < Math.max(hard.getMinX(), scroll.getMinX()) - SLACK
                    || b.getMaxX() > Math.min(hard.getMaxX(), scroll.getMaxX()) + SLACK;
            boolean vertically = b.getMinY() < hard.getMinY() - SLACK || b.getMaxY() > hard.getMaxY() + SLACK;
            if (sideways || vertically) {
                truncated.add(finding(Kind.CLIPPED, s, t));
            } else {
                double line = lineWidth(t);
                if (line > 0 && widestWord(s, t.getFont()) > line + 0.5) {
                    truncated.add(finding(Kind.BROKEN_WORD, s, t));
                }
            }
            if (room.key() && minKeyTextPx > 0) {
                Point2D top = t.localToScene(0, 0);
                Point2D bottom = t.localToScene(0, t.getFont().getSize());
                if (top.distance(bottom) < minKeyTextPx - 0.01) {
                    tooSmall.add(finding(Kind.TOO_SMALL, s, t));
                }
            }
        }

        private void overflow(Node n, Room room) {
            if (n instanceof ScrollPane sp && sp.getContent() != null) {
                Bounds port = sp.getViewportBounds();
                Bounds content = sp.getContent().getLayoutBounds();
                if (content.getWidth() > port.getWidth() + SLACK || content.getHeight() > port.getHeight() + SLACK) {
                    overflowing.add(finding(Kind.OVERFLOW, "content scrolls", sp));
                }
            } else if (n instanceof ScrollBar bar && !(bar.getParent() instanceof ScrollPane)
                    && !bar.getStyleClass().contains("slider") && bar.getVisibleAmount() < bar.getMax() - bar.getMin()) {
                overflowing.add(finding(Kind.OVERFLOW, "list scrolls", bar));
            } else if (mainRoom != null && n != mainView && (n instanceof Text || n instanceof Region r
                    && r.getChildrenUnmodifiable().isEmpty()) && !room.scrolling()
                    && outside(sceneBounds(n), mainRoom)) {
                // inside a clip of the view it is that clip's (a scroll pane's, a clipped text's) finding
                overflowing.add(finding(Kind.OVERFLOW, "drawn outside the view", n));
            }
        }

        private boolean scrolledAway(Node n, Room room) {
            Bounds b = sceneBounds(n);
            Bounds s = room.scroll();
            return b.getMaxY() <= s.getMinY() + SLACK || b.getMinY() >= s.getMaxY() - SLACK
                    || b.getMaxX() <= s.getMinX() + SLACK || b.getMinX() >= s.getMaxX() - SLACK;
        }
    }

    /** The width a text's lines may take: its wrapping width, or its flow's; 0 when it does not wrap. */
    private static double lineWidth(Text t) {
        if (t.getWrappingWidth() > 0) {
            return t.getWrappingWidth();
        }
        if (t.getParent() instanceof TextFlow flow) {
            Insets in = flow.getInsets();
            return flow.getWidth() - in.getLeft() - in.getRight();
        }
        return 0;
    }

    private double widestWord(String s, Font font) {
        double widest = 0;
        for (String word : s.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            widest = Math.max(widest, wordWidths.computeIfAbsent(font.getName() + '/' + font.getSize() + '/' + word,
                    k -> {
                        ruler.setFont(font);
                        ruler.setText(word);
                        return ruler.getLayoutBounds().getWidth();
                    }));
        }
        return widest;
    }

    /** Viewports of scroll panes and the clipped containers of lists, trees and tables. */
    private static boolean scrolls(Node n) {
        return n.getStyleClass().contains("viewport") || n.getClass().getSimpleName().equals("ClippedContainer");
    }

    private static Bounds sceneBounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private static boolean outside(Bounds b, Bounds room) {
        return b.getMinX() < room.getMinX() - SLACK || b.getMaxX() > room.getMaxX() + SLACK
                || b.getMinY() < room.getMinY() - SLACK || b.getMaxY() > room.getMaxY() + SLACK;
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return new BoundingBox(minX, minY, Math.max(0, maxX - minX), Math.max(0, maxY - minY));
    }

    private static LayoutFinding finding(Kind kind, String text, Node n) {
        String line = text.replace('\n', ' ').strip();
        return new LayoutFinding(kind, line.length() > 60 ? line.substring(0, 59) + "…" : line, where(n));
    }

    private static String where(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getId() != null && !p.getId().isBlank()) {
                return p.getId();
            }
        }
        return n.getClass().getSimpleName();
    }
}
