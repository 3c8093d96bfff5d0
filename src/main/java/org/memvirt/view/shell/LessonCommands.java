package org.memvirt.view.shell;

import static javafx.scene.input.KeyCode.B;
import static javafx.scene.input.KeyCode.CLOSE_BRACKET;
import static javafx.scene.input.KeyCode.E;
import static javafx.scene.input.KeyCode.END;
import static javafx.scene.input.KeyCode.ENTER;
import static javafx.scene.input.KeyCode.EQUALS;
import static javafx.scene.input.KeyCode.ESCAPE;
import static javafx.scene.input.KeyCode.F;
import static javafx.scene.input.KeyCode.F1;
import static javafx.scene.input.KeyCode.F11;
import static javafx.scene.input.KeyCode.F5;
import static javafx.scene.input.KeyCode.HOME;
import static javafx.scene.input.KeyCode.LEFT;
import static javafx.scene.input.KeyCode.MINUS;
import static javafx.scene.input.KeyCode.N;
import static javafx.scene.input.KeyCode.O;
import static javafx.scene.input.KeyCode.OPEN_BRACKET;
import static javafx.scene.input.KeyCode.P;
import static javafx.scene.input.KeyCode.PAGE_DOWN;
import static javafx.scene.input.KeyCode.PAGE_UP;
import static javafx.scene.input.KeyCode.Q;
import static javafx.scene.input.KeyCode.R;
import static javafx.scene.input.KeyCode.RIGHT;
import static javafx.scene.input.KeyCode.SLASH;
import static javafx.scene.input.KeyCode.SPACE;
import static javafx.scene.input.KeyCode.T;
import static org.memvirt.view.shell.Shortcut.ctrl;
import static org.memvirt.view.shell.Shortcut.ctrlShift;
import static org.memvirt.view.shell.Shortcut.key;
import static org.memvirt.view.shell.Shortcut.shift;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.input.KeyCode;

import org.memvirt.viewmodel.shell.LessonWindowViewModel;
import org.memvirt.viewmodel.shell.PresenterViewModel;
import org.memvirt.viewmodel.shell.Speed;

