package org.memvirt.view.shell;

import java.io.File;
import java.io.IOException;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import org.memvirt.viewmodel.shell.LessonWindowViewModel;

/**
 * The window's file dialogs: open a lesson file or folder, export the view or every step as
 * PNGs. What an export did (or why it failed) is said in the window's status, never in a dialog.
 */
final class FileDialogs {
    private final LessonWindow window;
    private final LessonWindowViewModel vm;

    FileDialogs(LessonWindow window, LessonWindowViewModel vm) {
        this.window = window;
        this.vm = vm;
    }

    void chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the view as PNG");
        chooser.setInitialFileName(vm.exportFileName(window.shownView()));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File f = chooser.showSaveDialog(window.getScene().getWindow());
        if (f != null) {
            report(() -> "Exported " + window.exportView(f.toPath()).getFileName());
        }
    }

    void chooseExportFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export every step into a folder");
        File f = chooser.showDialog(window.getScene().getWindow());
        if (f != null) {
            report(() -> "Exported " + window.exportAllSteps(f.toPath()).size() + " pictures to " + f);
        }
    }

    void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a lesson");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lessons", "*.yaml", "*.yml"));
        File f = chooser.showOpenDialog(window.getScene().getWindow());
        if (f != null) {
            vm.library().openPath(f.toPath());
        }
    }

    void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of lessons");
        File f = chooser.showDialog(window.getScene().getWindow());
        if (f != null) {
            vm.library().openPath(f.toPath());
        }
    }

    private void report(IoAction action) {
        try {
            String done = action.run();
            vm.library().dismissErrors();
            vm.library().announce(done);
        } catch (IOException | RuntimeException ex) {
            vm.library().announce("Export failed: " + ex.getMessage());
        }
    }

    @FunctionalInterface
    private interface IoAction {
        String run() throws IOException;
    }
}
