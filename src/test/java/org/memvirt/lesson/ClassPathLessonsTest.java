package org.memvirt.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lessons packed in a jar load from the class path, with their images beside them. */
class ClassPathLessonsTest {

    @Test
    void theDefaultLessonIsPackagedOnTheClassPath() {
        LessonLoad load = new LessonLoader().loadResource(getClass().getClassLoader(), "lessons/02-nested-walk.yaml");
        assertTrue(load.passes(), load.allProblems().toString());
        assertEquals("lessons/02-nested-walk.yaml", load.file());
    }

    @Test
    void everyShippedLessonLoadsFromInsideAJar(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path p : ShippedLessons.files()) {
                out.putNextEntry(new JarEntry("lessons/" + p.getFileName()));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("lessons/pictures/walk.png"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            for (Path p : ShippedLessons.files()) {
                String resource = "lessons/" + p.getFileName();
                LessonLoad load = new LessonLoader().loadResource(loader, resource);
                assertTrue(load.passes(), resource + ": " + load.allProblems());
                assertEquals(resource, load.file());
            }
            assertTrue(AssetFolder.classpath(loader, "lessons").exists("pictures/walk.png"));
            assertEquals(List.of(new LessonError(new SourceLocation("lessons/none.yaml", 1, 1),
                    "no such lesson on the class path")),
                    new LessonLoader().loadResource(loader, "lessons/none.yaml").errors());
        }
    }
}
