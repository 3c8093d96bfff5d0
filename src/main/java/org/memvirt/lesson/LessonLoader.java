package org.memvirt.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

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
    /** The longest line: room for the longest value (65,536 characters) with its key and quotes. */
    public static final int MAX_LINE_CHARS = 80_000;
    private final YamlTreeReader reader = new YamlTreeReader(YamlLimits.LESSONS);

    /**
     * Loads a lesson file; its images are looked up beside it. The size limit counts the bytes
     * actually read, so a device or a pipe ({@code /dev/zero}, {@code <(yes)}) is read up to the
     * limit and no further.
     */
    public LessonLoad load(Path file) {
        return load(file, Play.KEEP);
    }

    /**
     * Loads a lesson file and plays it, handing each step to {@code sink} as soon as it is
     * played and keeping none: memory does not grow with the run (what {@code check} and
     * {@code run} use). The returned load's played lesson has no steps. A lesson whose text has
     * errors is still played, to find what the engine contradicts, but none of its steps reach
     * the sink. An
     * {@link java.io.UncheckedIOException} the sink throws ends the run and is thrown on.
     */
    public LessonLoad play(Path file, Consumer<PlayedStep> sink) {
        return load(file, new Play((position, snapshot) -> { }, sink, false));
    }

    /** How a load plays the lesson: who watches the live machine, who gets each step, whether steps are kept. */
    private record Play(BiConsumer<Integer, MachineSnapshot> observer, Consumer<PlayedStep> sink, boolean keep) {
        static final Play KEEP = new Play((position, snapshot) -> { }, step -> { }, true);
    }

    private LessonLoad load(Path file, Play play) {
        String name = file.toString();
        byte[] bytes;
        if (Files.isDirectory(file)) {
            return failed(name, "this is a folder, not a lesson file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            return failed(name, e instanceof NoSuchFileException ? IoReason.of(e, file)
                    : "cannot read the file: " + IoReason.of(e, file));
        } catch (RuntimeException e) {
            return failed(name, "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length > MAX_BYTES) {
            return tooLarge(name);
        }
        Path dir = file.toAbsolutePath().getParent();
        return load(name, bytes, dir == null ? AssetFolder.none() : AssetFolder.directory(dir), play);
    }

    /** Loads a lesson from a stream (a class-path resource); {@code name} is used in messages. */
    public LessonLoad load(String name, InputStream in, AssetFolder assets) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                return tooLarge(name);
            }
            return load(name, bytes, assets, Play.KEEP);
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
        return load(name, text, assets, Play.KEEP);
    }

    /** Loads a lesson from its text, showing {@code observer} each live state as the lesson plays. */
    LessonLoad load(String name, String text, AssetFolder assets, BiConsumer<Integer, MachineSnapshot> observer) {
        return load(name, text, assets, new Play(observer, step -> { }, true));
    }

    private LessonLoad load(String name, String text, AssetFolder assets, Play play) {
        try {
            return read(name, text, assets, play);
        } catch (UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            return failed(name, "internal error in the lesson loader (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); please report this file");
        }
    }

    private LessonLoad read(String name, String text, AssetFolder assets, Play play) {
        if (text.length() > MAX_BYTES) {
            return tooLarge(name);
        }
        Problems problems = new Problems(name);
        SourceLocation longLine = longLine(name, text);
        if (longLine != null) {
            problems.at(longLine, "a line longer than " + MAX_LINE_CHARS + " characters; write a long value as a "
                    + "block (| or >) over several lines");
            return new LessonLoad(name, null, problems.list(), List.of());
        }
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
        if (bound.runnable() && new WorkBudget(bound.lesson()).check(problems, bound.machineAt())) {
            Consumer<PlayedStep> sink = problems.isEmpty() ? play.sink() : step -> { };
            LessonRunner runner = new LessonRunner(problems, play.observer(), sink, play.keep());
            played = runner.run(bound.lesson(), bound.machineAt(), bound.firstBroken());
            unmet = runner.unmet();
        }
        List<LessonError> errors = problems.list();
        return new LessonLoad(name, errors.isEmpty() ? played : null, errors, unmet);
    }

    private LessonLoad load(String name, byte[] bytes, AssetFolder assets, Play play) {
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
        return load(name, text, assets, play);
    }

    /**
     * The first line longer than {@link #MAX_LINE_CHARS}, at the column where it passes the limit,
     * or null. The YAML scanner's cost grows with the square of a line's length (it copies its
     * buffer for every chunk of one token), so a long line is refused before it is parsed.
     */
    private static SourceLocation longLine(String name, String text) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE_CHARS) {
                    return new SourceLocation(name, line, MAX_LINE_CHARS + 1);
                }
                line++;
                start = i + 1;
            }
        }
        return null;
    }

    private static LessonLoad tooLarge(String name) {
        return failed(name, "the file is larger than " + (MAX_BYTES >> 20) + " MiB (reading stopped there)");
    }

    private static LessonLoad failed(String name, String message) {
        return new LessonLoad(name, null,
                List.of(new LessonError(new SourceLocation(name, Mark.START.line(), Mark.START.column()), message)),
                List.of());
    }
}
