package org.memvirt.view.memory;

import javafx.scene.paint.Color;

import org.memvirt.view.ViewPalette.Hue;
import org.memvirt.view.ViewPalette.Hues;
import org.memvirt.viewmodel.memory.FrameCategory;
import org.memvirt.viewmodel.memory.GuestPageState;
import org.memvirt.viewmodel.memory.Looks;

/**
 * The colour and pattern of every look in one theme (DESIGN.md's visual language, Okabe–Ito):
 * data green in one shade per VM, guest tables blue hatched, EPT tables orange hatched, shadow
 * tables purple hatched, shared frames sky with dots, the hypervisor process's page tables vermillion
 * hatched, the host's own frames vermillion crossed,
 * free yellow-tinted (dark in the dark theme). Patterns carry the meaning for viewers who cannot tell the colours apart;
 * a pattern's ink is a dark or light step of its fill, whichever stands out, so that it shows in
 * every theme. Built once per theme from the view's {@link Hues}; every look's style is computed
 * then, so the map's pixel pass only copies.
 */
final class MapPalette {
    /**
     * The steps from data green to each VM's shade: mid, then darker, lighter and greyer ones. On a
     * dark panel the ladder turns round, so that no shade sinks into the background.
     */
    private static final Shade[] LIGHT_LADDER = {new Shade(Color.BLACK, 0), new Shade(Color.BLACK, 0.43),
        new Shade(Color.WHITE, 0.5), new Shade(Color.GRAY, 0.4), new Shade(Color.BLACK, 0.68),
        new Shade(Color.WHITE, 0.72)};
    private static final Shade[] DARK_LADDER = {new Shade(Color.BLACK, 0), new Shade(Color.WHITE, 0.5),
        new Shade(Color.BLACK, 0.45), new Shade(Color.GRAY, 0.4), new Shade(Color.WHITE, 0.8),
        new Shade(Color.BLACK, 0.62)};

    /**
     * The projector's ladder: every shade a strong one (no step towards white or grey, which a
     * washed-out projector turns into pastel), told apart by darkness and by a turn towards blue
     * or brown.
     */
    private static final Shade[] PROJECTOR_LADDER = {new Shade(Color.BLACK, 0), new Shade(Color.BLACK, 0.5),
        new Shade(Color.web("#0033aa"), 0.45), new Shade(Color.web("#663300"), 0.5), new Shade(Color.BLACK, 0.75),
        new Shade(Color.web("#0033aa"), 0.75)};

    /** The yellow free frames are a tint of, in every theme. */
    private static final Color FREE_YELLOW = Color.web("#F0E442");

    /** A step of the ladder: data green moved {@code amount} of the way towards {@code toward}. */
    private record Shade(Color toward, double amount) {
    }

    private final int grid;
    private final int background;
    private final int ink;
    private final int free;
    private final int shared;
    private final int host;
    private final int balloon;
    private final int[] vmShades;
    private final CellStyle[] styles = new CellStyle[Looks.COUNT];

    private MapPalette(Hues hues) {
        Color panel = hues.get(Hue.PANEL);
        Color grey = hues.get(Hue.NATIVE);
        boolean dark = luminance(panel) < 0.5;
        boolean projector = highContrast(hues);
        grid = argb(mix(panel, grey, 0.25));
        background = argb(panel);
        ink = argb(hues.get(Hue.INK));
        // free is DESIGN.md's Okabe-Ito yellow: light behind black text, dark behind light text
        free = argb(mix(hues.get(Hue.NOTE), FREE_YELLOW, dark ? 0.12 : 0.3));
        shared = argb(hues.get(Hue.SHARED));
        host = argb(hues.get(Hue.VMM));
        balloon = argb(hues.get(projector ? Hue.VMM : Hue.VMM_TINT));
        Shade[] ladder = projector ? PROJECTOR_LADDER : dark ? DARK_LADDER : LIGHT_LADDER;
        vmShades = new int[ladder.length];
        for (int i = 0; i < ladder.length; i++) {
            vmShades[i] = argb(mix(hues.get(Hue.DATA), ladder[i].toward(), ladder[i].amount()));
        }
        int firmware = argb(mix(panel, grey, 0.3));
        int slotOutline = argb(mix(panel, grey, 0.45));
        int guest = argb(hues.get(Hue.GUEST));
        int ept = argb(hues.get(Hue.HOST));
        int shadow = argb(hues.get(Hue.SHADOW));
        for (int look = 0; look < Looks.COUNT; look++) {
            styles[look] = compute(look, firmware, slotOutline, guest, ept, shadow);
        }
    }

