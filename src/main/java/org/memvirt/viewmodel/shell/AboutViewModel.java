package org.memvirt.viewmodel.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Help ▸ About: which build this is (the version {@code --version} and the installers show), its
 * licence and those of what it bundles, and where lessons live — the shipped ones inside the
 * app, the student's own wherever they are opened from — so that a student can say which version
 * they run and find the file they were working on.
 */
public final class AboutViewModel {
    /** The bundled libraries and their licences, as their projects state them. */
    static final List<String> BUNDLED = List.of(
            "OpenJFX 21 — GPL 2 with the Classpath Exception",
            "AtlantaFX, ControlsFX — MIT, BSD 3-clause",
            "Ikonli, Material Design Icons — Apache 2.0",
            "picocli, Jackson, SnakeYAML — Apache 2.0");

    private final BuildInfo build;
    private final LessonLibraryViewModel library;

    public AboutViewModel(BuildInfo build, LessonLibraryViewModel library) {
        this.build = build;
        this.library = library;
    }

    /** "MemVirt Lab 0.1.0". */
    public String heading() {
        return build.nameAndVersion();
    }

    /** The lines under the heading, read when the box opens (the lesson on screen may have changed). */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Version " + build.version() + " · licence: " + build.licence());
        lines.add("");
        lines.add("Lessons that ship live inside the app (lessons/ in the source repository).");
        lines.add("Your own: any lesson .yaml file — File ▸ Open (Ctrl+O), drop it on the window, or open it with MemVirt Lab.");
        LessonRef current = library.currentProperty().get();
        if (current instanceof LessonRef.File f) {
            lines.add("This lesson: " + f.path());
        } else if (current instanceof LessonRef.Shipped s) {
            lines.add("This lesson ships with the app: " + s.resource());
        }
        Path watched = library.watchedProperty().get();
        if (watched != null) {
            lines.add("Watched for changes: " + watched);
        }
        lines.add("");
        lines.add("Bundled:");
        BUNDLED.forEach(b -> lines.add("  " + b));
        return lines;
    }
}
