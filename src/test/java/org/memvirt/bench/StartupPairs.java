package org.memvirt.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start-up series of decisions 9 and 18 as one command: N rounds, each the bare window
 * ({@link BareWindow}) then every app variant asked for, back to back under Xvfb (at real-time
 * priority with {@code chrt -f 10} when allowed), and the medians of "first frame" and "lesson
 * ready" against the bare window's first frame.
 *
 * <p>{@code java -cp target/test-classes:CLASSPATH org.memvirt.bench.StartupPairs ROUNDS VARIANT…} with
 * variants {@code jar} ({@code java -jar target/memvirt-lab.jar}), {@code jar-cds} (the same with
 * {@code -XX:SharedArchiveFile=target/memvirt-lab.jsa}, made by a first run if missing) and
 * {@code image} (the dist profile's app image, {@code target/dist/memvirt-lab/bin/memvirt-lab}).
 */
public final class StartupPairs {
    private static final Pattern FIRST = Pattern.compile("first frame (\\d+) ms");
    private static final Pattern READY = Pattern.compile("lesson ready (\\d+) ms");
    private static final List<String> TRACE = List.of("-Dmemvirt.prefs=none", "-Dmemvirt.startup.trace=exit");

    private StartupPairs() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        List<String> variants = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Path jsa = Path.of("target/memvirt-lab.jsa");
        if (variants.contains("jar-cds") && !Files.exists(jsa)) {
            List<String> train = new ArrayList<>(List.of(java, "-XX:ArchiveClassesAtExit=" + jsa, "-Xlog:cds=off"));
            train.addAll(TRACE);
            train.addAll(List.of("-jar", "target/memvirt-lab.jar"));
            System.out.println("training " + jsa + ": " + run(train, Map.of()).strip());
        }
        Map<String, List<Long>> first = new LinkedHashMap<>();
        Map<String, List<Long>> ready = new LinkedHashMap<>();
        for (int r = 1; r <= rounds; r++) {
            StringBuilder line = new StringBuilder("round " + r + ":");
            String bare = run(List.of(java, "-cp", cp, BareWindow.class.getName()), Map.of());
            record(first, "bare", FIRST, bare, line);
            for (String v : variants) {
                String out = switch (v) {
                    case "jar" -> run(concat(List.of(java), TRACE, List.of("-jar", "target/memvirt-lab.jar")), Map.of());
                    case "jar-cds" -> run(concat(List.of(java, "-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off"), TRACE,
                            List.of("-jar", "target/memvirt-lab.jar")), Map.of());
                    case "image" -> run(List.of("target/dist/memvirt-lab/bin/memvirt-lab"),
                            Map.of("JAVA_TOOL_OPTIONS", String.join(" ", TRACE)));
                    default -> throw new IllegalArgumentException("variant: jar, jar-cds or image, not " + v);
                };
                record(first, v, FIRST, out, line);
                record(ready, v, READY, out, line.append(" /"));
            }
            System.out.println(line);
        }
        long bare = median(first.get("bare"));
        System.out.printf("median bare window first frame %d ms%n", bare);
        for (String v : variants) {
            long f = median(first.get(v));
            long l = median(ready.get(v));
            System.out.printf("median %-8s first frame %5d ms (%.2fx)   lesson ready %5d ms (%.2fx)%n",
                    v, f, (double) f / bare, l, (double) l / bare);
        }
    }

    private static void record(Map<String, List<Long>> into, String key, Pattern p, String out, StringBuilder line) {
        Matcher m = p.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException(key + " printed no '" + p.pattern() + "':\n" + out);
        }
        long ms = Long.parseLong(m.group(1));
        into.computeIfAbsent(key, k -> new ArrayList<>()).add(ms);
        line.append(' ').append(key).append(' ').append(ms);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    /** Runs {@code command} under Xvfb, at real-time priority where the system allows it. */
    private static String run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (canRealTime()) {
            full.addAll(List.of("chrt", "-f", "10"));
        }
        full.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24"));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }

    private static boolean canRealTime() {
        try {
            return new ProcessBuilder("chrt", "-f", "10", "true").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static long median(List<Long> xs) {
        List<Long> s = xs.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }
}
