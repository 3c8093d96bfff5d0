package org.memvirt.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.memvirt.engine.event.Dimension;
import org.memvirt.lesson.yaml.YamlNode;

/**
 * Reads {@code highlight:} items: a view ({@code walk}, {@code tables}, {@code memory},
 * {@code counters}), a counter ({@code walkRefs}), a walk dimension or one of its levels
 * ({@code guest}, {@code host.PML4}), {@code data}, references by order ({@code ref.7},
 * {@code ref.1-4}), a register ({@code cr3}, {@code eptp}, {@code cr2}) or {@code gva}.
 */
final class Highlights {
    static final List<String> VIEWS = List.of("walk", "tables", "memory", "counters");
    static final List<String> REGISTERS = List.of("cr3", "eptp", "cr2");
    private static final List<String> LEVELS = List.of("PT", "PD", "PDPT", "PML4", "PML5");
    private static final int MAX_REFERENCE = 64;

    private Highlights() {
    }

    static Highlight parse(YamlNode node, Problems problems) {
        String text = Fields.Scalars.text(node, "highlight", problems);
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (VIEWS.contains(t)) {
            return new Highlight.View(t);
        }
        if (CounterNames.names().contains(t)) {
            return new Highlight.Counter(t);
        }
        if (REGISTERS.contains(t)) {
            return new Highlight.Register(t);
        }
        if (t.equals("data")) {
            return new Highlight.Data();
        }
        if (t.equals("gva")) {
            return new Highlight.AddressSplit();
        }
        if (t.startsWith("ref.")) {
            return references(node, t, problems);
        }
        String[] parts = t.split("\\.", 2);
        Dimension d = dimension(parts[0]);
        if (d != null) {
            if (parts.length == 1) {
                return new Highlight.Level(d, 0);
            }
            int level = LEVELS.indexOf(parts[1].toUpperCase(Locale.ROOT)) + 1;
            if (level > 0) {
                return new Highlight.Level(d, level);
            }
        }
        problems.at(node, "cannot highlight '" + t + "'" + DidYouMean.hint(t, names()));
        return null;
    }

    private static Highlight references(YamlNode node, String t, Problems problems) {
        String range = t.substring(4);
        String[] ends = range.split("-", 2);
        Long from = Literals.parseLong(ends[0]);
        Long to = ends.length == 2 ? Literals.parseLong(ends[1]) : from;
        if (from == null || to == null || from < 1 || to < from || to > MAX_REFERENCE) {
            problems.at(node, "'" + t + "' must name references 1 to " + MAX_REFERENCE
                    + " of the walk, as ref.N or ref.N-M");
            return null;
        }
        return new Highlight.References(from.intValue(), to.intValue());
    }

    private static Dimension dimension(String name) {
        for (Dimension d : Dimension.values()) {
            if (d.name().toLowerCase(Locale.ROOT).equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** Every simple name, for suggestions. */
    static List<String> names() {
        List<String> all = new ArrayList<>(VIEWS);
        all.addAll(CounterNames.names());
        all.addAll(REGISTERS);
        all.add("data");
        all.add("gva");
        for (Dimension d : Dimension.values()) {
            String dim = d.name().toLowerCase(Locale.ROOT);
            all.add(dim);
            for (String l : LEVELS) {
                all.add(dim + "." + l);
            }
        }
        all.add("ref.1");
        return all;
    }
}
