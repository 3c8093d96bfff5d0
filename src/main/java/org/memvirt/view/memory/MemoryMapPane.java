package org.memvirt.view.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.viewmodel.memory.GuestStrip;
import org.memvirt.viewmodel.memory.HostMemoryViewModel;
import org.memvirt.viewmodel.memory.MapUpdate;
import org.memvirt.viewmodel.memory.MemoryPicture;
import org.memvirt.viewmodel.memory.ShownFrames;

/**
 * The memory map: every host frame as one cell of a single image, below it each VM's
 * guest-physical pages with its balloon, and the host's swap device, slot by slot. A canvas on
 * top carries what moves (animations) and what the pointer is over (outlines joining a frame to
 * the guest pages that map it). Images are repainted only when the step or the size changes.
 */
final class MemoryMapPane extends Region {
    private static final double GUTTER = 66;
    private static final double RIGHT = 178;
    private static final double TITLE = 24;
    private static final double STRIP_GAP = 8;
    private static final double SWAP_HEIGHT = 26;
    private static final int MAX_FRAME_CELL = 16;
    /** Frame cells when only the frames the lesson uses are drawn: few enough to be read from afar. */
    private static final int MAX_SHOWN_FRAME_CELL = 30;
    private static final int MAX_STRIP_CELL = 9;
    private static final int MIN_STRIP_CELL = 5;
    private static final double MIN_STRIP_BLOCK = 34;
    /** The frame map's least height, and the pane's at 100 % zoom. */
    private static final double MIN_FRAMES = 40;
    private static final double MIN_HEIGHT = 260;
    private static final double MAX_STRIP_BLOCK = 96;

    private final HostMemoryViewModel viewModel;
    private final MemoryTheme theme;
    private final MapAnimator animator;
    private final AnimationPainter painter;
    private final MapMarks marks;

    private final Raster frameRaster;
    private final Raster stripRaster;
    private final Raster swapRaster;
    private final ImageView frameImage = new ImageView();
    private final ImageView swapImage = new ImageView();
    private final Map<Integer, ImageView> stripImages = new HashMap<>();
    private final Map<Integer, Label> vmLabels = new HashMap<>();
    private final Map<Integer, Label> balloonLabels = new HashMap<>();
    private final Map<Integer, Label> guestSwapLabels = new HashMap<>();
    private final Label mapTitle = new Label();
    private final Label stripsTitle = new Label(
            "Guest-physical memory of each VM: what its kernel uses each page for, and what backs it");
    private final Label swapTitle = new Label();
    /** "16,359 free frames": the frames the map leaves out, as one labelled block. */
    private final Label freeBlock = new Label();
    private final Canvas overlay = new Canvas();

    private MapUpdate shown;
    private MapGeometry geometry = MapGeometry.EMPTY;
    /** The width left of the cells, for the row numbers and the VM names (it grows with the text). */
    private double gutter = GUTTER;
    private MapUpdate paintedFor;
    /** The grids the images were last painted for (the balloon points do not matter to them). */
    private List<Object> paintedAt;
    private double moment = Double.NaN;
    private final MapPointer pointer;

