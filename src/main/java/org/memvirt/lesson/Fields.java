package org.memvirt.lesson;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.memvirt.lesson.yaml.Mark;
import org.memvirt.lesson.yaml.YamlMap;
import org.memvirt.lesson.yaml.YamlNode;
import org.memvirt.lesson.yaml.YamlScalar;
import org.memvirt.lesson.yaml.YamlSeq;

/**
 * The keys of one YAML mapping with typed, located readers. Creating it reports unknown keys
 * (with a did-you-mean); each reader reports a wrong type or range at the value and returns
 * null, so a binder goes on and collects every error of the file.
 */
final class Fields {
    private final YamlMap map;
    private final String what;
    private final Problems problems;
    private final Mark at;
    private boolean unknownKeys;

    private Fields(YamlMap map, Mark at, String what, Problems problems) {
        this.map = map;
        this.at = at;
        this.what = what;
        this.problems = problems;
    }

    /**
     * The fields of {@code node}, which must be a mapping with only {@code keys}.
     *
     * @param what the thing the mapping describes, for messages ("the machine", "a step")
     */
    static Fields of(YamlNode node, String what, Problems problems, Collection<String> keys) {
        if (node instanceof YamlMap m) {
            Fields f = new Fields(m, m.start(), what, problems);
            for (YamlMap.Entry e : m.entries()) {
                if (!keys.contains(e.key())) {
                    problems.at(e.keyStart(), "unknown key '" + e.key() + "' in " + what + DidYouMean.hint(e.key(), keys));
                    f.unknownKeys = true;
                }
            }
            return f;
        }
        problems.at(node, what + " must be a mapping (key: value lines), not " + node.kind());
        return new Fields(new YamlMap(node.start(), node.end(), List.of(), 1), node.start(), what, problems);
    }

    /** True when the mapping has keys that were reported as unknown. */
    boolean hasUnknownKeys() {
        return unknownKeys;
    }

    /** Where the mapping starts. */
    Mark at() {
        return at;
    }

    String what() {
        return what;
    }

    boolean has(String key) {
        return map.entry(key) != null;
    }

    /** The raw value, or null when absent. */
    YamlNode node(String key) {
        return map.get(key);
    }

    /** Where a key is written (or the mapping itself when the key is absent). */
    Mark keyAt(String key) {
        YamlMap.Entry e = map.entry(key);
        return e == null ? at : e.keyStart();
    }

    /** Reports a missing required key at the mapping. */
    boolean require(String key) {
        if (!has(key)) {
            problems.at(at, what + " needs '" + key + "'");
            return false;
        }
        return true;
    }

    String text(String key) {
        YamlNode n = node(key);
        return n == null ? null : Scalars.text(n, key, problems);
    }

    String text(String key, String fallback) {
        String t = text(key);
        return t == null ? fallback : t;
    }

    Long integer(String key, long min, long max) {
        YamlNode n = node(key);
        return n == null ? null : Scalars.integer(n, key, min, max, problems);
    }

    long integer(String key, long min, long max, long fallback) {
        Long v = integer(key, min, max);
        return v == null ? fallback : v;
    }

    Double decimal(String key, double min, double max) {
        YamlNode n = node(key);
        if (n == null) {
            return null;
        }
        String t = Scalars.text(n, key, problems);
        if (t == null) {
            return null;
        }
        Double d = Literals.parseDecimal(t);
        if (d == null || d < min || d > max) {
            problems.at(n, "'" + key + "' must be a number from " + min + " to " + max + ", not '" + t + "'");
            return null;
        }
        return d;
    }

    Long address(String key) {
        YamlNode n = node(key);
        return n == null ? null : Scalars.address(n, key, problems);
    }

    Long size(String key, long min, long max) {
        YamlNode n = node(key);
        return n == null ? null : Scalars.size(n, key, min, max, problems);
    }

    boolean bool(String key, boolean fallback) {
        YamlNode n = node(key);
        Boolean b = n == null ? null : Scalars.bool(n, key, problems);
        return b == null ? fallback : b;
    }

