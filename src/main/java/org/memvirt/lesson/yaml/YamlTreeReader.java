package org.memvirt.lesson.yaml;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;

/**
 * Reads YAML text into a tree of {@link YamlNode}s that remember where each key and value was
 * written. Jackson's streaming YAML parser supplies the tokens and their places; this reader
 * builds the tree itself, which is where it enforces the limits (depth, node count with aliases
 * expanded, alias count, value length), resolves {@code *alias} and {@code <<} merge keys by
 * sharing nodes (never by copying), and reports duplicate keys. It never throws for bad input:
 * every problem is returned with its place.
 */
public final class YamlTreeReader {
    private static final String MERGE_KEY = "<<";
    private final YamlLimits limits;
    private final YAMLFactory factory;

    /** A reader that enforces {@code limits}. */
    public YamlTreeReader(YamlLimits limits) {
        this.limits = limits;
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setNestingDepthLimit(limits.maxDepth() + 2);
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setCodePointLimit(Integer.MAX_VALUE);
        this.factory = YAMLFactory.builder().loaderOptions(options).build();
    }

    /** Reads one YAML document. */
    public YamlDocument read(String text) {
        return new Run(text).read();
    }

    /** Stops reading: a problem after which no tree can be built. */
    private static final class Fatal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient YamlProblem problem;

