package org.memvirt.view.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.memvirt.view.ViewPalette.Hue;
import org.memvirt.viewmodel.memory.GuestRef;
import org.memvirt.viewmodel.memory.Highlight;

/**
 * What the overlay draws besides animations: the frame number at the start of every few rows,
 * each VM's balloon (its size grows with the pages in it), and the outlines of what the pointer
 * is over, joined by dashed lines to the other side of the mapping.
 */
final class MapMarks {
    private final MemoryTheme theme;
    private Font rowFont;
    private Font balloonFont;
    private double zoom;

    MapMarks(MemoryTheme theme) {
        this.theme = theme;
        restyle();
        theme.onChange(this::restyle);
    }

    private void restyle() {
        zoom = theme.scale();
        rowFont = theme.mono(11);
        balloonFont = theme.font(FontWeight.NORMAL, 11);
    }

    /** Frame numbers at row starts, right-aligned in the gutter, at least a line and a half apart. */
    void rowNumbers(GraphicsContext g, CellGrid f, double gutter) {
        if (f.count() == 0) {
            return;
        }
        int every = Math.max(1, (int) Math.ceil(18.0 * zoom / f.pitch()));
        g.setFill(theme.color(Hue.MUTED));
        g.setFont(rowFont);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        for (int row = 0; row < f.rows(); row += every) {
            g.fillText(String.format(Locale.ROOT, "%,d", (long) f.itemAt(row * f.cols())), gutter - 6,
                    f.y() + row * f.pitch() - 1);
        }
    }

    /** A balloon at {@code c} for {@code size} pages of {@code pages}: dashed and small when empty. */
    void balloon(GraphicsContext g, double[] c, long size, int pages) {
        if (c == null) {
            return;
        }
        MapPalette palette = theme.palette();
        double fraction = pages == 0 ? 0 : Math.min(1, (double) size / pages);
        double r = zoom * (size == 0 ? 5 : Math.min(17, 7 + 10 * Math.sqrt(fraction * 2)));
        g.setStroke(MapPalette.color(palette.host()));
        g.setLineWidth(1.2);
        g.strokeLine(c[0], c[1] + r, c[0] + 3 * zoom, c[1] + r + 8 * zoom);
        g.setFill(MapPalette.color(size == 0 ? palette.background() : palette.balloon()));
        g.fillOval(c[0] - r, c[1] - r, 2 * r, 2 * r);
        g.setLineWidth(2);
        if (size == 0) {
            g.setLineDashes(3, 3);
        }
        g.strokeOval(c[0] - r, c[1] - r, 2 * r, 2 * r);
        g.setLineDashes(null);
        String text = Long.toString(size);
        if (r >= 12 * zoom && text.length() <= 4) {
            g.setFill(MapPalette.color(palette.ink()));
            g.setFont(balloonFont);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(text, c[0], c[1], 2 * r - 2);
        }
    }

    /** Outlines the highlighted frame, guest pages and swap slot, joined by dashed lines. */
    void highlight(GraphicsContext g, Highlight h, MapGeometry geometry) {
        if (h == null || h == Highlight.NONE) {
            return;
        }
        List<double[]> boxes = new ArrayList<>();
        if (h.frame() >= 0 && h.frame() < geometry.frames().count()) {
            boxes.add(box(geometry.frames(), h.frame()));
        }
        int shownPages = 0;
        for (GuestRef r : h.guestPages()) {
            CellGrid s = geometry.strip(r.vm());
            if (r.gfn() < s.count() && shownPages++ < 16) {
                boxes.add(box(s, r.gfn()));
            }
        }
        if (h.swapSlot() >= 0 && h.swapSlot() < geometry.swap().count()) {
            boxes.add(box(geometry.swap(), h.swapSlot()));
        }
        if (boxes.isEmpty()) {
            return;
        }
        Color ink = MapPalette.color(theme.palette().ink());
        Color halo = MapPalette.color(theme.palette().background());
        double[] first = boxes.get(0);
        g.setLineDashes(5, 4);
        g.setLineWidth(1.5);
        g.setStroke(ink);
        for (double[] b : boxes.subList(1, boxes.size())) {
            g.strokeLine(first[0] + first[2] / 2, first[1] + first[3] / 2, b[0] + b[2] / 2, b[1] + b[3] / 2);
        }
        g.setLineDashes(null);
        for (double[] b : boxes) {
            g.setStroke(halo);
            g.setLineWidth(4);
            g.strokeRect(b[0], b[1], b[2], b[3]);
            g.setStroke(ink);
            g.setLineWidth(2);
            g.strokeRect(b[0], b[1], b[2], b[3]);
        }
    }

    /** A cell's outline box, at least 10 pixels so that a tiny cell can still be found. */
    private static double[] box(CellGrid grid, int i) {
        double size = Math.max(10, grid.cell() + 4);
        return new double[] {grid.centerX(i) - size / 2, grid.centerY(i) - size / 2, size, size};
    }
}
