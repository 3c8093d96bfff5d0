package org.memvirt.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.memvirt.lesson.LessonError;
import org.memvirt.lesson.LessonLoad;
import org.memvirt.lesson.LessonLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code check FILE…}: reads each lesson, plays it on the engine and reports every problem as
 * {@code FILE:LINE:COLUMN: message} on stderr (syntax, keys, values, what the engine refuses,
 * expectations it contradicts, a lesson over its work budget). Steps are checked as they are
 * played and not kept, so memory does not grow with the lesson. Exit 0 when every file is
 * sound, 2 otherwise; 3 when stdout cannot be written.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check lesson files: exit 0, or 2 with FILE:LINE:COLUMN: message per problem.")
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "lesson files (.yaml)")
    List<String> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LessonLoader loader = new LessonLoader();
        boolean allSound = true;
        for (String file : files) {
            LessonLoad load = loader.play(Path.of(file), step -> { });
            List<LessonError> problems = load.allProblems();
            for (LessonError e : problems) {
                err.println(e);
            }
            if (problems.isEmpty()) {
                var lesson = load.played().lesson();
                long expectations = lesson.steps().stream().mapToLong(s -> s.expectations().size()).sum();
                out.printf("%s: ok (%s in %s, %s)%n", file, count(lesson.stepCount(), "step", "steps"),
                        count(lesson.chapters().size(), "chapter", "chapters"),
                        count(expectations, "expectation holds", "expectations hold"));
            } else {
                allSound = false;
            }
            if (out.checkError()) {
                return Cli.CANNOT_RUN;
            }
        }
        out.flush();
        err.flush();
        return allSound ? Cli.OK : Cli.BAD_INPUT;
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
