package org.memvirt.view.memory;

import javafx.scene.paint.Color;

import org.memvirt.viewmodel.memory.FrameCategory;
import org.memvirt.viewmodel.memory.GuestPageState;
import org.memvirt.viewmodel.memory.Looks;

/**
 * The colour and pattern of every look (DESIGN.md's visual language, Okabe–Ito): data green in
 * one shade per VM, guest tables blue hatched, EPT tables orange hatched, shadow tables purple
 * hatched, shared frames sky with dots, the host's own frames vermillion crossed, free
 * yellow-tinted. Patterns carry the meaning for viewers who cannot tell the colours apart.
 */
final class MapPalette {
    /** The lines between cells. */
    static final int GRID = 0xFFD3D9DF;
    /** Space outside the cells. */
    static final int BACKGROUND = 0xFFFFFFFF;
    /** The corner mark of a frame this step changed, and outlines. */
    static final int INK = 0xFF1F2328;

    static final int FREE = 0xFFFAF3C0;
    static final int GUEST_BLUE = 0xFF0072B2;
    static final int EPT_ORANGE = 0xFFE69F00;
    static final int SHADOW_PURPLE = 0xFFCC79A7;
    static final int SHARED_SKY = 0xFF56B4E9;
    static final int HOST_VERMILLION = 0xFFD55E00;
    static final int BALLOON_TINT = 0xFFF8D2B8;
    static final int FIRMWARE_GREY = 0xFFD0D5DB;

    /** Data green per VM: mid, dark, light, then patterned variants; VM 0 (native) as VM 1. */
    private static final int[] VM_SHADES = {0xFF009E73, 0xFF005A41, 0xFF7ED6BA, 0xFF2E8B6E, 0xFF00331F,
        0xFFB5E8D7};

    private static final CellStyle[] STYLES = new CellStyle[Looks.COUNT];

    static {
        for (int look = 0; look < Looks.COUNT; look++) {
            STYLES[look] = compute(look);
        }
    }

    private MapPalette() {
    }

    /** The style of one look. */
    static CellStyle style(int look) {
        return STYLES[look];
    }

    /** The data green of a VM. */
    static int vmShade(int vm) {
        int i = Math.max(0, vm - 1);
        return VM_SHADES[i % VM_SHADES.length];
    }

    /** A JavaFX colour of an ARGB value. */
    static Color color(int argb) {
        return Color.rgb((argb >>> 16) & 0xFF, (argb >>> 8) & 0xFF, argb & 0xFF, ((argb >>> 24) & 0xFF) / 255.0);
    }

    private static CellStyle compute(int look) {
        if (look == Looks.EMPTY_SLOT) {
            return new CellStyle(0xFFFFFFFF, Pattern.OUTLINE, 0xFFB7BEC6);
        }
        int vm = Looks.vm(look);
        // VMs past the sixth shade get stripes so that shades that repeat still differ
        Pattern dataPattern = vm > VM_SHADES.length ? Pattern.STRIPES : Pattern.SOLID;
        if (!Looks.isGuest(look)) {
            int kind = look >>> 4;
            if (kind >= FrameCategory.values().length) {
                return new CellStyle(BACKGROUND, Pattern.SOLID, BACKGROUND);
            }
            return switch (FrameCategory.values()[kind]) {
                case FREE -> new CellStyle(FREE, Pattern.SOLID, FREE);
                case DATA -> new CellStyle(vmShade(vm), dataPattern, 0xFFFFFFFF);
                case GUEST_TABLE -> new CellStyle(GUEST_BLUE, Pattern.HATCH, 0xFFFFFFFF);
                case EPT_TABLE -> new CellStyle(EPT_ORANGE, Pattern.HATCH, 0xFF5C3D00);
                case SHADOW_TABLE -> new CellStyle(SHADOW_PURPLE, Pattern.HATCH, 0xFFFFFFFF);
                case SHARED -> new CellStyle(SHARED_SKY, Pattern.DOTS, 0xFF00344F);
                case HOST -> new CellStyle(HOST_VERMILLION, Pattern.CROSS, 0xFFFFE3D1);
            };
        }
        int kind = (look - 0x100) >>> 4;
        if (kind >= GuestPageState.values().length) {
            return new CellStyle(BACKGROUND, Pattern.SOLID, BACKGROUND);
        }
        return switch (GuestPageState.values()[kind]) {
            case FIRMWARE -> new CellStyle(FIRMWARE_GREY, Pattern.SOLID, FIRMWARE_GREY);
            case FREE -> new CellStyle(FREE, Pattern.SOLID, FREE);
            case FREE_BACKED -> new CellStyle(FREE, Pattern.OUTLINE, vmShade(vm));
            case TABLE -> new CellStyle(GUEST_BLUE, Pattern.HATCH, 0xFFFFFFFF);
            case DATA -> new CellStyle(vmShade(vm), dataPattern, 0xFFFFFFFF);
            case SHARED -> new CellStyle(SHARED_SKY, Pattern.DOTS, 0xFF00344F);
            case BALLOON -> new CellStyle(BALLOON_TINT, Pattern.RING, HOST_VERMILLION);
            case HOST_SWAPPED -> new CellStyle(vmShade(vm), Pattern.LINES, 0xFF111111);
            case NOT_BACKED -> new CellStyle(0xFFFFFFFF, Pattern.OUTLINE, vmShade(vm));
        };
    }

    /** How a cell is filled besides its colour. */
    enum Pattern {
        SOLID, HATCH, DOTS, LINES, STRIPES, CROSS, RING, OUTLINE
    }

    /**
     * A look's paint.
     *
     * @param fill    the main colour (ARGB)
     * @param pattern the pattern drawn over it
     * @param ink     the pattern's colour
     */
    record CellStyle(int fill, Pattern pattern, int ink) {

        /** The colour of pixel (x, y) of a cell of {@code size} pixels. */
        int pixel(int x, int y, int size) {
            return inPattern(x, y, size) ? ink : fill;
        }

        private boolean inPattern(int x, int y, int size) {
            int last = size - 1;
            return switch (pattern) {
                case SOLID -> false;
                case HATCH -> size >= 4 ? (x + y) % 4 == 0 : (x + y) % 2 == 0 && x == y;
                case DOTS -> size >= 6 ? x % 3 == 1 && y % 3 == 1 : x == size / 2 && y == size / 2;
                case LINES -> size >= 4 ? y % 3 == 1 : y == 0;
                case STRIPES -> size >= 4 ? x % 4 == 3 : x == last;
                case CROSS -> size >= 5 ? x == y || x == last - y : (x + y) % 2 == 0;
                case RING -> {
                    if (size < 6) {
                        yield x == 0 || y == 0 || x == last || y == last;
                    }
                    double c = last / 2.0;
                    double r = Math.hypot(x - c, y - c);
                    double outer = size / 2.0 - 0.6;
                    yield r <= outer && r >= outer - Math.max(1.2, size / 6.0);
                }
                case OUTLINE -> x == 0 || y == 0 || x == last || y == last
                        || (size >= 8 && (x == 1 || y == 1 || x == last - 1 || y == last - 1));
            };
        }
    }
}