/** Every command of the lesson window on its keys; the shortcut sheet lists them in this order. */
final class LessonCommands {
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
        KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};

    private LessonCommands() {
    }

    static List<Shortcut> of(LessonWindow window, LessonWindowViewModel vm) {
        PresenterViewModel p = vm.presenter();
        List<Shortcut> s = new ArrayList<>();
        String g = "Stepping";
        s.add(new Shortcut(g, "→  or  N", "Next step (animated unless the speed is “fast”)",
                List.of(key(RIGHT), key(N)), vm::stepForward));
        s.add(new Shortcut(g, "←  or  P", "Previous step", List.of(key(LEFT), key(P)), vm::stepBack));
        s.add(new Shortcut(g, "Space", "Play / pause", List.of(key(SPACE)), vm::togglePlay));
        s.add(new Shortcut(g, "Home", "To the start", List.of(key(HOME)), vm::toStart));
        s.add(new Shortcut(g, "End", "To the end", List.of(key(END)), vm::toEnd));
        s.add(new Shortcut(g, "PgDn", "Next chapter", List.of(key(PAGE_DOWN)),
                () -> vm.jumpToChapter(vm.chapterIndexProperty().get() + 1)));
        s.add(new Shortcut(g, "PgUp", "This chapter's start, or the previous chapter", List.of(key(PAGE_UP)),
                () -> vm.jumpToChapter(window.previousChapter())));
        s.add(new Shortcut(g, "]  /  [", "Faster / slower (0.25× … 4×, then fast)", List.of(key(CLOSE_BRACKET)),
                p::faster));
        s.add(new Shortcut(g, "", "", List.of(key(OPEN_BRACKET)), p::slower));
        s.add(new Shortcut(g, "F", "Fast (no animation) on / off", List.of(key(F)),
                () -> p.speedProperty().set(p.getSpeed() == Speed.FAST ? Speed.NORMAL : Speed.FAST)));
        g = "Questions";
        for (int i = 0; i < DIGITS.length; i++) {
            int choice = i;
            s.add(new Shortcut(g, i == 0 ? "1 … 4" : "", i == 0 ? "Choose an answer" : "", List.of(key(DIGITS[i])),
                    () -> {
                        if (vm.question().predictingBinding().get() && choice < vm.question().choices().size()) {
                            vm.question().selectedProperty().set(choice);
                        }
                    }));
        }
        s.add(new Shortcut(g, "Enter", "Check the answer", List.of(key(ENTER)), () -> vm.question().check()));
        s.add(new Shortcut(g, "R", "Reveal the answer", List.of(key(R)), () -> vm.question().reveal()));
        s.add(new Shortcut(g, "B", "Answer before Next: on / off", List.of(key(B)),
                () -> p.blockUntilAnsweredProperty().set(!p.blockUntilAnsweredProperty().get())));
        g = "Views";
        for (int i = 0; i < Math.min(DIGITS.length, window.viewCount()); i++) {
            int view = i;
            s.add(new Shortcut(g, "Ctrl+" + (i + 1), window.viewTitle(i), List.of(ctrl(DIGITS[i])),
                    () -> window.showView(view)));
        }
        s.add(new Shortcut(g, "L", "Hide / show the lessons and outline column", List.of(key(KeyCode.L)),
                window::toggleLessonColumn));
        s.add(new Shortcut(g, "Shift+L", "Hide / show the step column (narration, question, counters)",
                List.of(shift(KeyCode.L)), window::toggleStepColumn));
        s.add(new Shortcut(g, "S", "Stage mode: only the view, the narration as a caption under it",
                List.of(key(KeyCode.S)), window::toggleStageMode));
        s.add(new Shortcut(g, "W", "Hide / show who ran: the guest and hypervisor lanes under the views",
                List.of(key(KeyCode.W)), window::toggleLanes));
        s.add(new Shortcut(g, "Ctrl+T", "Tile the views when the window is wide enough", List.of(ctrl(T)),
                window::toggleTiling));
        g = "Presenting";
        s.add(new Shortcut(g, "F11", "Full screen on / off", List.of(key(F11)), p::toggleFullScreen));
        s.add(new Shortcut(g, "Ctrl+=", "Zoom in (up to 300 %)", List.of(ctrl(EQUALS), ctrl(KeyCode.PLUS),
                ctrl(KeyCode.ADD)), p::zoomIn));
        s.add(new Shortcut(g, "Ctrl+-", "Zoom out (down to 100 %)", List.of(ctrl(MINUS), ctrl(KeyCode.SUBTRACT)),
                p::zoomOut));
        s.add(new Shortcut(g, "Ctrl+0", "Actual size", List.of(ctrl(KeyCode.DIGIT0), ctrl(KeyCode.NUMPAD0)),
                p::resetZoom));
        s.add(new Shortcut(g, "Ctrl+Shift+0", "Fit: the largest zoom at which the view fits", List.of(
                ctrlShift(KeyCode.DIGIT0), ctrlShift(KeyCode.NUMPAD0)), window::fitZoom));
        s.add(new Shortcut(g, "T", "Theme: light → dark → projector", List.of(key(T)), p::cycleTheme));
        s.add(new Shortcut(g, "F1  or  ?", "This sheet", List.of(key(F1), shift(SLASH)), p::toggleShortcuts));
        s.add(new Shortcut(g, "Esc", "Close this sheet", List.of(key(ESCAPE)),
                () -> p.shortcutsShownProperty().set(false)));
        g = "Files";
        s.add(new Shortcut(g, "Ctrl+O", "Open a lesson file", List.of(ctrl(O)), window.files()::chooseFile));
        s.add(new Shortcut(g, "Ctrl+Shift+O", "Open a folder of lessons", List.of(ctrlShift(O)), window.files()::chooseFolder));
        s.add(new Shortcut(g, "Ctrl+R  or  F5", "Reload the lesson from its file", List.of(ctrl(R), key(F5)),
                vm::reload));
        s.add(new Shortcut(g, "Ctrl+E", "Export the view as PNG", List.of(ctrl(E)), window.files()::chooseExportFile));
        s.add(new Shortcut(g, "Ctrl+Shift+E", "Export every step as PNGs into a folder", List.of(ctrlShift(E)),
                window.files()::chooseExportFolder));
        s.add(new Shortcut(g, "Ctrl+Q", "Quit", List.of(ctrl(Q)), window::quit));
        return s;
    }
}
