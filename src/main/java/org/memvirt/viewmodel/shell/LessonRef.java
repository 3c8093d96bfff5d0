package org.memvirt.viewmodel.shell;

import java.nio.file.Path;

/** A lesson the window can open: one that ships inside the application, or a file on disk. */
public sealed interface LessonRef {

    /** What the lesson browser lists: the lesson's title, or its file name until the title is known. */
    String title();

    /** Where it comes from, as error messages and the preferences name it. */
    String location();

    /**
     * A lesson on the class path (the jar's {@code lessons/} folder).
     *
     * @param resource such as {@code lessons/02-nested-walk.yaml}
     * @param title    its title
     */
    record Shipped(String resource, String title) implements LessonRef {
        @Override
        public String location() {
            return resource;
        }
    }

    /**
     * A lesson file the user opened or dropped.
     *
     * @param path  the file
     * @param title its title
     */
    record File(Path path, String title) implements LessonRef {
        public File {
            path = path.toAbsolutePath().normalize();
        }

        @Override
        public String location() {
            return path.toString();
        }
    }

    /** The same lesson with another title. */
    default LessonRef withTitle(String newTitle) {
        if (this instanceof Shipped s) {
            return new Shipped(s.resource(), newTitle);
        }
        File f = (File) this;
        return new File(f.path(), newTitle);
    }

    /** True when both name the same source, whatever their titles. */
    default boolean sameSource(LessonRef other) {
        return other != null && location().equals(other.location()) && getClass() == other.getClass();
    }
}