    /** The projector theme: black ink and black lines on a white panel (palette.css). */
    static boolean highContrast(Hues hues) {
        return hues.get(Hue.INK).equals(Color.BLACK) && hues.get(Hue.LINE).equals(Color.BLACK)
                && hues.get(Hue.PANEL).equals(Color.WHITE);
    }

    /** The map's colours in the theme {@code hues} come from. */
    static MapPalette of(Hues hues) {
        return new MapPalette(hues);
    }

    /** The style of one look. */
    CellStyle style(int look) {
        return styles[look];
    }

    /** The data green of a VM. */
    int vmShade(int vm) {
        int i = Math.max(0, vm - 1);
        return vmShades[i % vmShades.length];
    }

    /** The lines between cells. */
    int grid() {
        return grid;
    }

    /** Space outside the cells. */
    int background() {
        return background;
    }

    /** The corner mark of a frame this step changed, and outlines. */
    int ink() {
        return ink;
    }

    /** A free frame. */
    int free() {
        return free;
    }

    /** A shared frame. */
    int shared() {
        return shared;
    }

    /** The host's own frames and the balloon's outline. */
    int host() {
        return host;
    }

    /** A page in a balloon. */
    int balloon() {
        return balloon;
    }

    /** A JavaFX colour of an ARGB value. */
    static Color color(int argb) {
        return Color.rgb((argb >>> 16) & 0xFF, (argb >>> 8) & 0xFF, argb & 0xFF, ((argb >>> 24) & 0xFF) / 255.0);
    }

    /** The ARGB value of an opaque colour. */
    static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** {@code a} moved the fraction {@code t} of the way to {@code b}. */
    static Color mix(Color a, Color b, double t) {
        return a.interpolate(b, t);
    }

    /** Perceived lightness, 0 (black) to 1 (white). */
    static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    /** A pattern's ink on {@code fill}: a deep step of it on a light fill, a pale one on a dark fill. */
    static int patternInk(int fill) {
        Color c = color(fill);
        return argb(luminance(c) > 0.55 ? mix(c, Color.BLACK, 0.6) : mix(c, Color.WHITE, 0.8));
    }

    private CellStyle compute(int look, int firmware, int slotOutline, int guest, int ept, int shadow) {
        if (look == Looks.EMPTY_SLOT) {
            return new CellStyle(background, Pattern.OUTLINE, slotOutline);
        }
        int vm = Looks.vm(look);
        // VMs past the sixth shade get stripes so that shades that repeat still differ
        Pattern dataPattern = vm > vmShades.length ? Pattern.STRIPES : Pattern.SOLID;
        if (!Looks.isGuest(look)) {
            int kind = look >>> 4;
            if (kind >= FrameCategory.values().length) {
                return new CellStyle(background, Pattern.SOLID, background);
            }
            return switch (FrameCategory.values()[kind]) {
                case FREE -> new CellStyle(free, Pattern.SOLID, free);
                case DATA -> patterned(vmShade(vm), dataPattern);
                case GUEST_TABLE -> patterned(guest, Pattern.HATCH);
                case EPT_TABLE -> patterned(ept, Pattern.HATCH);
                case SHADOW_TABLE -> patterned(shadow, Pattern.HATCH);
                case SHARED -> patterned(shared, Pattern.DOTS);
                case HOST_TABLE -> patterned(host, Pattern.HATCH);
                case HOST -> patterned(host, Pattern.CROSS);
            };
        }
        int kind = (look - 0x100) >>> 4;
        if (kind >= GuestPageState.values().length) {
            return new CellStyle(background, Pattern.SOLID, background);
        }
        return switch (GuestPageState.values()[kind]) {
            case FIRMWARE -> new CellStyle(firmware, Pattern.SOLID, firmware);
            case FREE -> new CellStyle(free, Pattern.SOLID, free);
            case FREE_BACKED -> new CellStyle(free, Pattern.OUTLINE, vmShade(vm));
            case TABLE -> patterned(guest, Pattern.HATCH);
            case DATA -> patterned(vmShade(vm), dataPattern);
            case SHARED -> patterned(shared, Pattern.DOTS);
            case BALLOON -> new CellStyle(balloon, Pattern.RING, host);
            case HOST_SWAPPED -> patterned(vmShade(vm), Pattern.LINES);
            case NOT_BACKED -> new CellStyle(background, Pattern.OUTLINE, vmShade(vm));
        };
    }

    private static CellStyle patterned(int fill, Pattern pattern) {
        return new CellStyle(fill, pattern, patternInk(fill));
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
