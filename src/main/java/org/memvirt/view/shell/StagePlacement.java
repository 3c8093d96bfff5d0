package org.memvirt.view.shell;

import java.util.Optional;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import org.memvirt.viewmodel.shell.PresenterViewModel;
import org.memvirt.viewmodel.shell.WindowPlacement;
import org.memvirt.viewmodel.shell.WindowPlacement.Box;

/**
 * Puts the lesson window on a screen before it is shown: the screen it was on last time (else the
 * primary one), its size and place from {@link WindowPlacement}, a minimum size that fits that
 * screen, and a remembered zoom brought down to one the window holds. Position and size are set
 * on the stage itself, so that a window manager's default placement does not apply and, without
 * one, the window is not left at the toolkit's default place; once shown, a size the window
 * manager shrank to the minimum is asked for again.
 */
public final class StagePlacement {
    private StagePlacement() {
    }

    /**
     * @param stage     the window, not shown yet
     * @param presenter what it remembers
     * @param fitZoom   whether to bring the zoom down to one that fits (false when the zoom was set
     *                  on purpose, e.g. {@code -Dmemvirt.zoom} for a screenshot)
     * @return where the window was put
     */
    public static Box apply(Stage stage, PresenterViewModel presenter, boolean fitZoom) {
        Optional<Box> remembered = presenter.rememberedWindow();
        Box screen = visibleBounds(remembered);
        Box placed = WindowPlacement.place(screen, remembered);
        Box min = WindowPlacement.minimumSize(screen);
        stage.setMinWidth(min.width());
        stage.setMinHeight(min.height());
        stage.setX(placed.x());
        stage.setY(placed.y());
        stage.setWidth(placed.width());
        stage.setHeight(placed.height());
        if (fitZoom) {
            presenter.fitZoomTo(placed);
        }
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            if (stage.getWidth() < placed.width() - 1 || stage.getHeight() < placed.height() - 1) {
                stage.setWidth(placed.width());
                stage.setHeight(placed.height());
                stage.setX(placed.x());
                stage.setY(placed.y());
            }
        });
        return placed;
    }

    /** The visible bounds of the screen the remembered window was on, or of the primary screen. */
    static Box visibleBounds(Optional<Box> remembered) {
        Screen screen = Screen.getPrimary();
        if (remembered.isPresent() && remembered.get().placed()) {
            Box r = remembered.get();
            screen = Screen.getScreensForRectangle(r.x(), r.y(), Math.max(1, r.width()), Math.max(1, r.height()))
                    .stream().findFirst().orElse(screen);
        }
        Rectangle2D v = screen.getVisualBounds();
        return new Box(v.getMinX(), v.getMinY(), v.getWidth(), v.getHeight());
    }
}
