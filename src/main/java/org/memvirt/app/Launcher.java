package org.memvirt.app;

/**
 * The jar's plain main class. With no arguments it opens the window; with a sub-command
 * ({@code check}, {@code run}, {@code walk}) it runs headless and never starts the JavaFX
 * toolkit.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(org.memvirt.app.cli.Cli.runOnConsole(args));
        }
        MemVirtApp.main(args);
    }
}
