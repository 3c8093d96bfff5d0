package org.memvirt.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.memvirt.lesson.LessonError;
import org.memvirt.lesson.LessonLoad;
import org.memvirt.lesson.LessonLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code run FILE [--trace OUT.jsonl]}: plays a lesson to its end and writes its events as JSON
 * Lines (to stdout, or to OUT), then a Summary line. Exit 0; 1 when an {@code expect} fails
 * (each failure names its step and counter on stderr); 2 when the lesson has errors.
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
        LessonLoad load = new LessonLoader().load(Path.of(file));
        if (!load.playable()) {
            load.errors().forEach(err::println);
            err.flush();
            return 2;
        }
        try {
            if (trace == null) {
                PrintWriter out = spec.commandLine().getOut();
                new TraceWriter(out).write(load.played());
                out.flush();
            } else {
                try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(trace)),
                        StandardCharsets.UTF_8))) {
                    new TraceWriter(w).write(load.played());
                }
                spec.commandLine().getOut().printf("%s: %d steps played, trace written to %s%n", file,
                        load.played().steps().size(), trace);
                spec.commandLine().getOut().flush();
            }
        } catch (IOException | RuntimeException e) {
            err.println((trace == null ? "run" : trace) + ": cannot write the trace: " + e.getMessage());
            err.flush();
            return 2;
        }
        for (LessonError e : load.unmet()) {
            err.println(e);
        }
        err.flush();
        return load.unmet().isEmpty() ? 0 : 1;
    }
}
