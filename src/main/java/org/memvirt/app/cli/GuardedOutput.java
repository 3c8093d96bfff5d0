package org.memvirt.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

import org.memvirt.lesson.IoReason;

/**
 * Stdout that remembers why it failed. {@link java.io.PrintWriter} swallows write errors, so a
 * command writing to a full disk or a closed pipe would end "successfully" with its output lost;
 * this stream keeps the first error's reason ("no space left on device", "broken pipe") for the
 * command line to report, and refuses every later write so that a long run stops early.
 */
final class GuardedOutput extends OutputStream {
    private final OutputStream out;
    private String failure;

    GuardedOutput(OutputStream out) {
        this.out = out;
    }

    /** Why writing failed, or null while it has not. */
    String failure() {
        if (failure == null && out instanceof PrintStream ps && ps.checkError()) {
            failure = "the stream reported an error";
        }
        return failure;
    }

    @Override
    public void write(int b) throws IOException {
        check();
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        check();
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        check();
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
        if (failure() != null) {
            throw new IOException(failure);
        }
    }

    private void check() throws IOException {
        if (failure != null) {
            throw new IOException(failure);
        }
    }

    private IOException failed(IOException e) {
        failure = IoReason.of(e, null);
        return e;
    }
}
