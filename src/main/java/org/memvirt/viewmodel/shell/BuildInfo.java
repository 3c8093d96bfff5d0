package org.memvirt.viewmodel.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What the build says about itself: the version that {@code --version}, Help ▸ About and the
 * installers all show, and the app's licence. Read from {@code org/memvirt/build.properties},
 * which Maven fills in from the pom, so there is one version and it is the build's.
 *
 * @param version the project's version ("0.1.0-SNAPSHOT"), or "unknown" when run from unfiltered classes
 * @param licence the licence the pom names for the app
 */
public record BuildInfo(String version, String licence) {
    static final String RESOURCE = "org/memvirt/build.properties";

    /** The build's info as packed beside {@code loader}'s classes. */
    public static BuildInfo of(ClassLoader loader) {
        Properties p = new Properties();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return new BuildInfo("unknown", "unknown");
        }
        return new BuildInfo(filled(p.getProperty("version")), filled(p.getProperty("licence")));
    }

    /** "MemVirt Lab 0.1.0", as the command line and the About box print it. */
    public String nameAndVersion() {
        return "MemVirt Lab " + version;
    }

    private static String filled(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }
}
