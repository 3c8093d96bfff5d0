package org.memvirt.viewmodel.shell;

import java.nio.file.Path;
import java.util.List;

import org.memvirt.lesson.LessonLoad;

/** Where the lesson window gets its lessons: the list that ships and the loading of any of them. */
public interface LessonSource {

    /** The lessons that ship, in order. */
    List<LessonRef> shipped();

    /** The lesson a fresh window opens. */
    LessonRef defaultLesson();

    /** Reads, checks and plays a lesson; never throws (problems come back in the load). */
    LessonLoad load(LessonRef ref);

    /** The lesson files of a folder, in name order (not opened yet); empty when it has none. */
    List<LessonRef> filesIn(Path folder);
}
