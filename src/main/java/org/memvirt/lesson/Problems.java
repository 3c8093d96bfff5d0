package org.memvirt.lesson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.memvirt.lesson.yaml.Mark;
import org.memvirt.lesson.yaml.YamlNode;

/** Collects the errors of one lesson file, each at its place, up to a limit. */
final class Problems {
    /** More errors than this in one file are summarised: the file is probably not a lesson. */
    static final int MAX_ERRORS = 200;
    private final String file;
    private final List<LessonError> errors = new ArrayList<>();
    private int dropped;
    private int reported;

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    SourceLocation where(Mark mark) {
        return new SourceLocation(file, mark.line(), mark.column());
    }

    void at(Mark mark, String message) {
        at(where(mark), message);
    }

    void at(YamlNode node, String message) {
        at(node.start(), message);
    }

    void at(SourceLocation where, String message) {
        reported++;
        LessonError e = new LessonError(where, message);
        if (errors.contains(e)) {
            return;
        }
        if (errors.size() >= MAX_ERRORS) {
            dropped++;
            return;
        }
        errors.add(e);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Problems reported so far, counting repeats and those past the limit: it grows with every report. */
    int count() {
        return reported;
    }

    /** The errors in file order (and, past the limit, one line saying how many were left out). */
    List<LessonError> list() {
        List<LessonError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt((LessonError e) -> e.at().line()).thenComparingInt(e -> e.at().column()));
        if (dropped > 0) {
            sorted.add(new LessonError(sorted.get(sorted.size() - 1).at(),
                    dropped + " more error(s) not shown; fix the ones above first"));
        }
        return sorted;
    }
}
