package org.memvirt.view.memory;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import org.memvirt.engine.Action;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.viewmodel.StepFrame;
import org.memvirt.viewmodel.memory.GuestPageState;
import org.memvirt.viewmodel.memory.GuestStrip;
import org.memvirt.viewmodel.memory.HostMemoryViewModel;
import org.memvirt.viewmodel.memory.MemoryPicture;
import org.memvirt.viewmodel.memory.MemoryScenario;

/**
 * Writes a PNG of the Host memory screen in a 1500 × 950 window, at one step of the demo lesson
 * ({@link MemoryScenario#lesson()}), optionally with the pointer over a frame or guest page.
 * Run under Xvfb:
 * <pre>
 * xvfb-run -a -s '-screen 0 1600x1000x24' java -cp … org.memvirt.view.memory.MemoryScreenshot OUT.png [STEP] [HOVER]
 * </pre>
 * HOVER is {@code shared} (the most shared frame), {@code balloon} (a page in a balloon),
 * {@code swapped} (a host-swapped page), {@code frame:N}, {@code guest:VM:GFN}, or {@code mid:U}: the
 * step's animation held still at moment U (phase p plays from U = p to p + 1). STEP {@code large}
 * shows a 65,536-frame host instead and prints how long the map's redraw takes. {@code -Dshot.size=WxH}
 * picks another window size, {@code -Dshot.theme=light|dark|projector} a theme and {@code -Dshot.zoom=Z}
 * the presenter's zoom.
 */