    /**
     * @param perPhase how long one phase of an animation plays at speed 1
     * @param speed    how many times faster than that it plays now (read when an animation starts)
     */
    MemoryMapPane(HostMemoryViewModel viewModel, MemoryTheme theme, Duration perPhase, DoubleSupplier speed) {
        this.viewModel = viewModel;
        this.theme = theme;
        this.pointer = new MapPointer(viewModel);
        this.animator = new MapAnimator(perPhase, speed, u -> {
            moment = u;
            paintOverlay();
        });
        painter = new AnimationPainter(theme);
        marks = new MapMarks(theme);
        frameRaster = new Raster(theme.palette());
        stripRaster = new Raster(theme.palette());
        swapRaster = new Raster(theme.palette());
        theme.onChange(this::restyle);
        paintFreeBlock();
        setId("memory-map");
        getStyleClass().add("memory-map");
        frameImage.setId("frame-map-image");
        swapImage.setId("swap-image");
        mapTitle.getStyleClass().add("map-title");
        mapTitle.textProperty().bind(viewModel.mapTitleProperty());
        mapTitle.setGraphic(new FontIcon("mdi2m-memory"));
        stripsTitle.getStyleClass().add("map-title");
        stripsTitle.setGraphic(new FontIcon("mdi2l-layers-outline"));
        swapTitle.getStyleClass().add("map-title");
        swapTitle.setGraphic(new FontIcon("mdi2h-harddisk"));
        overlay.setMouseTransparent(true);
        for (ImageView v : List.of(frameImage, swapImage)) {
            v.setSmooth(false);
        }
        freeBlock.setId("free-frames-block");
        freeBlock.getStyleClass().add("free-frames-block");
        freeBlock.setVisible(false);
        getChildren().addAll(mapTitle, frameImage, freeBlock, stripsTitle, swapTitle, swapImage, overlay);
        viewModel.shownFramesProperty().addListener((obs, old, now) -> {
            paintedAt = null;
            requestLayout();
        });

        viewModel.updateProperty().addListener((obs, old, now) -> show(now));
        viewModel.highlightProperty().addListener((obs, old, now) -> paintOverlay());
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            if (shown != null) {
                pointer.moveTo(e.getX(), e.getY(), geometry);
            }
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> pointer.leave());
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> animator.skip());
        show(viewModel.updateProperty().get());
    }

    /** True while an animation plays. */
    ReadOnlyBooleanProperty animatingProperty() {
        return animator.runningProperty();
    }

    /** The phase playing, -1 when none. */
    ReadOnlyIntegerProperty phaseProperty() {
        return animator.phaseProperty();
    }

    /**
     * Stops any animation and draws moment {@code u} of the current plan, still (screenshots and
     * tests look at an animation this way; NaN draws the result).
     */
    void freezeAt(double u) {
        animator.stop();
        moment = u;
        paintOverlay();
    }

    /** Ends the animation: the result at once. */
    void skipAnimation() {
        animator.skip();
    }

    /** The theme or the zoom changed: the images in the new colours, the layout for the new text size. */
    private void restyle() {
        for (Raster r : List.of(frameRaster, stripRaster, swapRaster)) {
            r.palette(theme.palette());
        }
        paintFreeBlock();
        paintedAt = null;
        requestLayout();
    }

    /** The block of frames left out is filled like the free frames it stands for. */
    private void paintFreeBlock() {
        freeBlock.setBackground(new Background(new BackgroundFill(MapPalette.color(theme.palette().free()), null, null)));
    }

    /** The colours the map paints in now (tests compare them with the theme). */
    MapPalette palette() {
        return theme.palette();
    }

    /** Where things lie now (for tests: a frame's centre in the pane). */
    MapGeometry geometry() {
        return geometry;
    }

    private void show(MapUpdate update) {
        animator.stop();
        moment = Double.NaN;
        shown = update;
        pointer.forget();
        syncVmNodes();
        requestLayout();
        layoutChildren();
        if (update != null && update.animation() != null) {
            animator.play(update.animation().phases().size());
        } else {
            paintOverlay();
        }
    }

    private void syncVmNodes() {
        List<Integer> vms = new ArrayList<>();
        if (shown != null) {
            shown.picture().strips().forEach(s -> vms.add(s.vm()));
        }
        for (Integer vm : new ArrayList<>(stripImages.keySet())) {
            if (!vms.contains(vm)) {
                getChildren().removeAll(stripImages.remove(vm), vmLabels.remove(vm), balloonLabels.remove(vm),
                        guestSwapLabels.remove(vm));
            }
        }
        for (int vm : vms) {
            if (stripImages.containsKey(vm)) {
                continue;
            }
            ImageView image = new ImageView();
            image.setId("strip-image-" + vm);
            image.setSmooth(false);
            Label name = new Label("VM " + vm);
            name.setId("strip-label-" + vm);
            name.getStyleClass().add("strip-label");
            Label balloon = new Label();
            balloon.setId("balloon-label-" + vm);
            balloon.getStyleClass().add("balloon-label");
            Label guestSwap = new Label();
            guestSwap.setId("guest-swap-label-" + vm);
            guestSwap.getStyleClass().add("guest-swap-label");
            stripImages.put(vm, image);
            vmLabels.put(vm, name);
            balloonLabels.put(vm, balloon);
            guestSwapLabels.put(vm, guestSwap);
            getChildren().add(getChildren().indexOf(overlay), image);
            getChildren().addAll(getChildren().indexOf(overlay), List.of(name, balloon, guestSwap));
        }
    }

    /** Room for the titles, some frames, each VM's strip with its two lines and the swap device at this zoom. */
    @Override
    protected double computeMinHeight(double width) {
        double zoom = theme.scale();
        int strips = shown == null ? 0 : shown.picture().strips().size();
        return Math.max(MIN_HEIGHT, 3 * TITLE * zoom + 10 + MIN_FRAMES + strips * (MIN_STRIP_BLOCK * zoom + STRIP_GAP)
                + SWAP_HEIGHT + 4);
    }

    /** As little as it needs: the map takes the height its column has to spare, not more. */
    @Override
    protected double computePrefHeight(double width) {
        return computeMinHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        overlay.setWidth(w);
        overlay.setHeight(h);
        // what holds text grows with the zoom; cells do not
        double zoom = theme.scale();
        gutter = GUTTER * zoom;
        double right = RIGHT * zoom;
        double title = TITLE * zoom;
        double minBlock = MIN_STRIP_BLOCK * zoom;
        double maxBlock = Math.max(MAX_STRIP_BLOCK, minBlock);
        MemoryPicture p = shown == null ? null : shown.picture();
        List<GuestStrip> strips = p == null ? List.of() : p.strips();
        double stripWidth = Math.max(40, w - gutter - right);
        int slots = p == null ? 0 : slotCells(p);
        int frames = p == null ? 0 : p.frames().frameCount();
        ShownFrames selection = viewModel.shownFramesProperty().get();
        if (selection != null && selection.total() != frames) {
            selection = null;
        }
        int cells = selection == null ? frames : selection.size();
        double fixed = title + 10 + (selection == null ? 0 : title) + (strips.isEmpty() ? 0 : title + strips.size() * STRIP_GAP)
                + (p == null ? 0 : title + SWAP_HEIGHT + 4);
        double avail = Math.max(20, h - fixed);
        // the largest frame cells that still leave the guest strips cells of a readable size
        CellGrid frameGrid = CellGrid.NONE;
        List<CellGrid> stripFits = new ArrayList<>();
        for (int cell = selection == null ? MAX_FRAME_CELL : MAX_SHOWN_FRAME_CELL; cell >= 1; cell--) {
            CellGrid candidate = CellGrid.withCell(cells, w - gutter - 4, cell).showing(selection);
            double rest = avail - candidate.pixelHeight();
            if (rest < strips.size() * minBlock && cell > 1) {
                continue;
            }
            List<CellGrid> fits = new ArrayList<>();
            double per = strips.isEmpty() ? 0 : Math.min(maxBlock, rest / strips.size());
            int smallest = Integer.MAX_VALUE;
            for (GuestStrip s : strips) {
                CellGrid fit = CellGrid.fit(s.pageCount(), stripWidth, per, MAX_STRIP_CELL);
                fits.add(fit);
                smallest = Math.min(smallest, fit.cell());
            }
            frameGrid = candidate;
            stripFits = fits;
            // the frame map comes first: in a small window the strips may take cells two pixels smaller
            if (strips.isEmpty() || smallest >= Math.min(cell - 2, MIN_STRIP_CELL) || cell == 1) {
                break;
            }
        }
        frameGrid = frameGrid.at(gutter, title);

        double used = frameGrid.pixelHeight();
        for (int i = 0; i < stripFits.size(); i++) {
            used += Math.max(stripFits.get(i).pixelHeight(), minBlock);
        }
        // room nobody can use goes between the sections rather than below the last
        double pad = Math.min(24, Math.max(0, avail - used) / 3);
        place(mapTitle, 0, 0, w, title);
        double y = title + frameGrid.pixelHeight() + 10 + pad;
        freeBlock.setVisible(selection != null);
        if (selection != null) {
            freeBlock.setText(selection.hiddenText());
            place(freeBlock, gutter, y - 6, Math.min(w - gutter, freeBlock.prefWidth(-1)), title);
            y += title;
        }
        Map<Integer, CellGrid> stripGrids = new HashMap<>();
        Map<Integer, double[]> balloons = new HashMap<>();
        Map<Integer, double[]> guestSwaps = new HashMap<>();
        stripsTitle.setVisible(!strips.isEmpty());
        if (!strips.isEmpty()) {
            place(stripsTitle, 0, y, w, title);
            y += title;
        }
        double line = 20 * zoom;
        for (int i = 0; i < strips.size(); i++) {
            GuestStrip s = strips.get(i);
            double block = Math.max(stripFits.get(i).pixelHeight(), minBlock);
            CellGrid g = stripFits.get(i).at(gutter, y + (block - stripFits.get(i).pixelHeight()) / 2);
            stripGrids.put(s.vm(), g);
            place(vmLabels.get(s.vm()), 4, y + block / 2 - 12 * zoom, gutter - 8, 24 * zoom);
            double bx = gutter + g.pixelWidth() + 30 * zoom;
            balloons.put(s.vm(), new double[] {bx, y + block / 2});
            Label balloon = balloonLabels.get(s.vm());
            balloon.setText("balloon " + s.memory().balloonPages() + " of " + s.memory().balloonTarget());
            place(balloon, bx + 22 * zoom, y + block / 2 - line, right, line);
            Label guestSwap = guestSwapLabels.get(s.vm());
            guestSwap.setText("guest swap " + s.memory().guestSwapPages());
            place(guestSwap, bx + 22 * zoom, y + block / 2, right, line);
            guestSwaps.put(s.vm(), new double[] {bx + 30 * zoom, y + block / 2 + line / 2});
            y += block + STRIP_GAP;
        }
        CellGrid swapGrid = CellGrid.NONE;
        y += pad;
        swapTitle.setVisible(p != null);
        if (p != null) {
            swapTitle.setText("Host swap device: " + p.swap().used() + " pages on it now, slot by slot");
            place(swapTitle, 0, y, w, title);
            y += title;
            swapGrid = CellGrid.fit(slots, stripWidth, SWAP_HEIGHT, 12);
            // empty slots fill the last row, so the device reads as one block
            swapGrid = new CellGrid(gutter, y, swapGrid.rows() * swapGrid.cols(), swapGrid.cols(), swapGrid.cell(),
                    swapGrid.gap());
        }
        geometry = new MapGeometry(frameGrid, stripGrids, swapGrid, balloons, guestSwaps);
        List<Object> grids = List.of(frameGrid, stripGrids, swapGrid);
        if (!grids.equals(paintedAt) || paintedFor != shown) {
            paintImages(p);
            paintedAt = grids;
            paintedFor = shown;
        }
        frameImage.relocate(Math.round(frameGrid.x()), Math.round(frameGrid.y()));
        for (Map.Entry<Integer, CellGrid> e : stripGrids.entrySet()) {
            stripImages.get(e.getKey()).relocate(Math.round(e.getValue().x()), Math.round(e.getValue().y()));
        }
        swapImage.relocate(Math.round(swapGrid.x()), Math.round(swapGrid.y()));
        overlay.relocate(0, 0);
        paintOverlay();
    }

    private static int slotCells(MemoryPicture p) {
        return Math.max(32, p.swap().slotCount());
    }

    private void place(Region node, double x, double y, double w, double h) {
        node.resizeRelocate(Math.round(x), Math.round(y), w, h);
    }

    private void paintImages(MemoryPicture p) {
        if (p == null) {
            frameImage.setImage(null);
            swapImage.setImage(null);
            return;
        }
        frameImage.setImage(frameRaster.paint(p.frames().looks(), geometry.frames(), shown.changed(),
                (WritableImage) frameImage.getImage()));
        for (GuestStrip s : p.strips()) {
            ImageView v = stripImages.get(s.vm());
            v.setImage(stripRaster.paint(s.looks(), geometry.strip(s.vm()), null, (WritableImage) v.getImage()));
        }
        CellGrid swap = geometry.swap();
        int[] slotLooks = new int[swap.count()];
        for (int i = 0; i < slotLooks.length; i++) {
            slotLooks[i] = p.swap().look(i);
        }
        swapImage.setImage(swapRaster.paint(slotLooks, swap, null, (WritableImage) swapImage.getImage()));
    }

    private void paintOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        if (shown == null) {
            return;
        }
        marks.rowNumbers(g, geometry.frames(), gutter);
        boolean animating = shown.animation() != null && !Double.isNaN(moment);
        if (animating) {
            painter.paint(g, shown.animation(), moment, geometry);
        }
        Map<Integer, Long> sizes = painter.balloonSizes(animating ? shown.animation() : null, moment,
                shown.picture());
        for (GuestStrip s : shown.picture().strips()) {
            marks.balloon(g, geometry.balloons().get(s.vm()), sizes.getOrDefault(s.vm(), 0L), s.pageCount());
        }
        marks.highlight(g, viewModel.highlightProperty().get(), geometry);
    }
}
