package org.memvirt.view.shell;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

import org.memvirt.viewmodel.shell.AboutViewModel;
import org.memvirt.viewmodel.shell.BuildInfo;
import org.memvirt.viewmodel.shell.LessonWindowViewModel;
import org.memvirt.viewmodel.shell.PresenterViewModel;
import org.memvirt.viewmodel.shell.Theme;

/**
 * The menus: File, Lesson, View, Help. Every item's key is on the shortcut sheet and handled by
 * the window's key filter (the menus carry no accelerators of their own, so no key runs twice).
 */
final class LessonMenus {
    private LessonMenus() {
    }

    static MenuBar of(LessonWindow window, LessonWindowViewModel vm) {
        MenuBar bar = new MenuBar();
        bar.setId("menu-bar");
        fill(bar, window, vm);
        return bar;
    }

    /** Puts the four menus into {@code bar} (a bar shown empty in the window's first frame). */
    static void fill(MenuBar bar, LessonWindow window, LessonWindowViewModel vm) {
        PresenterViewModel p = vm.presenter();
        Menu file = new Menu("File");
        file.getItems().addAll(
                item("Open lesson file…", "Ctrl+O", window.files()::chooseFile),
                item("Open lesson folder…", "Ctrl+Shift+O", window.files()::chooseFolder),
                item("Reload lesson", "Ctrl+R", vm::reload),
                new SeparatorMenuItem(),
                item("Export view…", "Ctrl+E", window.files()::chooseExportFile),
                item("Export all steps…", "Ctrl+Shift+E", window.files()::chooseExportFolder),
                new SeparatorMenuItem(),
                item("Quit", "Ctrl+Q", window::quit));
        file.setId("menu-file");

        Menu lesson = new Menu("Lesson");
        CheckMenuItem block = new CheckMenuItem("Answer questions before Next  (Ctrl+Shift+A)");
        block.setId("menu-answer-before-next");
        block.selectedProperty().bindBidirectional(p.blockUntilAnsweredProperty());
        CheckMenuItem stopAtQuestions = new CheckMenuItem("Play stops at each question");
        stopAtQuestions.setId("menu-play-stops-at-questions");
        stopAtQuestions.selectedProperty().bindBidirectional(p.playStopsAtQuestionsProperty());
        lesson.getItems().addAll(
                item("Step", "→ / PgDn", vm::stepForward),
                item("Step back", "← / PgUp", vm::stepBack),
                item("Play / pause", "Space", vm::togglePlay),
                item("To start", "Home", vm::toStart),
                item("To end", "End", vm::toEnd),
                item("Next chapter", "Ctrl+PgDn", () -> vm.jumpToChapter(vm.chapterIndexProperty().get() + 1)),
                item("Previous chapter", "Ctrl+PgUp", () -> vm.jumpToChapter(window.previousChapter())),
                new SeparatorMenuItem(),
                item("Faster", "]", p::faster),
                item("Slower", "[", p::slower),
                new SeparatorMenuItem(),
                block,
                stopAtQuestions);

        Menu view = new Menu("View");
        for (int i = 0; i < window.viewCount(); i++) {
            int k = i;
            view.getItems().add(item(window.viewTitle(i), "Ctrl+" + (i + 1), () -> window.showView(k)));
        }
        view.getItems().add(item("Lessons and outline column", "L", window::toggleLessonColumn));
        view.getItems().add(item("Step column", "Shift+L", window::toggleStepColumn));
        view.getItems().add(item("Stage mode", "S", window::toggleStageMode));
        view.getItems().add(item("Who ran: guest and hypervisor lanes", "W", window::toggleLanes));
        view.getItems().add(item("Tile views when wide", "Ctrl+T", window::toggleTiling));
        view.getItems().add(new SeparatorMenuItem());
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem r = new RadioMenuItem(t.label());
            r.setId("theme-" + t.name().toLowerCase(java.util.Locale.ROOT));
            r.setToggleGroup(themes);
            r.setSelected(p.getTheme() == t);
            r.setOnAction(e -> p.themeProperty().set(t));
            p.themeProperty().addListener((obs, old, now) -> r.setSelected(now == t));
            view.getItems().add(r);
        }
        view.getItems().addAll(new SeparatorMenuItem(),
                item("Zoom in", "Ctrl+=", p::zoomIn),
                item("Zoom out", "Ctrl+-", p::zoomOut),
                item("Actual size", "Ctrl+0", p::resetZoom),
                item("Fit zoom", "Ctrl+Shift+0", window::fitZoom),
                item("Full screen", "F11", p::toggleFullScreen),
                item("Present from the start", "F5", window::presentFromStart),
                item("Present from this step", "Shift+F5", p::enterFullScreen),
                item("Blank the screen", "B", p::toggleBlank));

        Menu help = new Menu("Help");
        help.getItems().add(item("Keyboard shortcuts", "F1", p::toggleShortcuts));
        MenuItem glossary = new MenuItem("Glossary");
        glossary.setId("menu-glossary");
        glossary.setOnAction(e -> new GlossaryDialog(bar.getScene() == null ? null : bar.getScene().getWindow(),
                org.memvirt.viewmodel.shell.Glossary.shipped()).show());
        help.getItems().add(glossary);
        MenuItem about = new MenuItem("About MemVirt Lab");
        about.setId("menu-about");
        about.setOnAction(e -> AboutBox.show(bar.getScene().getWindow(),
                new AboutViewModel(BuildInfo.of(LessonMenus.class.getClassLoader()), vm.library())));
        help.getItems().add(about);
        bar.getMenus().setAll(file, lesson, view, help);
    }

    private static MenuItem item(String text, String keys, Runnable action) {
        MenuItem m = new MenuItem(text + "    " + keys);
        m.setOnAction(e -> action.run());
        return m;
    }
}
