package org.memvirt.view.memory;

import java.util.Map;

import org.memvirt.viewmodel.memory.HostMemoryViewModel;

/**
 * What the pointer is over on the map: a host frame, a VM's guest page or a swap slot. Tells the
 * view model once per cell entered (not on every pixel the pointer moves), and when it leaves all.
 */
final class MapPointer {
    private final HostMemoryViewModel viewModel;
    private String key = "";

    MapPointer(HostMemoryViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** The pointer is at ({@code x}, {@code y}) of a map laid out as {@code geometry}. */
    void moveTo(double x, double y, MapGeometry geometry) {
        int i = geometry.frames().indexAt(x, y);
        if (i >= 0) {
            enter("f" + i, () -> viewModel.hoverFrame(i));
            return;
        }
        for (Map.Entry<Integer, CellGrid> e : geometry.strips().entrySet()) {
            int gfn = e.getValue().indexAt(x, y);
            if (gfn >= 0) {
                enter("g" + e.getKey() + ":" + gfn, () -> viewModel.hoverGuestPage(e.getKey(), gfn));
                return;
            }
        }
        int slot = geometry.swap().indexAt(x, y);
        if (slot >= 0) {
            enter("s" + slot, () -> viewModel.hoverSwapSlot(slot));
            return;
        }
        if (!key.isEmpty()) {
            leave();
        }
    }

    /** The pointer left the map. */
    void leave() {
        key = "";
        viewModel.clearHover();
    }

    /** The map shows something new: the next move tells the view model again, even over the same cell. */
    void forget() {
        key = "";
    }

    private void enter(String cell, Runnable tell) {
        if (!cell.equals(key)) {
            key = cell;
            tell.run();
        }
    }
}
