package org.memvirt.view.memory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.memvirt.viewmodel.memory.AnimationPhase;
import org.memvirt.viewmodel.memory.AnimationPlan;
import org.memvirt.viewmodel.memory.GuestStrip;
import org.memvirt.viewmodel.memory.Looks;
import org.memvirt.viewmodel.memory.MemoryAnimation;
import org.memvirt.viewmodel.memory.MemoryAnimation.Backed;
import org.memvirt.viewmodel.memory.MemoryAnimation.BalloonDeflation;
import org.memvirt.viewmodel.memory.MemoryAnimation.BalloonInflation;
import org.memvirt.viewmodel.memory.MemoryAnimation.CowSplit;
import org.memvirt.viewmodel.memory.MemoryAnimation.GuestSwapIn;
import org.memvirt.viewmodel.memory.MemoryAnimation.GuestSwapOut;
import org.memvirt.viewmodel.memory.MemoryAnimation.HostGiveBack;
import org.memvirt.viewmodel.memory.MemoryAnimation.HostSwapIn;
import org.memvirt.viewmodel.memory.MemoryAnimation.HostSwapOut;
import org.memvirt.viewmodel.memory.MemoryAnimation.HostTake;
import org.memvirt.viewmodel.memory.MemoryAnimation.Merge;
import org.memvirt.viewmodel.memory.MemoryPicture;

/**
 * Draws one moment of an animation plan over the map, which already shows the result: cells a
 * movement has not reached keep their look from before, cells it is changing fade from the old
 * look, and small squares fly from where a page was to where it goes (free list → balloon,
 * frame → shared frame, frame → swap slot). Time {@code u} counts phases: phase p plays while
 * u runs from p to p + 1, its items slightly staggered.
 */
final class AnimationPainter {
    /** Flying squares drawn per phase at most; more would be a blur and cost time. */
    private static final int MAX_FLYERS = 160;
    /** Reference-count badges drawn per phase at most. */
    private static final int MAX_BADGES = 10;
    private static final double STAGGER = 0.45;

    private final MemoryTheme theme;
    private Font badgeFont;
    private double zoom;

    private GraphicsContext g;
    private MapPalette palette;
    private MapGeometry geo;
    private MemoryPicture before;
    private int badges;

    AnimationPainter(MemoryTheme theme) {
        this.theme = theme;
        restyle();
        theme.onChange(this::restyle);
    }

    private void restyle() {
        zoom = theme.scale();
        badgeFont = theme.font(FontWeight.BOLD, 13);
    }

    /** The balloon size of each VM at moment {@code u} (the result when no balloon moves). */
    Map<Integer, Long> balloonSizes(AnimationPlan plan, double u, MemoryPicture after) {
        Map<Integer, Long> sizes = new HashMap<>();
        after.strips().forEach(s -> sizes.put(s.vm(), s.memory().balloonPages()));
        if (plan == null) {
            return sizes;
        }
        Map<Integer, Boolean> seen = new HashMap<>();
        forEachItem(plan, u, (item, t, pu, index, n) -> {
            long from;
            long to;
            if (item instanceof BalloonInflation b) {
                from = b.balloonBefore();
                to = b.balloonAfter();
            } else if (item instanceof BalloonDeflation d) {
                from = d.balloonBefore();
                to = d.balloonAfter();
            } else {
                return;
            }
            if (t > 0 || !seen.containsKey(item.vm())) {
                sizes.put(item.vm(), Math.round(from + (to - from) * smooth(t)));
            }
            seen.put(item.vm(), true);
        });
        return sizes;
    }

    /** Paints the moment {@code u} of {@code plan}. */
    void paint(GraphicsContext gc, AnimationPlan plan, double u, MapGeometry geometry) {
        this.g = gc;
        this.geo = geometry;
        this.palette = theme.palette();
        this.before = plan.before();
        this.badges = 0;
        forEachItem(plan, u, (item, t, pu, index, n) -> {
            int stride = Math.max(1, (int) Math.ceil(n / (double) MAX_FLYERS));
            // a badge shows while its merge lands; with few items it stays to the end of the phase
            boolean badge = pu < 1 && (t < 1 || n <= MAX_BADGES);
            paintItem(item, t, badge, index % stride == 0);
        });
    }

    private interface ItemVisitor {
        void visit(MemoryAnimation item, double t, double phaseTime, int index, int count);
    }

    private static void forEachItem(AnimationPlan plan, double u, ItemVisitor visitor) {
        List<AnimationPhase> phases = plan.phases();
        for (int p = 0; p < phases.size(); p++) {
            double pu = u - p;
            if (pu >= 1) {
                continue;
            }
            List<MemoryAnimation> items = phases.get(p).items();
            int n = items.size();
            for (int i = 0; i < n; i++) {
                double start = n == 1 ? 0 : STAGGER * i / (n - 1);
                visitor.visit(items.get(i), clamp((pu - start) / (1 - STAGGER)), pu, i, n);
            }
        }
    }

