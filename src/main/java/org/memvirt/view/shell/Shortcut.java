package org.memvirt.view.shell;

import java.util.List;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * One command on the keyboard.
 *
 * @param group  the sheet's section ("Stepping", "Presenting")
 * @param keys   the keys as the sheet shows them ("→ or N"); empty for a key listed on another row
 * @param what   what the command does
 * @param combos the key combinations that run it
 * @param action the command
 */
record Shortcut(String group, String keys, String what, List<KeyCombination> combos, Runnable action) {
    Shortcut {
        combos = List.copyOf(combos);
    }

    /** A key with no modifier. */
    static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    /** Ctrl (Cmd on a Mac) and a key. */
    static KeyCombination ctrl(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    /** Ctrl+Shift and a key. */
    static KeyCombination ctrlShift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    /** Shift and a key. */
    static KeyCombination shift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHIFT_DOWN);
    }
}
