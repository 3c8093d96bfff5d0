package org.memvirt.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import org.memvirt.lesson.IoReason;
import org.memvirt.lesson.OneLine;

/**
 * What the command line says when it cannot go on (out of memory, an internal error): one line
 * on stderr and exit 3, with the stack trace written to a file in the temporary folder whose
 * name the line gives, so that a user can send it without the terminal filling with it.
 */
final class Failures {
    private Failures() {
    }

    /** The out-of-memory message, naming the heap this JVM was given. */
    static String outOfMemory() {
        return String.format(Locale.ROOT, "out of memory (this Java has a heap of at most %,d MB; a larger -Xmx may help)",
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Prints {@code command: what; details in FILE} and returns {@link Cli#CANNOT_RUN}. */
    static int report(PrintWriter err, String command, String what, Throwable t, String[] args) {
        err.println(OneLine.of(command + ": " + what + "; " + details(t, args)));
        err.flush();
        return Cli.CANNOT_RUN;
    }

    private static String details(Throwable t, String[] args) {
        try {
            Path file = Files.createTempFile("memvirt-lab-error-", ".txt");
            StringWriter text = new StringWriter();
            try (PrintWriter w = new PrintWriter(text)) {
                w.println("MemVirt Lab " + Instant.now() + ", Java " + System.getProperty("java.version")
                        + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
                w.println("arguments: " + String.join(" ", args));
                t.printStackTrace(w);
            }
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
            return "the details were written to " + file;
        } catch (IOException e) {
            return "the details could not be written (" + IoReason.of(e, null) + ")";
        } catch (RuntimeException | OutOfMemoryError e) {
            return "the details could not be written";
        }
    }
}
