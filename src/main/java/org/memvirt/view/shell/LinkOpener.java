package org.memvirt.view.shell;

import java.awt.Desktop;
import java.net.URI;
import java.util.Optional;

/**
 * Opens a narration link in the system's browser. Where that is impossible (no desktop, a headless
 * run, a link that is not a URL) it opens nothing and says why, so the narration can show the
 * reason instead of a click that does nothing.
 */
@FunctionalInterface
interface LinkOpener {

    /** Opens {@code target}; empty when it went to the browser, else the reason it could not. */
    Optional<String> open(String target);

    /** The system browser through {@link Desktop}, off the UI thread. */
    static LinkOpener desktop() {
        return target -> {
            URI uri;
            try {
                uri = URI.create(target);
            } catch (IllegalArgumentException e) {
                return Optional.of("Not a web address: " + target);
            }
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return Optional.of("Only web links open in the browser: " + target);
            }
            if (java.awt.GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()
                    || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                return Optional.of("No browser can be opened here; the link is " + target);
            }
            Thread t = new Thread(() -> browse(uri), "open-link");
            t.setDaemon(true);
            t.start();
            return Optional.empty();
        };
    }

    private static void browse(URI uri) {
        try {
            Desktop.getDesktop().browse(uri);
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            System.err.println("memvirt: could not open " + uri + ": " + e.getMessage());
        }
    }
}
