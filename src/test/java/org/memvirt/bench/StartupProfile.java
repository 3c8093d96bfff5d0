package org.memvirt.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the window's start-up goes (decision 18): samples the stacks of the JavaFX application
 * thread and the lesson reader every few milliseconds while the app starts, and at exit prints,
 * per thread and per time window, the methods most often on the stack (inclusive) among the
 * app's own and JavaFX's. A sampling profiler that needs no agent: run it in place of the
 * Launcher with {@code -Dmemvirt.startup.trace=exit}, e.g.
 * {@code xvfb-run -a java -cp target/test-classes:target/memvirt-lab.jar org.memvirt.bench.StartupProfile}
 * ({@code -Dprofile.from=MS -Dprofile.to=MS} narrow the window, {@code -Dprofile.top=N}).
 */
public final class StartupProfile {
    private record Sample(long atMs, String thread, StackTraceElement[] stack) {
    }

    private StartupProfile() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        List<Sample> samples = new ArrayList<>();
        List<Thread> watched = new ArrayList<>();
        Thread sampler = new Thread(() -> {
            while (true) {
                long at = System.currentTimeMillis() - jvmStart;
                for (Thread t : watched(watched)) {
                    StackTraceElement[] stack = t.getStackTrace();
                    synchronized (samples) {
                        samples.add(new Sample(at, t.getName(), stack));
                    }
                }
                try {
                    Thread.sleep(Integer.getInteger("profile.every", 4));
                } catch (InterruptedException ex) {
                    return;
                }
            }
        }, "startup-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (samples) {
                print(samples);
            }
        }));
        org.memvirt.app.Launcher.main(args);
    }

    /** The application thread and the lesson reader, once they exist. */
    private static List<Thread> watched(List<Thread> known) {
        if (known.size() < 2) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                String name = t.getName();
                if ((name.equals("JavaFX Application Thread") || name.equals("lesson-loader")) && !known.contains(t)) {
                    known.add(t);
                }
            }
        }
        return known;
    }

    private static void print(List<Sample> samples) {
        System.out.println("== timeline: per 100 ms, the application thread's innermost app frame");
        Map<Long, Map<String, Integer>> buckets = new java.util.TreeMap<>();
        for (Sample s : samples) {
            if (!s.thread().equals("JavaFX Application Thread")) {
                continue;
            }
            String inner = "(toolkit)";
            for (StackTraceElement f : s.stack()) {
                if (f.getClassName().startsWith("org.memvirt") && !f.getClassName().contains("$$Lambda")) {
                    inner = f.getClassName().replace("org.memvirt.", "") + "." + f.getMethodName();
                    break;
                }
            }
            if (s.stack().length > 0 && s.stack()[0].getMethodName().equals("_runLoop")) {
                inner = "(idle)";
            }
            buckets.computeIfAbsent(s.atMs() / 100, k -> new HashMap<>()).merge(inner, 1, Integer::sum);
        }
        buckets.forEach((b, m) -> System.out.println(b * 100 + " ms: " + m.entrySet().stream()
                .sorted((x, y) -> y.getValue() - x.getValue()).limit(3)
                .map(e -> e.getKey() + " " + e.getValue()).toList()));
        long from = Long.getLong("profile.from", 0);
        long to = Long.getLong("profile.to", Long.MAX_VALUE);
        int top = Integer.getInteger("profile.top", 40);
        Map<String, Map<String, Integer>> byThread = new HashMap<>();
        Map<String, Integer> totals = new HashMap<>();
        for (Sample s : samples) {
            if (s.atMs() < from || s.atMs() > to || s.stack().length == 0) {
                continue;
            }
            String leaf = s.stack()[0].getClassName();
            if (s.thread().equals("lesson-loader") && leaf.startsWith("jdk.internal.misc.Unsafe")) {
                continue;
            }
            totals.merge(s.thread(), 1, Integer::sum);
            Map<String, Integer> counts = byThread.computeIfAbsent(s.thread(), k -> new HashMap<>());
            Set<String> seen = new HashSet<>();
            for (StackTraceElement f : s.stack()) {
                String c = f.getClassName();
                if (c.startsWith("org.memvirt") || c.startsWith("javafx.") || c.startsWith("com.sun.javafx")
                        || c.startsWith("atlantafx") || c.startsWith("org.kordamp") || c.startsWith("com.fasterxml")) {
                    String m = c + "." + f.getMethodName();
                    if (seen.add(m)) {
                        counts.merge(m, 1, Integer::sum);
                    }
                }
            }
            counts.merge("(leaf) " + leaf + "." + s.stack()[0].getMethodName(), 1, Integer::sum);
        }
        for (var t : byThread.entrySet()) {
            System.out.println("== " + t.getKey() + ": " + totals.get(t.getKey()) + " samples in ["
                    + from + ", " + (to == Long.MAX_VALUE ? "end" : to) + "] ms");
            t.getValue().entrySet().stream()
                    .sorted((a, b) -> b.getValue() - a.getValue())
                    .limit(top)
                    .forEach(e -> System.out.printf("%6d  %s%n", e.getValue(), e.getKey()));
        }
    }
}
