package org.memvirt.viewmodel.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.memvirt.lesson.LessonLoad;
import org.memvirt.lesson.LessonLoader;

/**
 * The lessons that ship in the application's {@code lessons/} class-path folder (a directory when
 * run from the build, a folder inside the jar otherwise) and the loading of any lesson. Titles in
 * the list come from each file's top-level {@code title:} line, read without playing the lesson.
 */
public final class LessonCatalog implements LessonSource {
    /** The class-path folder of the shipped lessons. */
    public static final String FOLDER = "lessons";
    /** The lesson a fresh window opens. */
    public static final String DEFAULT_LESSON = FOLDER + "/02-nested-walk.yaml";

    private final ClassLoader classLoader;
    private final LessonLoader loader = new LessonLoader();

    /** A catalog of the lessons on {@code classLoader}'s class path. */
    public LessonCatalog(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public List<LessonRef> shipped() {
        List<String> names = shippedNames();
        List<LessonRef> refs = new ArrayList<>();
        for (String name : names) {
            String resource = FOLDER + "/" + name;
            String title;
            try (InputStream in = classLoader.getResourceAsStream(resource)) {
                title = in == null ? titleFromName(name) : titleOf(in, name);
            } catch (IOException e) {
                title = titleFromName(name);
            }
            refs.add(new LessonRef.Shipped(resource, title));
        }
        return refs;
    }

    @Override
    public LessonRef defaultLesson() {
        return new LessonRef.Shipped(DEFAULT_LESSON, titleFromName(DEFAULT_LESSON.substring(FOLDER.length() + 1)));
    }

    @Override
    public LessonLoad load(LessonRef ref) {
        if (ref instanceof LessonRef.Shipped s) {
            return loader.loadResource(classLoader, s.resource());
        }
        return loader.load(((LessonRef.File) ref).path());
    }

    @Override
    public List<LessonRef> filesIn(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(LessonCatalog::isLessonFile).sorted()
                    .map(p -> (LessonRef) new LessonRef.File(p, titleOfFile(p))).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** A file ref with the title its file states. */
    public static LessonRef.File fileRef(Path file) {
        return new LessonRef.File(file, titleOfFile(file));
    }

    /** True for a {@code .yaml} or {@code .yml} file. */
    public static boolean isLessonFile(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isRegularFile(p);
    }

    private static String titleOfFile(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return titleOf(in, p.getFileName().toString());
        } catch (IOException e) {
            return titleFromName(p.getFileName().toString());
        }
    }

    private List<String> shippedNames() {
        URL url = classLoader.getResource(DEFAULT_LESSON);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return namesIn(fs.getPath("/" + FOLDER));
            }
            return namesIn(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return List.of(DEFAULT_LESSON.substring(FOLDER.length() + 1));
        }
    }

    private static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString().replace("/", ""))
                    .filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
    }

    /** The value of the first top-level {@code title:} line, or a title made from the file name. */
    static String titleOf(InputStream in, String fileName) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int read = 0;
        while ((line = r.readLine()) != null && read++ < 200) {
            if (line.startsWith("title:")) {
                String v = line.substring("title:".length()).strip();
                if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                    v = v.substring(1, v.length() - 1);
                }
                if (!v.isEmpty() && !v.equals("|") && !v.equals(">")) {
                    return v;
                }
            }
        }
        return titleFromName(fileName);
    }

    /** {@code 02-nested-walk.yaml} → "02 nested walk". */
    static String titleFromName(String fileName) {
        String n = fileName;
        int dot = n.lastIndexOf('.');
        if (dot > 0) {
            n = n.substring(0, dot);
        }
        return n.replace('-', ' ').replace('_', ' ');
    }
}