    private void paintItem(MemoryAnimation item, double t, boolean badgeTime, boolean fly) {
        if (item instanceof Backed b) {
            fadeGuest(b.vm(), b.gfn(), t);
            fadeFrame(b.frame(), t);
        } else if (item instanceof BalloonInflation b) {
            double[] balloon = geo.balloons().get(b.vm());
            List<Integer> gfns = b.gfns();
            for (int j = 0; j < gfns.size(); j++) {
                double tj = clamp((t - 0.3 * j / Math.max(1, gfns.size())) / 0.7);
                int gfn = gfns.get(j);
                fadeGuest(b.vm(), gfn, tj);
                if (fly && balloon != null && j % Math.max(1, gfns.size() / 24) == 0) {
                    CellGrid s = geo.strip(b.vm());
                    flyer(s.centerX(gfn), s.centerY(gfn), balloon[0], balloon[1], tj, palette.balloon(), palette.host(),
                            s.cell());
                }
            }
            for (int pfn : b.freedFrames()) {
                fadeFrame(pfn, clamp((t - 0.4) / 0.6));
            }
        } else if (item instanceof BalloonDeflation d) {
            double[] balloon = geo.balloons().get(d.vm());
            List<Integer> gfns = d.gfns();
            for (int j = 0; j < gfns.size(); j++) {
                double tj = clamp((t - 0.3 * j / Math.max(1, gfns.size())) / 0.7);
                int gfn = gfns.get(j);
                fadeGuest(d.vm(), gfn, tj);
                if (fly && balloon != null && j % Math.max(1, gfns.size() / 24) == 0) {
                    CellGrid s = geo.strip(d.vm());
                    flyer(balloon[0], balloon[1], s.centerX(gfn), s.centerY(gfn), tj, palette.free(), palette.host(),
                            s.cell());
                }
            }
        } else if (item instanceof Merge m) {
            fadeGuest(m.vm(), m.gfn(), t);
            fadeFrame(m.sharedFrame(), t);
            if (m.freedFrame() >= 0) {
                fadeFrame(m.freedFrame(), t);
                if (fly) {
                    CellGrid f = geo.frames();
                    flyer(f.centerX(m.freedFrame()), f.centerY(m.freedFrame()), f.centerX(m.sharedFrame()),
                            f.centerY(m.sharedFrame()), clamp(t / 0.7), palette.vmShade(m.vm()), palette.ink(), f.cell());
                }
            }
            if (t >= 0.7 && badgeTime && m.refs() >= 2) {
                badge(m.sharedFrame(), m.refs());
            }
        } else if (item instanceof CowSplit c) {
            fadeGuest(c.vm(), c.gfn(), t);
            fadeFrame(c.newFrame(), clamp((t - 0.5) / 0.5));
            fadeFrame(c.sharedFrame(), t);
            if (fly) {
                CellGrid f = geo.frames();
                flyer(f.centerX(c.sharedFrame()), f.centerY(c.sharedFrame()), f.centerX(c.newFrame()),
                        f.centerY(c.newFrame()), clamp(t / 0.7), palette.shared(), palette.ink(), f.cell());
            }
            if (t >= 0.5 && badgeTime) {
                badge(c.sharedFrame(), c.refsLeft());
            }
        } else if (item instanceof HostSwapOut s) {
            fadeGuest(s.vm(), s.gfn(), t);
            fadeFrame(s.frame(), clamp(t / 0.5));
            fadeSlot(s.slot(), clamp((t - 0.75) / 0.25));
            if (fly) {
                CellGrid f = geo.frames();
                CellGrid w = geo.swap();
                flyer(f.centerX(s.frame()), f.centerY(s.frame()), w.centerX(s.slot()), w.centerY(s.slot()), t,
                        palette.vmShade(s.vm()), palette.ink(), Math.max(f.cell(), w.cell()));
            }
        } else if (item instanceof HostSwapIn s) {
            fadeGuest(s.vm(), s.gfn(), t);
            fadeSlot(s.slot(), clamp(t / 0.3));
            fadeFrame(s.frame(), clamp((t - 0.7) / 0.3));
            if (fly) {
                CellGrid f = geo.frames();
                CellGrid w = geo.swap();
                flyer(w.centerX(s.slot()), w.centerY(s.slot()), f.centerX(s.frame()), f.centerY(s.frame()), t,
                        palette.vmShade(s.vm()), palette.ink(), Math.max(f.cell(), w.cell()));
            }
        } else if (item instanceof GuestSwapOut s) {
            fadeGuest(s.vm(), s.gfn(), t);
            double[] to = geo.guestSwap().get(s.vm());
            if (fly && to != null) {
                CellGrid st = geo.strip(s.vm());
                flyer(st.centerX(s.gfn()), st.centerY(s.gfn()), to[0], to[1], t, palette.vmShade(s.vm()),
                        palette.ink(), st.cell());
            }
        } else if (item instanceof GuestSwapIn s) {
            fadeGuest(s.vm(), s.gfn(), t);
            double[] from = geo.guestSwap().get(s.vm());
            if (fly && from != null) {
                CellGrid st = geo.strip(s.vm());
                flyer(from[0], from[1], st.centerX(s.gfn()), st.centerY(s.gfn()), t, palette.vmShade(s.vm()),
                        palette.ink(), st.cell());
            }
        } else if (item instanceof HostTake h) {
            sweep(h.frames(), t);
        } else if (item instanceof HostGiveBack h) {
            sweep(h.frames(), t);
        } else {
            throw new IllegalStateException("no animation for " + item);
        }
    }

