package org.memvirt.view.shell;

import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

import org.memvirt.viewmodel.shell.PresenterViewModel;

/**
 * The black screen a presenter turns on with B or "." (as presentation software does): it covers
 * the whole window, menus included; any key or click brings the lesson back, and that key does
 * nothing else.
 */
final class BlankScreen extends Region {
    private final PresenterViewModel presenter;

    BlankScreen(PresenterViewModel presenter) {
        this.presenter = presenter;
        setId("blank-screen");
        // black whatever the theme: the room should see nothing
        setStyle("-fx-background-color: black;");
        setCursor(Cursor.NONE);
        visibleProperty().bind(presenter.blankedProperty());
        managedProperty().bind(visibleProperty());
        presenter.blankedProperty().addListener((obs, was, now) -> {
            if (now) {
                toFront();
            }
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            presenter.blankedProperty().set(false);
            e.consume();
        });
    }

    /** While blanked, a key only brings the lesson back; true when it took {@code e}. */
    boolean takesKey(KeyEvent e) {
        if (!presenter.blankedProperty().get()) {
            return false;
        }
        if (isModifier(e.getCode())) {
            return true;
        }
        presenter.blankedProperty().set(false);
        e.consume();
        return true;
    }

    private static boolean isModifier(KeyCode code) {
        return code == KeyCode.SHIFT || code == KeyCode.CONTROL || code == KeyCode.ALT || code == KeyCode.META
                || code == KeyCode.COMMAND || code == KeyCode.WINDOWS;
    }
}