        Fatal(YamlProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    /** The state of one read. */
    private final class Run {
        private final String text;
        private final boolean bmpOnly;
        private final List<YamlProblem> problems = new ArrayList<>();
        private final Map<String, YamlNode> anchors = new HashMap<>();
        private YAMLParser parser;
        private long nodes;
        private int aliases;

        Run(String text) {
            this.text = text;
            this.bmpOnly = text.codePointCount(0, text.length()) == text.length();
        }

        YamlDocument read() {
            try (YAMLParser p = factory.createParser(text)) {
                parser = p;
                JsonToken first = p.nextToken();
                if (first == null) {
                    problems.add(new YamlProblem(Mark.START, "the file is empty"));
                    return new YamlDocument(null, problems);
                }
                YamlNode root = value(first, 0);
                JsonToken more = p.nextToken();
                if (more != null) {
                    problems.add(new YamlProblem(start(),
                            "a second YAML document starts here; a lesson file holds exactly one"));
                }
                return new YamlDocument(root, problems);
            } catch (Fatal f) {
                problems.add(f.problem);
            } catch (JacksonYAMLParseException e) {
                problems.add(e.getCause() instanceof MarkedYAMLException m ? syntax(m)
                        : new YamlProblem(mark(e.getLocation()), "YAML syntax: " + clean(e.getOriginalMessage())));
            } catch (JsonProcessingException e) {
                problems.add(new YamlProblem(mark(e.getLocation()), "YAML syntax: " + clean(e.getOriginalMessage())));
            } catch (IOException | RuntimeException e) {
                problems.add(new YamlProblem(parser == null ? Mark.START : end(),
                        "YAML syntax: " + clean(e.getMessage())));
            }
            return new YamlDocument(null, problems);
        }

        private YamlNode value(JsonToken token, int depth) throws IOException, Fatal {
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                if (depth >= limits.maxDepth()) {
                    throw new Fatal(new YamlProblem(start(), "nested deeper than " + limits.maxDepth() + " levels"));
                }
                count(1);
                String anchor = anchor();
                YamlNode node = token == JsonToken.START_OBJECT ? map(depth) : seq(depth);
                remember(anchor, node);
                return node;
            }
            if (parser.isCurrentAlias()) {
                return alias();
            }
            count(1);
            Mark start = start();
            Mark end = end();
            String anchor = scalarAnchor(start);
            String value = token == JsonToken.VALUE_NULL ? "" : parser.getText();
            boolean isNull = token == JsonToken.VALUE_NULL
                    || (token == JsonToken.VALUE_STRING && value.isEmpty() && start.offset() == end.offset());
            if (value.length() > limits.maxScalarChars()) {
                problems.add(new YamlProblem(start, "a value of " + value.length() + " characters; at most "
                        + limits.maxScalarChars() + " are allowed"));
                value = value.substring(0, limits.maxScalarChars());
            }
            YamlScalar scalar = new YamlScalar(start, end, value, isNull);
            remember(anchor, scalar);
            return scalar;
        }

        private YamlMap map(int depth) throws IOException, Fatal {
            Mark start = start();
            Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
            List<YamlNode> merges = new ArrayList<>();
            int weight = 1;
            JsonToken t;
            while ((t = parser.nextToken()) != JsonToken.END_OBJECT) {
                if (t == null) {
                    throw new Fatal(new YamlProblem(end(), "the file ends inside a mapping"));
                }
                String key = parser.currentName();
                Mark keyStart = start();
                YamlNode value = value(parser.nextToken(), depth + 1);
                weight += value.weight();
                if (MERGE_KEY.equals(key)) {
                    merges.add(value);
                    continue;
                }
                YamlMap.Entry first = entries.get(key);
                if (first != null) {
                    problems.add(new YamlProblem(keyStart, "duplicate key '" + key + "' (first written at "
                            + first.keyStart().line() + ":" + first.keyStart().column() + ")"));
                    continue;
                }
                entries.put(key, new YamlMap.Entry(key, keyStart, value));
            }
            Mark end = end();
            for (YamlNode merge : merges) {
                merge(entries, merge);
            }
            return new YamlMap(start, end, new ArrayList<>(entries.values()), weight);
        }

        /** A {@code <<} merge key: entries of the merged mapping(s) the mapping does not set itself. */
        private void merge(Map<String, YamlMap.Entry> entries, YamlNode source) {
            if (source instanceof YamlMap m) {
                for (YamlMap.Entry e : m.entries()) {
                    entries.putIfAbsent(e.key(), e);
                }
            } else if (source instanceof YamlSeq s && s.items().stream().allMatch(YamlMap.class::isInstance)) {
                for (YamlNode item : s.items()) {
                    merge(entries, item);
                }
            } else {
                problems.add(new YamlProblem(source.start(),
                        "'<<' merges a mapping (or a list of mappings) into this one, not " + source.kind()));
            }
        }

        private YamlSeq seq(int depth) throws IOException, Fatal {
            Mark start = start();
            List<YamlNode> items = new ArrayList<>();
            int weight = 1;
            JsonToken t;
            while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new Fatal(new YamlProblem(end(), "the file ends inside a list"));
                }
                YamlNode item = value(t, depth + 1);
                weight += item.weight();
                items.add(item);
            }
            return new YamlSeq(start, end(), items, weight);
        }

        private YamlNode alias() throws IOException, Fatal {
            String name = parser.getText();
            Mark at = start();
            if (++aliases > limits.maxAliases()) {
                throw new Fatal(new YamlProblem(at, "more than " + limits.maxAliases() + " aliases (*name)"));
            }
            YamlNode target = anchors.get(name);
            if (target == null) {
                problems.add(new YamlProblem(at, "unknown alias *" + name + ": no &" + name + " is defined before it"));
                return new YamlScalar(at, end(), "", true);
            }
            count(target.weight());
            return target;
        }

        /** The {@code &anchor} on the current token (Jackson exposes it as the object id). */
        private String anchor() throws IOException {
            Object id = parser.getObjectId();
            return id == null ? null : id.toString();
        }

        /**
         * The {@code &anchor} written before a scalar. Jackson reports anchors of mappings and lists
         * only, so it is read from the text: a scalar's start includes its properties.
         */
        private String scalarAnchor(Mark start) {
            int i = charIndex(start.offset());
            while (i < text.length() && (text.charAt(i) == '!' || text.charAt(i) == '&')) {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                if (text.charAt(i) == '&' && end > i + 1) {
                    return text.substring(i + 1, end);
                }
                while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
                    end++;
                }
                i = end;
            }
            return null;
        }

        private int charIndex(int codePointOffset) {
            if (bmpOnly) {
                return Math.min(codePointOffset, text.length());
            }
            try {
                return text.offsetByCodePoints(0, codePointOffset);
            } catch (IndexOutOfBoundsException e) {
                return text.length();
            }
        }

        private void remember(String anchor, YamlNode node) {
            if (anchor != null) {
                anchors.put(anchor, node);
            }
        }

        private void count(int weight) throws Fatal {
            nodes += weight;
            if (nodes > limits.maxNodes()) {
                throw new Fatal(new YamlProblem(start(), "the document grows past " + limits.maxNodes()
                        + " values (are aliases expanding it?)"));
            }
        }

        private Mark start() {
            return mark(parser.currentTokenLocation());
        }

        private Mark end() {
            return mark(parser.currentLocation());
        }

        private YamlProblem syntax(MarkedYAMLException e) {
            org.yaml.snakeyaml.error.Mark problemMark = e.getProblemMark() != null ? e.getProblemMark()
                    : e.getContextMark();
            Mark at = problemMark == null ? end()
                    : new Mark(problemMark.getLine() + 1, problemMark.getColumn() + 1, problemMark.getIndex());
            StringBuilder sb = new StringBuilder("YAML syntax: ").append(clean(e.getProblem()));
            if (e.getContext() != null && e.getContextMark() != null && problemMark != e.getContextMark()) {
                sb.append(" (").append(clean(e.getContext())).append(" that starts at ")
                        .append(e.getContextMark().getLine() + 1).append(':')
                        .append(e.getContextMark().getColumn() + 1).append(')');
            }
            return new YamlProblem(at, sb.toString());
        }
    }

    private static Mark mark(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return Mark.START;
        }
        return new Mark(location.getLineNr(), Math.max(1, location.getColumnNr()),
                (int) Math.max(0, location.getCharOffset()));
    }

    /** A one-line message without the parser's snippet and caret lines. */
    private static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable YAML";
        }
        String first = message.strip().lines().findFirst().orElse(message).strip();
        if (first.contains("(TAB)")) {
            return "a tab character cannot indent YAML; indent with spaces";
        }
        return first;
    }
}
