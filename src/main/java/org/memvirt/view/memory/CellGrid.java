package org.memvirt.view.memory;

import org.memvirt.viewmodel.memory.ShownFrames;

/**
 * Where the cells of one map lie: {@code count} square cells of {@code cell} pixels, row by row,
 * {@code cols} to a row, {@code gap} pixels apart, the first at ({@code x}, {@code y}).
 *
 * @param x     left edge, in the pane
 * @param y     top edge, in the pane
 * @param count cells
 * @param cols  cells per row
 * @param cell  cell size in pixels
 * @param gap   pixels between cells
 * @param shown which of the {@code count} items have a cell, in order (null: all of them, item i in cell i)
 */
record CellGrid(double x, double y, int count, int cols, int cell, int gap, ShownFrames shown) {

    /** An empty grid. */
    static final CellGrid NONE = new CellGrid(0, 0, 0, 1, 1, 0);

    /** A grid with a cell for every item. */
    CellGrid(double x, double y, int count, int cols, int cell, int gap) {
        this(x, y, count, cols, cell, gap, null);
    }

    /**
     * The frame map with cells for the frames {@code frames} draws only: the grid is laid out for
     * its size, items keep their frame numbers ({@link #cellX(int)} takes a frame number).
     */
    CellGrid showing(ShownFrames frames) {
        return frames == null ? this : new CellGrid(x, y, frames.total(), cols, cell, gap, frames);
    }

    /** Cells drawn. */
    int cells() {
        return shown == null ? count : shown.size();
    }

    /** The cell of item {@code i}: itself, or its place among the frames shown (-1: not drawn). */
    int slot(int i) {
        return shown == null ? i : shown.slotOf(i);
    }

    /** The item in cell {@code slot}. */
    int itemAt(int slot) {
        return shown == null ? slot : shown.pfnAt(slot);
    }

    /**
     * The largest cells (at most {@code maxCell}) with which {@code count} cells fit in
     * {@code width} × {@code height}; rows are kept to a multiple of 16 cells where that costs
     * little, so that row starts are round numbers. Cells of 6 pixels and more get a 1-pixel gap.
     */
    static CellGrid fit(int count, double width, double height, int maxCell) {
        if (count <= 0 || width < 1 || height < 1) {
            return NONE;
        }
        for (int cell = Math.max(1, maxCell); cell >= 1; cell--) {
            CellGrid g = withCell(count, width, cell);
            if (g.count() > 0 && g.pixelHeight() <= height) {
                return g;
            }
        }
        return withCell(count, width, 1);
    }

    /** Cells of exactly {@code cell} pixels, as many to a row as {@code width} allows (rounded as {@link #fit}). */
    static CellGrid withCell(int count, double width, int cell) {
        if (count <= 0 || width < 1) {
            return NONE;
        }
        int gap = cell >= 6 ? 1 : 0;
        int pitch = cell + gap;
        int cols = (int) Math.max(1, Math.floor((width + gap) / pitch));
        cols = Math.min(cols, count);
        if (cols >= 64 && cols < count) {
            cols -= cols % 16;
        }
        return new CellGrid(0, 0, count, cols, cell, gap);
    }

    /** The same grid placed at ({@code x}, {@code y}). */
    CellGrid at(double nx, double ny) {
        return new CellGrid(nx, ny, count, cols, cell, gap, shown);
    }

    int pitch() {
        return cell + gap;
    }

    int rows() {
        return cells() == 0 ? 0 : (cells() + cols - 1) / cols;
    }

    /** Width of the cells drawn, in pixels. */
    int pixelWidth() {
        return cells() == 0 ? 0 : Math.min(cells(), cols) * pitch() - gap;
    }

    /** Height of the cells drawn, in pixels. */
    int pixelHeight() {
        return cells() == 0 ? 0 : rows() * pitch() - gap;
    }

    /** Left edge of item {@code i}'s cell, in the pane (an item not drawn: the first cell's). */
    double cellX(int i) {
        return x + (Math.max(0, slot(i)) % cols) * pitch();
    }

    /** Top edge of item {@code i}'s cell, in the pane. */
    double cellY(int i) {
        return y + (Math.max(0, slot(i)) / cols) * pitch();
    }

    double centerX(int i) {
        return cellX(i) + cell / 2.0;
    }

    double centerY(int i) {
        return cellY(i) + cell / 2.0;
    }

    /** The cell at pane point ({@code px}, {@code py}), or -1 (outside, or in a gap next to no cell). */
    int indexAt(double px, double py) {
        double lx = px - x;
        double ly = py - y;
        if (lx < 0 || ly < 0 || count == 0) {
            return -1;
        }
        int col = (int) (lx / pitch());
        int row = (int) (ly / pitch());
        if (col >= cols) {
            return -1;
        }
        int i = row * cols + col;
        return i < cells() ? itemAt(i) : -1;
    }

    /** True when the point is on the grid's bounds. */
    boolean contains(double px, double py) {
        return px >= x && py >= y && px < x + pixelWidth() && py < y + pixelHeight();
    }
}
