package org.memvirt.view.shell;

import static javafx.scene.input.KeyCode.A;
import static javafx.scene.input.KeyCode.B;
import static javafx.scene.input.KeyCode.CLOSE_BRACKET;
import static javafx.scene.input.KeyCode.DOWN;
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
import static javafx.scene.input.KeyCode.PERIOD;
import static javafx.scene.input.KeyCode.Q;
import static javafx.scene.input.KeyCode.R;
import static javafx.scene.input.KeyCode.RIGHT;
import static javafx.scene.input.KeyCode.SLASH;
import static javafx.scene.input.KeyCode.SPACE;
import static javafx.scene.input.KeyCode.T;
import static javafx.scene.input.KeyCode.UP;
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

/**
 * Every command of the lesson window on its keys; the shortcut sheet lists them in this order. A
 * presentation remote sends Page Down / Page Up (some B or "." to blank, F5 / Shift+F5 / Esc to start
 * and stop presenting): those are the step keys here, and nothing a remote sends changes a setting.
 */
final class LessonCommands {
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
        KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};

    private LessonCommands() {
    }

    static List<Shortcut> of(LessonWindow window, LessonWindowViewModel vm) {
        PresenterViewModel p = vm.presenter();
        SteppingTarget t = window.stepping();
        List<Shortcut> s = new ArrayList<>();
        String g = "Stepping";
        s.add(new Shortcut(g, "→  ↓  PgDn  or  N", "Next step (a presentation remote's Next; animated unless the speed"
                + " is “fast”)", List.of(key(RIGHT), key(DOWN), key(PAGE_DOWN), key(N)), t::forward));
        s.add(new Shortcut(g, "←  ↑  PgUp  or  P", "Previous step (the remote's Back)",
                List.of(key(LEFT), key(UP), key(PAGE_UP), key(P)), t::back));
        s.add(new Shortcut(g, "Space", "Play / pause (stops at each question not answered yet)", List.of(key(SPACE)),
                t::togglePlay));
        s.add(new Shortcut(g, "Home", "To the start", List.of(key(HOME)), t::toStart));
        s.add(new Shortcut(g, "End", "To the end", List.of(key(END)), t::toEnd));
        s.add(new Shortcut(g, "Ctrl+PgDn  or  Shift+N", "Next chapter", List.of(ctrl(PAGE_DOWN), shift(N)),
                () -> vm.jumpToChapter(vm.chapterIndexProperty().get() + 1)));
        s.add(new Shortcut(g, "Ctrl+PgUp  or  Shift+P", "This chapter's start, or the previous chapter",
                List.of(ctrl(PAGE_UP), shift(P)), () -> vm.jumpToChapter(window.previousChapter())));
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
        s.add(new Shortcut(g, "Ctrl+Shift+A", "Answer before Next: on / off (Next waits for an answer or Reveal)",
                List.of(ctrlShift(A)), () -> p.blockUntilAnsweredProperty().set(!p.blockUntilAnsweredProperty().get())));
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
        s.add(new Shortcut(g, "F5", "Present: full screen from the first step", List.of(key(F5)), window::presentFromStart));
        s.add(new Shortcut(g, "Shift+F5", "Present from this step (full screen)", List.of(shift(F5)),
                p::enterFullScreen));
        s.add(new Shortcut(g, "B  or  .", "Blank the screen (black); any key or click brings it back",
                List.of(key(B), key(PERIOD)), p::toggleBlank));
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
        s.add(new Shortcut(g, "Esc", "Close this sheet; else leave full screen", List.of(key(ESCAPE)), () -> {
            if (p.shortcutsShownProperty().get()) {
                p.shortcutsShownProperty().set(false);
            } else {
                p.leaveFullScreen();
            }
        }));
        g = "Files";
        s.add(new Shortcut(g, "Ctrl+O", "Open a lesson file", List.of(ctrl(O)), window.files()::chooseFile));
        s.add(new Shortcut(g, "Ctrl+Shift+O", "Open a folder of lessons", List.of(ctrlShift(O)), window.files()::chooseFolder));
        s.add(new Shortcut(g, "Ctrl+R", "Reload the lesson from its file", List.of(ctrl(R)), vm::reload));
        s.add(new Shortcut(g, "Ctrl+E", "Export the view as PNG", List.of(ctrl(E)), window.files()::chooseExportFile));
        s.add(new Shortcut(g, "Ctrl+Shift+E", "Export every step as PNGs into a folder", List.of(ctrlShift(E)),
                window.files()::chooseExportFolder));
        s.add(new Shortcut(g, "Ctrl+Q", "Quit", List.of(ctrl(Q)), window::quit));
        return s;
    }
}
