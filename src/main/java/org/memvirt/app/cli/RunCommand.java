package org.memvirt.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.memvirt.lesson.IoReason;
import org.memvirt.lesson.LessonError;
import org.memvirt.lesson.LessonLoad;
import org.memvirt.lesson.LessonLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code run FILE [--trace OUT.jsonl]}: plays a lesson to its end and writes its events as JSON
 * Lines (to stdout, or to OUT), then a Summary line. Each step is written as soon as it is
 * played and then dropped, so memory does not grow with the trace. Exit 0; 1 when an
 * {@code expect} fails (each failure names its step and counter on stderr); 2 when the lesson
 * has errors or the trace cannot be written (with the reason; a trace file is then removed);
 * 3 when stdout cannot be written.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Play a lesson to its end: events as JSON Lines, then a Summary line with the counters.")
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the lesson file (.yaml)")
    String file;

    @Option(names = "--trace", paramLabel = "OUT.jsonl", description = "write the JSON Lines here instead of stdout")
    String trace;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Path tracePath = trace == null ? null : Path.of(trace);
        Writer w;
        try {
            w = tracePath == null ? out : new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tracePath),
                    StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException | RuntimeException e) {
            return cannotWrite(err, e, tracePath);
        }
        LessonLoad load;
        try {
            TraceWriter writer = new TraceWriter(w);
            load = new LessonLoader().play(Path.of(file), step -> {
                try {
                    writer.step(step);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (load.playable()) {
                writer.start(load.played().initial().counters());
                writer.summary();
            }
            if (tracePath != null) {
                w.close();
            }
        } catch (UncheckedIOException e) {
            return tracePath == null ? Cli.CANNOT_RUN : cannotWrite(err, e.getCause(), tracePath);
        } catch (IOException e) {
            return tracePath == null ? Cli.CANNOT_RUN : cannotWrite(err, e, tracePath);
        }
        if (!load.playable()) {
            closeQuietly(w, tracePath);
            load.errors().forEach(err::println);
            err.flush();
            return Cli.BAD_INPUT;
        }
        if (tracePath != null) {
            out.printf("%s: %d steps played, trace written to %s%n", file, load.played().lesson().stepCount(), trace);
            out.flush();
        }
        for (LessonError e : load.unmet()) {
            err.println(e);
        }
        err.flush();
        return load.unmet().isEmpty() ? Cli.OK : Cli.EXPECTATION_FAILED;
    }

    /** The trace file cannot be written: says why, removes what was written, exit 2. */
    private int cannotWrite(PrintWriter err, Exception e, Path tracePath) {
        String reason = e instanceof IOException io ? IoReason.of(io, tracePath) : e.getClass().getSimpleName();
        err.println(org.memvirt.lesson.OneLine.of(trace + ": cannot write the trace: " + reason));
        err.flush();
        if (tracePath != null) {
            try {
                if (Files.isRegularFile(tracePath)) {
                    Files.deleteIfExists(tracePath);
                }
            } catch (IOException | RuntimeException ignored) {
                // the reason above is what the user needs; a trace that cannot be removed stays half written
            }
        }
        return Cli.BAD_INPUT;
    }

    private static void closeQuietly(Writer w, Path tracePath) {
        if (tracePath == null) {
            return;
        }
        try {
            w.close();
            if (Files.isRegularFile(tracePath)) {
                Files.deleteIfExists(tracePath);
            }
        } catch (IOException | RuntimeException ignored) {
            // the lesson's own errors are what the user needs to see
        }
    }
}
