package org.memvirt.app.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.memvirt.lesson.OneLine;

import org.memvirt.viewmodel.shell.BuildInfo;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: {@code check} and {@code run} for lessons, {@code walk} for walks.
 * Runs without starting the JavaFX toolkit. Every way out is one line on stderr (never a stack
 * trace) and one of four exit codes, so that scripts and graders can tell them apart:
 * {@link #OK}, {@link #EXPECTATION_FAILED}, {@link #BAD_INPUT}, {@link #CANNOT_RUN}.
 */
@Command(name = "memvirt-lab", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Memory virtualization lab: headless commands (no arguments opens the window).%n"
                + "Exit codes: 0 ok, 1 an expectation failed, 2 bad input (located), 3 cannot run here "
                + "(out of memory, output that cannot be written, an internal error).",
        subcommands = {CheckCommand.class, RunCommand.class, WalkCommand.class, AuditLayoutCommand.class})
public final class Cli implements Runnable {
    /** Everything went as asked. */
    public static final int OK = 0;
    /** The lesson ran, and the engine contradicts one of its {@code expect} values. */
    public static final int EXPECTATION_FAILED = 1;
    /** Bad input: a lesson with errors or a bad option, each reported at its place. */
    public static final int BAD_INPUT = 2;
    /** Cannot run here: out of memory, stdout cannot be written, an internal error (details in a file). */
    public static final int CANNOT_RUN = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line on the process's own stdout and stderr (write errors keep their reason). */
    public static int runOnConsole(String[] args) {
        return run(args, new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
    }

    /** {@code --version}: the build's version, the same that Help ▸ About and the installers show. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.of(Cli.class.getClassLoader()).nameAndVersion()};
        }
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String[] args, OutputStream out, OutputStream err) {
        GuardedOutput guardedOut = new GuardedOutput(out);
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(guardedOut, StandardCharsets.UTF_8), false);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        String command = args.length > 0 && !args[0].startsWith("-") ? "memvirt-lab " + args[0] : "memvirt-lab";
        int exit;
        try {
            exit = execute(args, outWriter, errWriter);
            outWriter.flush();
        } catch (OutOfMemoryError e) {
            exit = Failures.report(errWriter, command, Failures.outOfMemory(), e, args);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            exit = Failures.report(errWriter, command, "internal error (" + e.getClass().getSimpleName() + ")", e,
                    args);
        }
        String lost = guardedOut.failure();
        if (lost != null) {
            errWriter.println(command + ": cannot write the output (stdout): " + lost);
            exit = CANNOT_RUN;
        }
        errWriter.flush();
        return exit;
    }

    private static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine at = ex.getCommandLine();
            at.getErr().println(OneLine.of(at.getCommandName() + ": " + ex.getMessage()) + " (see '"
                    + at.getCommandSpec().qualifiedName() + " --help')");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CommandLine.ParameterException p) {
                commandLine.getErr().println(commandLine.getCommandName() + ": " + p.getMessage());
                return BAD_INPUT;
            }
            return Failures.report(commandLine.getErr(), "memvirt-lab " + commandLine.getCommandName(),
                    "internal error (" + ex.getClass().getSimpleName() + ")", ex, args);
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: check, run, walk or audit-layout");
    }
}
