package org.memvirt.view.memory;

import java.util.Map;

/**
 * Where everything of the memory map lies in the pane at the current size: the frame grid, one
 * grid per VM strip, the swap device's grid, and per VM the balloon and the guest's own swap.
 *
 * @param frames    the host frame map
 * @param strips    each VM's guest-physical strip
 * @param swap      the host swap device
 * @param balloons  each VM's balloon centre {x, y}
 * @param guestSwap each VM's guest swap label {x, y}
 */
record MapGeometry(CellGrid frames, Map<Integer, CellGrid> strips, CellGrid swap, Map<Integer, double[]> balloons,
                   Map<Integer, double[]> guestSwap) {

    static final MapGeometry EMPTY = new MapGeometry(CellGrid.NONE, Map.of(), CellGrid.NONE, Map.of(), Map.of());

    MapGeometry {
        strips = Map.copyOf(strips);
        balloons = Map.copyOf(balloons);
        guestSwap = Map.copyOf(guestSwap);
    }

    CellGrid strip(int vm) {
        return strips.getOrDefault(vm, CellGrid.NONE);
    }
}