public final class MemoryScreenshot {
    private MemoryScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: MemoryScreenshot OUT.png [STEP|large]"
                    + " [shared|balloon|swapped|frame:N|guest:VM:GFN|mid:U]");
            System.exit(2);
        }
        File out = new File(args[0]);
        String step = args.length > 1 ? args[1] : "14";
        String hover = args.length > 2 ? args[2] : "";
        List<StepFrame> frames = step.equals("large") ? largeLesson() : MemoryScenario.lesson();
        int index = step.equals("large") ? frames.size() - 1 : Integer.parseInt(step);

        CountDownLatch done = new CountDownLatch(1);
        Throwable[] failure = new Throwable[1];
        Platform.startup(() -> {
            try {
                String theme = System.getProperty("shot.theme", "light");
                Application.setUserAgentStylesheet(theme.equals("dark") ? new PrimerDark().getUserAgentStylesheet()
                        : new PrimerLight().getUserAgentStylesheet());
                HostMemoryViewModel viewModel = new HostMemoryViewModel();
                viewModel.history().setAll(frames);
                boolean mid = hover.startsWith("mid:");
                viewModel.frameProperty().set(frames.get(mid ? index - 1 : index));
                HostMemoryView view = new HostMemoryView(viewModel, Duration.ZERO);
                Stage stage = new Stage();
                stage.setTitle("MemVirt Lab");
                String[] size = System.getProperty("shot.size", "1500x950").split("x");
                StackPane window = new StackPane(view);
                window.getStyleClass().add("theme-" + theme);
                window.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;",
                        14 * Double.parseDouble(System.getProperty("shot.zoom", "1"))));
                stage.setScene(new Scene(window, Double.parseDouble(size[0]), Double.parseDouble(size[1])));
                stage.show();
                PauseTransition settle = new PauseTransition(Duration.millis(600));
                settle.setOnFinished(e -> {
                    try {
                        if (step.equals("large")) {
                            timeRedraw(viewModel);
                        }
                        if (mid) {
                            viewModel.frameProperty().set(frames.get(index));
                            view.map().freezeAt(Double.parseDouble(hover.substring(4)));
                        } else {
                            hover(viewModel, hover);
                        }
                        PauseTransition again = new PauseTransition(Duration.millis(300));
                        again.setOnFinished(e2 -> {
                            try {
                                WritableImage shot = stage.getScene().snapshot(null);
                                ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", out);
                                System.out.println("wrote " + out + " (step " + index + ")");
                            } catch (IOException | RuntimeException ex) {
                                failure[0] = ex;
                            } finally {
                                done.countDown();
                            }
                        });
                        again.play();
                    } catch (RuntimeException ex) {
                        failure[0] = ex;
                        done.countDown();
                    }
                });
                settle.play();
            } catch (RuntimeException ex) {
                failure[0] = ex;
                done.countDown();
            }
        });
        boolean finished = done.await(60, TimeUnit.SECONDS);
        Platform.exit();
        if (!finished || failure[0] != null) {
            if (failure[0] != null) {
                failure[0].printStackTrace();
            }
            System.exit(1);
        }
        System.exit(0);
    }

    /** Points at what {@code spec} names, as a student's pointer would. */
    static void hover(HostMemoryViewModel viewModel, String spec) {
        MemoryPicture p = viewModel.updateProperty().get().picture();
        if (spec.equals("shared")) {
            int best = -1;
            for (int pfn = 0; pfn < p.frames().frameCount(); pfn++) {
                var f = p.frames().frame(pfn);
                if (f.use() == FrameUse.SHARED && (best < 0 || f.refs() > p.frames().frame(best).refs())) {
                    best = pfn;
                }
            }
            viewModel.hoverFrame(best);
        } else if (spec.equals("balloon") || spec.equals("swapped")) {
            GuestPageState wanted = spec.equals("balloon") ? GuestPageState.BALLOON : GuestPageState.HOST_SWAPPED;
            for (GuestStrip s : p.strips()) {
                for (int gfn = s.pageCount() - 1; gfn >= 0; gfn--) {
                    if (s.state(gfn) == wanted) {
                        viewModel.hoverGuestPage(s.vm(), gfn);
                        return;
                    }
                }
            }
        } else if (spec.startsWith("frame:")) {
            viewModel.hoverFrame(Integer.parseInt(spec.substring(6)));
        } else if (spec.startsWith("guest:")) {
            String[] parts = spec.split(":");
            viewModel.hoverGuestPage(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }
    }

    /** A 65,536-frame host (256 MiB) with four VMs of 48 MiB after sharing, ballooning and pressure. */
    static List<StepFrame> largeLesson() {
        MemoryScenario s = MemoryScenario.start(65536, 4, 48L << 20, 9000);
        for (int vm = 1; vm <= 4; vm++) {
            s.step("VM " + vm + " reads its pages",
                    new Action.TouchPages(vm, MemoryScenario.BASE, 9000, AccessKind.READ));
        }
        s.step("The sharing scanner runs for 70 s", new Action.ScanForSharing(70));
        s.step("The sharing scanner runs for 70 s more", new Action.ScanForSharing(70));
        s.step("VM 2's kernel swaps out 2,000 pages", new Action.GuestSwapOut(2, 2000));
        s.step("VM 2's balloon target: 2,500 pages", new Action.SetBalloonTarget(2, 2500));
        s.pressureUntilFree(3500);
        return s.frames();
    }

    /** Times the frame map's full redraw by hand: the pixel pass alone, and pixels plus image upload. */
    private static void timeRedraw(HostMemoryViewModel viewModel) {
        MemoryPicture p = viewModel.updateProperty().get().picture();
        int[] looks = p.frames().looks();
        CellGrid grid = CellGrid.fit(looks.length, 1000, 560, 16);
        Raster raster = new Raster(MapPalette.of(new org.memvirt.view.ViewPalette().hues().get()));
        int[] out = new int[grid.pixelWidth() * grid.pixelHeight()];
        int[] changed = viewModel.updateProperty().get().changed();
        for (int i = 0; i < 200; i++) {
            raster.paintPixels(looks, grid, changed, out, grid.pixelWidth());
        }
        int runs = 500;
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            raster.paintPixels(looks, grid, changed, out, grid.pixelWidth());
        }
        long pixelsOnly = System.nanoTime() - t0;
        WritableImage image = null;
        t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            image = raster.paint(looks, grid, changed, image);
        }
        long withImage = System.nanoTime() - t0;
        t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            MemoryPicture.of(viewModel.frameProperty().get(), p.swap());
        }
        long picture = System.nanoTime() - t0;
        System.out.printf(java.util.Locale.ROOT,
                "%,d frames, %d × %d cells of %d px (%d × %d pixels): pixel pass %.3f ms, with image upload %.3f ms;"
                        + " building the picture from the snapshot %.1f ms%n",
                looks.length, grid.cols(), grid.rows(), grid.cell(), grid.pixelWidth(), grid.pixelHeight(),
                pixelsOnly / 1e6 / runs, withImage / 1e6 / runs, picture / 1e6 / 20);
    }
}
