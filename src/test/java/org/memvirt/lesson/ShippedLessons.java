package org.memvirt.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The lesson files in {@code lessons/}, as the tests find them from the project's root. */
final class ShippedLessons {
    static final Path DIR = Path.of("lessons");

    private ShippedLessons() {
    }

    static List<Path> files() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> stream() {
        return files().stream();
    }
}
