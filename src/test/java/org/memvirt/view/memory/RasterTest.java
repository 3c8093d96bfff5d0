package org.memvirt.view.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.memvirt.view.ViewPalette;
import org.memvirt.viewmodel.memory.FrameCategory;
import org.memvirt.viewmodel.memory.GuestPageState;
import org.memvirt.viewmodel.memory.Looks;

/** The one-pass painter puts each look's tile in its cell; patterns tell looks apart without colour. */
class RasterTest {
    private static final MapPalette PALETTE = MapPalette.of(new ViewPalette().hues().get());

    @Test
    void eachCellGetsItsLooksTileAndChangedCellsAMark() {
        int[] looks = {Looks.frame(FrameCategory.FREE, 0), Looks.frame(FrameCategory.DATA, 2),
            Looks.frame(FrameCategory.SHARED, 0), Looks.frame(FrameCategory.GUEST_TABLE, 0)};
        CellGrid g = new CellGrid(0, 0, looks.length, 2, 9, 1);
        int stride = g.pixelWidth();
        int[] out = new int[stride * g.pixelHeight()];

        new Raster(PALETTE).paintPixels(looks, g, new int[] {1}, out, stride);

        for (int i = 0; i < looks.length; i++) {
            MapPalette.CellStyle style = PALETTE.style(looks[i]);
            int x = (int) g.cellX(i) + 7;
            int y = (int) g.cellY(i) + 8;
            assertEquals(style.pixel(7, 8, 9), out[y * stride + x], "cell " + i);
        }
        assertEquals(PALETTE.ink(), out[(int) g.cellY(1) * stride + (int) g.cellX(1)], "changed: corner mark");
        assertNotEquals(PALETTE.ink(), out[(int) g.cellY(0) * stride + (int) g.cellX(0)]);
        assertEquals(PALETTE.grid(), out[9], "the gap between cells");
    }

    @Test
    void tablesSharedFramesHostFramesAndSwappedPagesCarryAPatternNotJustAColour() {
        for (int look : new int[] {Looks.frame(FrameCategory.GUEST_TABLE, 0), Looks.frame(FrameCategory.EPT_TABLE, 0),
            Looks.frame(FrameCategory.SHADOW_TABLE, 0), Looks.frame(FrameCategory.SHARED, 0),
            Looks.frame(FrameCategory.HOST, 0), Looks.guest(GuestPageState.BALLOON, 0),
            Looks.guest(GuestPageState.HOST_SWAPPED, 1), Looks.guest(GuestPageState.NOT_BACKED, 1)}) {
            assertNotEquals(MapPalette.Pattern.SOLID, PALETTE.style(look).pattern(), "look " + look);
        }
    }

    @Test
    void distinctKindsNeverShareColourAndPattern() {
        Set<String> seen = new HashSet<>();
        for (FrameCategory c : FrameCategory.values()) {
            MapPalette.CellStyle s = PALETTE.style(Looks.frame(c, 1));
            assertTrue(seen.add(s.fill() + "/" + s.pattern()) || c == FrameCategory.FREE, c.name());
        }
        for (int vm = 1; vm <= 3; vm++) {
            MapPalette.CellStyle s = PALETTE.style(Looks.frame(FrameCategory.DATA, vm));
            assertTrue(seen.add(s.fill() + "/" + s.pattern() + "/vm"), "VM " + vm + " has its own shade");
        }
    }
}
