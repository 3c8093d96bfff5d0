import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds what a student downloads (./mvnw -Pdist package runs it, decision 18): a runtime of
 * only the modules the shaded jar needs (jdeps, then jlink), an app image on it with the icon
 * and lesson file association from assets/ (jpackage), a class-data-sharing archive trained by
 * starting the image once, and the platform's installer (deb, msi or dmg) from that image.
 *
 * <p>Arguments: JAR VERSION ASSETS OUT NAME ICON INSTALLER, as the pom passes them.
 * A single-file program (java Dist.java …), so it needs nothing but the JDK that runs Maven.
 */
public final class Dist {
    /** Modules found only at run time (service providers): jdeps cannot see them in the byte code. */
    private static final List<String> ALSO = List.of("jdk.zipfs", "java.logging", "java.desktop");

    public static void main(String[] a) throws Exception {
        Path jar = Path.of(a[0]);
        String version = a[1].replaceAll("^([0-9]+(\\.[0-9]+){0,2}).*$", "$1");
        Path assets = Path.of(a[2]);
        Path out = Path.of(a[3]);
        String name = a[4];
        Path icon = assets.resolve("icons").resolve(a[5]);
        String installer = a[6];

        delete(out);
        Files.createDirectories(out.resolve("input"));
        Files.copy(jar, out.resolve("input").resolve(jar.getFileName()));

        String modules = run("jdeps", "--multi-release", "17", "--ignore-missing-deps", "--print-module-deps",
                jar.toString()).strip();
        TreeSet<String> all = new TreeSet<>(List.of(modules.split(",")));
        all.addAll(ALSO);
        System.out.println("dist: runtime modules " + String.join(",", all));
        Path runtime = out.resolve("runtime");
        run("jlink", "--add-modules", String.join(",", all), "--strip-debug", "--no-header-files", "--no-man-pages",
                "--compress=2", "--generate-cds-archive", "--output", runtime.toString());

        List<String> image = new ArrayList<>(List.of("--type", "app-image", "--dest", out.toString(),
                "--name", name, "--app-version", version,
                "--description", "A desktop lab that teaches memory virtualization",
                "--vendor", "MemVirt Lab", "--icon", icon.toString(),
                "--input", out.resolve("input").toString(), "--main-jar", jar.getFileName().toString(),
                "--main-class", "org.memvirt.app.Launcher", "--runtime-image", runtime.toString(),
                "--java-options", "-XX:SharedArchiveFile=$APPDIR/memvirt-lab.jsa",
                "--java-options", "-Xshare:auto", "--java-options", "-Xlog:cds=off",
                "--java-options", "-Xlog:cds+dynamic=off"));
        if (installer.equals("dmg")) {
            image.addAll(List.of("--mac-package-name", "MemVirt Lab"));
        }
        run("jpackage", image.toArray(String[]::new));
        Path app = imageOf(out, name);
        System.out.println("dist: app image " + app);
        train(app, name);

        if (installer.equals("none") || !installerToolsPresent(installer)) {
            System.out.println("dist: no " + installer + " installer made here (its packaging tools are missing)");
            return;
        }
        List<String> pkg = new ArrayList<>(List.of("--type", installer, "--dest", out.toString(),
                "--name", name, "--app-version", version, "--app-image", app.toString(),
                "--description", "A desktop lab that teaches memory virtualization", "--vendor", "MemVirt Lab",
                "--file-associations", assets.resolve("desktop").resolve("lesson-files.properties").toString()));
        switch (installer) {
            case "deb" -> pkg.addAll(List.of("--linux-package-name", "memvirt-lab", "--linux-shortcut",
                    "--linux-menu-group", "Education;Science;", "--linux-app-category", "education",
                    "--icon", icon.toString()));
            case "msi" -> pkg.addAll(List.of("--win-menu", "--win-shortcut", "--win-dir-chooser",
                    "--win-menu-group", "MemVirt Lab"));
            default -> { }
        }
        run("jpackage", pkg.toArray(String[]::new));
        try (Stream<Path> made = Files.list(out)) {
            made.filter(p -> p.toString().endsWith("." + installer))
                    .forEach(p -> System.out.println("dist: installer " + p));
        }
    }

    /** Where jpackage put the image's app folder and runtime, per platform. */
    static Path imageOf(Path out, String name) {
        Path mac = out.resolve(name + ".app");
        return Files.isDirectory(mac) ? mac : out.resolve(name);
    }

    static Path appDir(Path image) {
        if (image.toString().endsWith(".app")) {
            return image.resolve("Contents").resolve("app");
        }
        return Files.isDirectory(image.resolve("lib").resolve("app")) ? image.resolve("lib").resolve("app")
                : image.resolve("app");
    }

    static Path javaOf(Path image) {
        String exe = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win") ? "java.exe" : "java";
        if (image.toString().endsWith(".app")) {
            return image.resolve("Contents/runtime/Contents/Home/bin").resolve(exe);
        }
        Path linux = image.resolve("lib/runtime/bin").resolve(exe);
        return Files.exists(linux) ? linux : image.resolve("runtime/bin").resolve(exe);
    }

    /**
     * The class-data-sharing archive: the image's own runtime starts the window once, up to the
     * default lesson's first step, and writes the classes it loaded; the launcher maps them at
     * every start. Without a display (and no xvfb-run) it trains on the headless check instead.
     */
    static void train(Path image, String name) throws IOException, InterruptedException {
        Path app = appDir(image);
        Path jsa = app.resolve("memvirt-lab.jsa").toAbsolutePath();
        List<String> cmd = new ArrayList<>();
        boolean linux = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
        boolean display = !linux || System.getenv("DISPLAY") != null;
        boolean xvfb = !display && onPath("xvfb-run");
        if (xvfb) {
            cmd.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24"));
        }
        cmd.addAll(List.of(javaOf(image).toString(), "-XX:ArchiveClassesAtExit=" + jsa, "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-Dmemvirt.prefs=none", "-cp",
                app.resolve("memvirt-lab.jar").toAbsolutePath().toString(), "org.memvirt.app.Launcher"));
        if (display || xvfb) {
            cmd.add(cmd.indexOf("-Dmemvirt.prefs=none"), "-Dmemvirt.startup.trace=exit");
        } else {
            cmd.addAll(List.of("walk", "--mode", "nested"));
        }
        System.out.println("dist: training the class-data archive: " + String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the training run did not end within 180 s");
        }
        if (!Files.exists(jsa)) {
            throw new IllegalStateException("the training run wrote no archive (exit " + p.exitValue() + ")");
        }
        System.out.println("dist: class-data archive " + jsa + " (" + Files.size(jsa) / 1024 + " KiB)");
    }

    static boolean installerToolsPresent(String installer) {
        return switch (installer) {
            case "deb" -> onPath("dpkg-deb") && (onPath("fakeroot") || "root".equals(System.getProperty("user.name")));
            case "msi" -> onPath("candle.exe") && onPath("light.exe") || onPath("wix.exe");
            default -> true;
        };
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    static String run(String tool, String... args) {
        ToolProvider t = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException("no " + tool + " in this JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = t.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        if (code != 0) {
            throw new IllegalStateException(tool + " failed (" + code + "): " + out + err);
        }
        System.err.print(err);
        return out.toString();
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