    /** One of {@code options} (case-insensitive), returned as the option is spelt there. */
    String choice(String key, List<String> options, String fallback) {
        YamlNode n = node(key);
        if (n == null) {
            return fallback;
        }
        String c = Scalars.choice(n, key, options, problems);
        return c == null ? fallback : c;
    }

    /** The items of a list value; a single value counts as a list of one. Absent: empty. */
    List<YamlNode> list(String key) {
        YamlNode n = node(key);
        return Scalars.items(n);
    }

    /** Static helpers shared by readers of single values. */
    static final class Scalars {
        private Scalars() {
        }

        static List<YamlNode> items(YamlNode n) {
            if (n == null || (n instanceof YamlScalar s && s.nullValue())) {
                return List.of();
            }
            if (n instanceof YamlSeq s) {
                return s.items();
            }
            return List.of(n);
        }

        static String text(YamlNode n, String name, Problems problems) {
            if (n instanceof YamlScalar s) {
                if (s.nullValue()) {
                    problems.at(n, "'" + name + "' needs a value");
                    return null;
                }
                return s.text();
            }
            problems.at(n, "'" + name + "' must be a single value, not " + n.kind());
            return null;
        }

        static Long integer(YamlNode n, String name, long min, long max, Problems problems) {
            String t = text(n, name, problems);
            if (t == null) {
                return null;
            }
            Long v = Literals.parseLong(t);
            if (v == null) {
                problems.at(n, Literals.outOfRange(t) ? outOfRange(name, t)
                        : "'" + name + "' must be a whole number, not '" + t + "'");
                return null;
            }
            if (v < min || v > max) {
                problems.at(n, "'" + name + "' must be " + range(min, max) + ", not " + t);
                return null;
            }
            return v;
        }

        static Long address(YamlNode n, String name, Problems problems) {
            String t = text(n, name, problems);
            if (t == null) {
                return null;
            }
            Long v = Literals.parseLong(t);
            if (v == null) {
                problems.at(n, Literals.outOfRange(t) ? outOfRange(name, t)
                        : "'" + name + "' must be an address such as 0x7f3a_1c40_2000, not '" + t + "'");
            }
            return v;
        }

        static Long size(YamlNode n, String name, long min, long max, Problems problems) {
            String t = text(n, name, problems);
            if (t == null) {
                return null;
            }
            Long v = Literals.parseSize(t);
            if (v == null) {
                problems.at(n, "'" + name + "' must be a size such as 64M, 4K or 2GiB, not '" + t + "'");
                return null;
            }
            if (v < min || v > max) {
                problems.at(n, "'" + name + "' must be " + Literals.describeSize(min) + " to "
                        + Literals.describeSize(max) + ", not " + t);
                return null;
            }
            return v;
        }

        static Boolean bool(YamlNode n, String name, Problems problems) {
            String t = text(n, name, problems);
            if (t == null) {
                return null;
            }
            switch (t.strip().toLowerCase(Locale.ROOT)) {
                case "true", "on", "yes":
                    return true;
                case "false", "off", "no":
                    return false;
                default:
                    problems.at(n, "'" + name + "' must be true or false (on/off), not '" + t + "'");
                    return null;
            }
        }

        static String choice(YamlNode n, String name, List<String> options, Problems problems) {
            String t = text(n, name, problems);
            if (t == null) {
                return null;
            }
            for (String o : options) {
                if (o.equalsIgnoreCase(t.strip())) {
                    return o;
                }
            }
            problems.at(n, "'" + name + "' cannot be '" + t + "'" + DidYouMean.hint(t.strip(), options));
            return null;
        }

        /** A number that does not fit 64 bits: refused, never wrapped. */
        static String outOfRange(String name, String t) {
            return "'" + name + "' is out of range: " + t.strip() + " does not fit 64 bits (a negative number must fit "
                    + "a signed 64-bit number)";
        }

        static String range(long min, long max) {
            if (max == Long.MAX_VALUE) {
                return "at least " + min;
            }
            return min == max - 1 ? min + " or " + max : min + " to " + max;
        }
    }
}