    /** Frames change one after the other, in order: a wave across the map. */
    private void sweep(List<Integer> frames, double t) {
        int n = frames.size();
        for (int j = 0; j < n; j++) {
            fadeFrame(frames.get(j), clamp((t - 0.7 * j / Math.max(1, n)) / 0.3));
        }
    }

    /** Host frame {@code pfn} as it looked before, at opacity 1 − t. */
    private void fadeFrame(int pfn, double t) {
        if (t >= 1 || pfn < 0 || pfn >= before.frames().frameCount()) {
            return;
        }
        cell(geo.frames(), pfn, before.frames().look(pfn), 1 - smooth(t));
    }

    private void fadeGuest(int vm, int gfn, double t) {
        GuestStrip strip = before.strip(vm);
        if (t >= 1 || strip == null || gfn < 0 || gfn >= strip.pageCount()) {
            return;
        }
        cell(geo.strip(vm), gfn, strip.look(gfn), 1 - smooth(t));
    }

    private void fadeSlot(int slot, double t) {
        if (t >= 1 || slot < 0) {
            return;
        }
        int look = slot < before.swap().slotCount() ? before.swap().look(slot) : Looks.EMPTY_SLOT;
        cell(geo.swap(), slot, look, 1 - smooth(t));
    }

    private void cell(CellGrid grid, int i, int look, double alpha) {
        if (i >= grid.count() || alpha <= 0.01) {
            return;
        }
        MapPalette.CellStyle style = palette.style(look);
        g.setGlobalAlpha(alpha);
        g.setFill(MapPalette.color(style.fill()));
        g.fillRect(grid.cellX(i), grid.cellY(i), grid.cell(), grid.cell());
        if (style.pattern() == MapPalette.Pattern.OUTLINE && grid.cell() >= 4) {
            g.setStroke(MapPalette.color(style.ink()));
            g.setLineWidth(1);
            g.strokeRect(grid.cellX(i) + 0.5, grid.cellY(i) + 0.5, grid.cell() - 1, grid.cell() - 1);
        }
        g.setGlobalAlpha(1);
    }

    private void flyer(double x0, double y0, double x1, double y1, double t, int fill, int ink, int cell) {
        if (t <= 0 || t >= 1) {
            return;
        }
        double e = smooth(t);
        double lift = Math.sin(Math.PI * e) * Math.min(24, Math.hypot(x1 - x0, y1 - y0) * 0.1);
        double x = x0 + (x1 - x0) * e;
        double y = y0 + (y1 - y0) * e - lift;
        double size = Math.max(7, Math.min(14, cell + 3));
        g.setFill(MapPalette.color(fill));
        g.fillRect(x - size / 2, y - size / 2, size, size);
        g.setStroke(MapPalette.color(ink));
        g.setLineWidth(1.5);
        g.strokeRect(x - size / 2, y - size / 2, size, size);
    }

    private void badge(int pfn, int refs) {
        if (badges >= MAX_BADGES || pfn < 0 || pfn >= geo.frames().count()) {
            return;
        }
        badges++;
        CellGrid f = geo.frames();
        String text = "×" + refs;
        double w = (12 + 8 * text.length()) * zoom;
        double h = 20 * zoom;
        double x = Math.min(f.centerX(pfn) + f.cell() / 2.0 + 4, f.x() + f.pixelWidth() - w / 2);
        double y = Math.max(f.cellY(pfn) - 4, f.y() + h / 2);
        g.setFill(MapPalette.color(palette.background()));
        g.fillRoundRect(x - w / 2, y - h / 2, w, h, h, h);
        g.setStroke(MapPalette.color(palette.ink()));
        g.setLineWidth(2);
        g.strokeRoundRect(x - w / 2, y - h / 2, w, h, h, h);
        g.setFill(MapPalette.color(palette.ink()));
        g.setFont(badgeFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, y);
    }

    static double smooth(double x) {
        double c = clamp(x);
        return c * c * (3 - 2 * c);
    }

    static double clamp(double x) {
        return x < 0 ? 0 : x > 1 ? 1 : x;
    }
}
