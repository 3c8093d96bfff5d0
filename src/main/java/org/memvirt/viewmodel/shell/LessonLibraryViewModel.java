package org.memvirt.viewmodel.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.memvirt.lesson.LessonLoad;

/**
 * The lesson browser: the lessons that ship and those the user opened or dropped, the opening of
 * one (read and played off the UI thread), and the problems of a file that could not be opened.
 * A broken file never replaces the lesson on screen: its problems are listed, the lesson stays.
 */
public final class LessonLibraryViewModel {

    /**
     * A lesson that opened.
     *
     * @param ref          where it came from, titled
     * @param unmet        expectations the engine contradicts (shown as warnings)
     * @param keepPosition the step to show (a reload keeps the step on screen), or -1 for the start
     * @param timeline     the lesson, played to its end: every position's frame and counters, worked
     *                     out off the UI thread
     */
    public record Opened(LessonRef ref, List<ErrorLine> unmet, int keepPosition, LessonTimeline timeline) {
    }

    private final LessonSource source;
    private final Executor background;
    private final Executor ui;
    private final Consumer<Opened> onOpened;
    private final ObservableList<LessonRef> lessons = FXCollections.observableArrayList();
    private final ObservableList<LessonRef> lessonsReadOnly = FXCollections.unmodifiableObservableList(lessons);
    private final ObservableList<ErrorLine> errors = FXCollections.observableArrayList();
    private final ObservableList<ErrorLine> errorsReadOnly = FXCollections.unmodifiableObservableList(errors);
    private final ReadOnlyStringWrapper errorTitle = new ReadOnlyStringWrapper(this, "errorTitle", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<LessonRef> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyObjectWrapper<Path> watched = new ReadOnlyObjectWrapper<>(this, "watched");
    private int generation;

    /**
     * @param source     where lessons come from
     * @param background runs the loading (a worker thread; tests run it in place)
     * @param ui         runs the result on the UI thread (tests run it in place)
     * @param onOpened   shows a lesson that opened
     */
    public LessonLibraryViewModel(LessonSource source, Executor background, Executor ui, Consumer<Opened> onOpened) {
        this.source = source;
        this.background = background;
        this.ui = ui;
        this.onOpened = onOpened;
    }

    /** The lessons to choose from: those that ship, then those opened, in order. */
    public ObservableList<LessonRef> lessons() {
        return lessonsReadOnly;
    }

    /** The problems of the last file that did not open; empty when the last open worked. */
    public ObservableList<ErrorLine> errors() {
        return errorsReadOnly;
    }

    /** "broken.yaml cannot be opened: 3 problems." */
    public ReadOnlyStringProperty errorTitleProperty() {
        return errorTitle.getReadOnlyProperty();
    }

    /** What the library is doing or just did, in words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The lesson on screen. */
    public ReadOnlyObjectProperty<LessonRef> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The lesson file to watch for changes: the one on screen or the broken one last tried; null for a shipped lesson. */
    public ReadOnlyObjectProperty<Path> watchedProperty() {
        return watched.getReadOnlyProperty();
    }

    // ---- commands ----

    /** Lists the lessons that ship (off the UI thread: it reads each file's title). */
    public void listShipped() {
        background.execute(() -> {
            List<LessonRef> shipped = source.shipped();
            ui.execute(() -> {
                lessons.removeIf(r -> r instanceof LessonRef.Shipped);
                lessons.addAll(0, shipped);
                LessonRef c = current.get();
                if (c != null) {
                    lessons.stream().filter(c::sameSource).findFirst().ifPresent(r -> current.set(r.withTitle(
                            c.title())));
                }
            });
        });
    }

    /** Opens a lesson from the list (or any ref). */
    public void open(LessonRef ref) {
        load(ref, -1);
    }

    /** Opens the lesson shipped by default. */
    public void openDefault() {
        open(source.defaultLesson());
    }

    /**
     * Opens a file, or every lesson of a folder (the folder's lessons join the list; the first one
     * opens). Reports a path that is neither.
     */
    public void openPath(Path path) {
        if (Files.isDirectory(path)) {
            List<LessonRef> found = source.filesIn(path);
            if (found.isEmpty()) {
                reportProblem(path.toString(), "the folder has no lesson files (.yaml)");
                return;
            }
            found.forEach(this::remember);
            open(found.get(0));
        } else {
            open(LessonCatalog.fileRef(path));
        }
    }

    /** Opens what was dropped on the window: the first lesson file or folder of {@code paths}. */
    public void dropped(List<Path> paths) {
        List<Path> usable = paths.stream().filter(p -> Files.isDirectory(p) || LessonCatalog.isLessonFile(p)).toList();
        if (usable.isEmpty()) {
            status.set("Drop a lesson file (.yaml) or a folder of them.");
            return;
        }
        for (Path p : usable.subList(1, usable.size())) {
            if (!Files.isDirectory(p)) {
                remember(LessonCatalog.fileRef(p));
            }
        }
        openPath(usable.get(0));
    }

    /** Reads the lesson on screen again, keeping its step. */
    public void reload(int position) {
        LessonRef c = current.get();
        if (c != null) {
            load(c, position);
        }
    }

    /**
     * A watched file changed on disk: the lesson on screen reloads at its step, a broken file that
     * was just tried is tried again.
     */
    public void fileChanged(Path file, int position) {
        Path f = file.toAbsolutePath().normalize();
        LessonRef c = current.get();
        if (c instanceof LessonRef.File cf && cf.path().equals(f)) {
            load(c, position);
        } else if (f.equals(watched.get())) {
            load(LessonCatalog.fileRef(f), -1);
        }
    }

    /** Says what the window just did ("Exported 13 pictures"). */
    public void announce(String message) {
        status.set(message);
    }

    /** Clears the error panel. */
    public void dismissErrors() {
        errors.clear();
        errorTitle.set("");
    }

    // ---- internals ----

    private void load(LessonRef ref, int keepPosition) {
        int g = ++generation;
        loading.set(true);
        status.set((keepPosition >= 0 ? "Reloading " : "Opening ") + ref.title() + " …");
        background.execute(() -> {
            LessonLoad load = null;
            LessonTimeline timeline = null;
            String failure = "the lesson could not be read";
            try {
                load = source.load(ref);
                if (load.playable()) {
                    timeline = LessonTimeline.of(load.played());
                }
            } catch (RuntimeException | StackOverflowError e) {
                load = null;
                failure = "the lesson could not be read (an internal error: " + e.getClass().getSimpleName() + ")";
            } catch (OutOfMemoryError e) {
                load = null;
                timeline = null;
                failure = "the lesson needs more memory than the window has (a Java heap of at most "
                        + (Runtime.getRuntime().maxMemory() >> 20) + " MB); check it with 'memvirt-lab check'";
            }
            LessonLoad result = load;
            LessonTimeline worked = timeline;
            String why = failure;
            ui.execute(() -> {
                if (g == generation) {
                    loaded(ref, result, worked, keepPosition, why);
                }
            });
        });
    }

    private void loaded(LessonRef ref, LessonLoad load, LessonTimeline timeline, int keepPosition, String failure) {
        loading.set(false);
        if (ref instanceof LessonRef.File f) {
            watched.set(f.path());
        }
        if (load == null) {
            reportProblem(ref.location(), failure);
            return;
        }
        if (!load.playable()) {
            remember(ref);
            errors.setAll(load.errors().stream().map(ErrorLine::of).toList());
            int n = errors.size();
            LessonRef c = current.get();
            errorTitle.set(ref.location() + " cannot be opened: " + n + (n == 1 ? " problem" : " problems") + "."
                    + (c == null ? "" : " Still showing “" + c.title() + "”."));
            status.set("");
            return;
        }
        LessonRef titled = ref.withTitle(load.played().lesson().title());
        remember(titled);
        dismissErrors();
        current.set(titled);
        if (!(titled instanceof LessonRef.File)) {
            watched.set(null);
        }
        status.set(keepPosition >= 0 ? "Reloaded " + titled.title() : "");
        onOpened.accept(new Opened(titled, load.unmet().stream().map(ErrorLine::of).toList(), keepPosition,
                timeline));
    }

    private void reportProblem(String file, String message) {
        loading.set(false);
        errors.setAll(List.of(new ErrorLine(file, 1, 1, message)));
        errorTitle.set(file + " cannot be opened.");
    }

    private void remember(LessonRef ref) {
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).sameSource(ref)) {
                if (!lessons.get(i).title().equals(ref.title())) {
                    lessons.set(i, ref);
                }
                return;
            }
        }
        lessons.add(ref);
    }
}
