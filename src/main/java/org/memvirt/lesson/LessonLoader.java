package org.memvirt.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

import org.memvirt.engine.MachineSnapshot;

import org.memvirt.lesson.yaml.Mark;
import org.memvirt.lesson.yaml.YamlDocument;
import org.memvirt.lesson.yaml.YamlLimits;
import org.memvirt.lesson.yaml.YamlProblem;
import org.memvirt.lesson.yaml.YamlTreeReader;

/**
 * Reads, checks and plays lesson files. Every problem — YAML syntax, an unknown key, a wrong
 * type, an unknown action, an address out of range, a conflicting mapping, a step the engine
 * refuses, an expectation it contradicts — comes back as {@code FILE:LINE:COLUMN: message}, all
 * of a file's problems at once. Nothing a file contains can make it throw: the reader has limits
 * on size, depth, aliases and steps, binds only the lesson's own records, and keeps asset paths
 * inside the lesson's folder.
 */
public final class LessonLoader {
    /** The largest lesson file: 4 MiB. */
    public static final int MAX_BYTES = 4 << 20;
    private final YamlTreeReader reader = new YamlTreeReader(YamlLimits.LESSONS);

    /** Loads a lesson file; its images are looked up beside it. */
    public LessonLoad load(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return failed(name, "the file is larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return failed(name, "no such file");
        } catch (IOException | RuntimeException e) {
            return failed(name, "cannot read the file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        Path dir = file.toAbsolutePath().getParent();
        return load(name, bytes, dir == null ? AssetFolder.none() : AssetFolder.directory(dir));
    }

    /** Loads a lesson from a stream (a class-path resource); {@code name} is used in messages. */
    public LessonLoad load(String name, InputStream in, AssetFolder assets) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                return failed(name, "the file is larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            return load(name, bytes, assets);
        } catch (IOException e) {
            return failed(name, "cannot read the lesson (" + e.getMessage() + ")");
        }
    }

    /** Loads a lesson shipped on the class path, such as {@code lessons/02-nested-walk.yaml}. */
    public LessonLoad loadResource(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return failed(resource, "no such lesson on the class path");
            }
            int slash = resource.lastIndexOf('/');
            return load(resource, in, AssetFolder.classpath(loader, slash < 0 ? "" : resource.substring(0, slash)));
        } catch (IOException e) {
            return failed(resource, "cannot read the lesson (" + e.getMessage() + ")");
        }
    }

    /** Loads a lesson from its text. */
    public LessonLoad load(String name, String text, AssetFolder assets) {
        return load(name, text, assets, (position, snapshot) -> { });
    }

    /** Loads a lesson from its text, showing {@code observer} each live state as the lesson plays. */
    LessonLoad load(String name, String text, AssetFolder assets, BiConsumer<Integer, MachineSnapshot> observer) {
        try {
            return read(name, text, assets, observer);
        } catch (RuntimeException e) {
            return failed(name, "internal error in the lesson loader (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); please report this file");
        }
    }

    private LessonLoad read(String name, String text, AssetFolder assets,
                            BiConsumer<Integer, MachineSnapshot> observer) {
        if (text.length() > MAX_BYTES) {
            return failed(name, "the file is larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        Problems problems = new Problems(name);
        YamlDocument doc = reader.read(text);
        for (YamlProblem p : doc.problems()) {
            problems.at(p.at(), p.message());
        }
        if (doc.root() == null) {
            return new LessonLoad(name, null, problems.list(), List.of());
        }
        LessonBinder.Bound bound = new LessonBinder(problems, new SourceText(text), assets).bind(doc.root());
        PlayedLesson played = null;
        List<LessonError> unmet = List.of();
        if (bound.runnable()) {
            LessonRunner runner = new LessonRunner(problems, observer);
            played = runner.run(bound.lesson(), bound.machineAt(), bound.firstBroken());
            unmet = runner.unmet();
        }
        List<LessonError> errors = problems.list();
        return new LessonLoad(name, errors.isEmpty() ? played : null, errors, unmet);
    }

    private LessonLoad load(String name, byte[] bytes, AssetFolder assets) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failed(name, "the file is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return load(name, text, assets);
    }

    private static LessonLoad failed(String name, String message) {
        return new LessonLoad(name, null,
                List.of(new LessonError(new SourceLocation(name, Mark.START.line(), Mark.START.column()), message)),
                List.of());
    }
}
