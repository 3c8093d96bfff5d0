package org.memvirt.viewmodel.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Help ▸ Glossary: every term the views use, one line each, read from the resource
 * {@code glossary.txt} beside this class so a term is added without touching code. A line is
 * {@code names :: meaning}; names are separated by {@code " / "} (the words a view shows and the
 * command line's counter name), so a label in either form finds its line.
 *
 * @param entries the terms in file order
 */
public record Glossary(List<Entry> entries) {
    static final String RESOURCE = "glossary.txt";
    private static final String SEPARATOR = " :: ";

    public Glossary {
        entries = List.copyOf(entries);
    }

    /**
     * One term.
     *
     * @param names   its names, the first shown as the term
     * @param meaning what it means, one line
     */
    public record Entry(List<String> names, String meaning) {
        public Entry {
            names = List.copyOf(names);
        }

        /** The term as the glossary shows it: "walk references / walkRefs". */
        public String term() {
            return String.join(" / ", names);
        }
    }

    /** The glossary that ships with the app. */
    public static Glossary shipped() {
        try (InputStream in = Glossary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the glossary resource is missing: " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads glossary lines; blank lines and lines starting with {@code #} are skipped. */
    public static Glossary parse(String text) {
        List<Entry> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int sep = t.indexOf(SEPARATOR);
                if (sep <= 0) {
                    throw new IllegalArgumentException(RESOURCE + ":" + n + ": a line must read 'names :: meaning'");
                }
                List<String> names = Arrays.stream(t.substring(0, sep).split(" / ")).map(String::strip).toList();
                out.add(new Entry(names, t.substring(sep + SEPARATOR.length()).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Glossary(out);
    }

    /** The line for {@code label} (any of its names, case and a trailing count ignored), or null. */
    public Entry find(String label) {
        String key = normal(label);
        for (Entry e : entries) {
            for (String name : e.names()) {
                if (normal(name).equals(key)) {
                    return e;
                }
            }
        }
        return null;
    }

    private static String normal(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("^vm \\d+ ", "vm ").replaceAll("\\s+", " ");
    }
}
