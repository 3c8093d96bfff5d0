package org.memvirt.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: {@code check} and {@code run} for lessons, {@code walk} for walks.
 * Runs without starting the JavaFX toolkit. Exit codes: 0 success, 2 bad usage or bad input
 * (with a message naming the offending value, never a stack trace).
 */
@Command(name = "memvirt-lab", mixinStandardHelpOptions = true, version = "MemVirt Lab 0.1",
        description = "Memory virtualization lab: headless commands (no arguments opens the window).",
        subcommands = {CheckCommand.class, RunCommand.class, WalkCommand.class, AuditLayoutCommand.class})
public final class Cli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getCommandName() + ": " + messageOf(ex));
            return 2;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: check, run, walk or audit-layout");
    }

    private static String messageOf(Exception ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }
}
