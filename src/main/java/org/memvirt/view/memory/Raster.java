package org.memvirt.view.memory;

import java.nio.IntBuffer;
import java.util.Arrays;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Paints a map of looks into pixels in one pass: each look's cell is a small tile computed once
 * per cell size, and every cell is a few row copies of its tile. O(pixels), no scene-graph node
 * per cell; 65,536 frames become one {@link WritableImage}.
 */
final class Raster {
    private static final int MARK = 3;

    private int tileSize = -1;
    private final int[][] tiles = new int[org.memvirt.viewmodel.memory.Looks.COUNT][];
    private int[] pixels = new int[0];
    private MapPalette palette;

    /** A raster that paints in {@code palette}'s colours. */
    Raster(MapPalette palette) {
        this.palette = palette;
    }

    /** Paints in {@code next}'s colours from now on (the theme changed); tiles are made anew. */
    void palette(MapPalette next) {
        if (next != palette) {
            palette = next;
            Arrays.fill(tiles, null);
        }
    }

    /**
     * Paints {@code looks} laid out by {@code grid} (its own origin ignored) into {@code image},
     * which must be at least the grid's pixel size. Cells listed in {@code marked} (ascending)
     * get a corner mark: "changed in this step".
     *
     * @return the image to show (a new one when {@code image} is null or too small)
     */
    WritableImage paint(int[] looks, CellGrid grid, int[] marked, WritableImage image) {
        int w = Math.max(1, grid.pixelWidth());
        int h = Math.max(1, grid.pixelHeight());
        WritableImage target = image;
        if (target == null || (int) target.getWidth() != w || (int) target.getHeight() != h) {
            target = new WritableImage(w, h);
        }
        if (pixels.length < w * h) {
            pixels = new int[w * h];
        }
        paintPixels(looks, grid, marked, pixels, w);
        target.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), IntBuffer.wrap(pixels),
                w);
        return target;
    }

    /** The pixel work alone (timed by hand: see the report), into {@code out} of row length {@code stride}. */
    void paintPixels(int[] looks, CellGrid grid, int[] marked, int[] out, int stride) {
        int cell = grid.cell();
        int pitch = grid.pitch();
        int h = grid.pixelHeight();
        Arrays.fill(out, 0, stride * h, grid.gap() > 0 ? palette.grid() : palette.background());
        if (tileSize != cell) {
            Arrays.fill(tiles, null);
            tileSize = cell;
        }
        int cols = grid.cols();
        int count = Math.min(grid.count(), looks.length);
        int m = 0;
        for (int i = 0; i < count; i++) {
            int slot = grid.slot(i);
            if (slot < 0) {
                while (marked != null && m < marked.length && marked[m] <= i) {
                    m++;
                }
                continue;
            }
            int[] tile = tile(looks[i]);
            int x0 = (slot % cols) * pitch;
            int y0 = (slot / cols) * pitch;
            int base = y0 * stride + x0;
            for (int r = 0; r < cell; r++) {
                System.arraycopy(tile, r * cell, out, base + r * stride, cell);
            }
            if (marked != null && m < marked.length && marked[m] == i) {
                m++;
                if (cell >= 6) {
                    mark(out, base, stride, cell, palette.ink());
                }
            }
        }
    }

    /** A top-left corner triangle: this cell changed in the step shown. */
    private static void mark(int[] out, int base, int stride, int cell, int ink) {
        int size = Math.max(MARK, cell / 2);
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size - r; c++) {
                out[base + r * stride + c] = ink;
            }
        }
    }

    private int[] tile(int look) {
        int[] t = tiles[look];
        if (t == null) {
            int cell = tileSize;
            t = new int[cell * cell];
            MapPalette.CellStyle style = palette.style(look);
            for (int y = 0; y < cell; y++) {
                for (int x = 0; x < cell; x++) {
                    t[y * cell + x] = style.pixel(x, y, cell);
                }
            }
            tiles[look] = t;
        }
        return t;
    }

    /** A swatch of one look, {@code size} pixels square, for the legend; {@code marked}: with the "changed" mark. */
    static WritableImage swatch(MapPalette palette, int look, int size, boolean marked) {
        return new Raster(palette).paint(new int[] {look}, new CellGrid(0, 0, 1, 1, size, 0),
                marked ? new int[] {0} : null, null);
    }
}
