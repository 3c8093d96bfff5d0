package org.memvirt.viewmodel.shell;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown subset lesson narration uses: paragraphs separated by blank lines, bullet lists
 * ({@code -} or {@code *}), numbered lists ({@code 1.}), and inside them {@code **bold**},
 * {@code *italic*} and {@code `code`}. Anything else is plain text, so a stray star never loses
 * words. Lines of a paragraph (or of a list item, when indented) are joined with a space.
 *
 * @param blocks the paragraphs and lists, in order
 */
public record Markdown(List<Block> blocks) {
    private static final Pattern BULLET = Pattern.compile("^\\s{0,3}[-*+]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s{0,3}(\\d{1,3})[.)]\\s+(.*)$");

    public Markdown {
        blocks = List.copyOf(blocks);
    }

    /** How a run of text looks. */
    public enum Style { BOLD, ITALIC, CODE }

    /** Whether a list is bulleted or numbered. */
    public enum ListKind { BULLETED, NUMBERED }

    /** A paragraph or a list. */
    public sealed interface Block {
    }

    /**
     * A run of text in one style.
     *
     * @param text   the text
     * @param styles its styles (empty: plain)
     */
    public record Span(String text, Set<Style> styles) {
        public Span {
            styles = styles.isEmpty() ? Set.of() : Set.copyOf(styles);
        }

        public boolean has(Style s) {
            return styles.contains(s);
        }
    }

    /**
     * A paragraph.
     *
     * @param spans its text
     */
    public record Paragraph(List<Span> spans) implements Block {
        public Paragraph {
            spans = List.copyOf(spans);
        }
    }

    /**
     * A list.
     *
     * @param kind  bulleted or numbered
     * @param start the first number of a numbered list
     * @param items each item's text
     */
    public record ListBlock(ListKind kind, int start, List<List<Span>> items) implements Block {
        public ListBlock {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    /** Parses {@code text}; never fails. */
    public static Markdown parse(String text) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        ListKind listKind = null;
        int listStart = 1;
        List<StringBuilder> items = new ArrayList<>();
        for (String raw : (text == null ? "" : text).replace("\r", "").split("\n", -1)) {
            String line = raw.stripTrailing();
            Matcher bullet = BULLET.matcher(line);
            Matcher numbered = NUMBERED.matcher(line);
            ListKind kind = bullet.matches() ? ListKind.BULLETED : numbered.matches() ? ListKind.NUMBERED : null;
            if (line.isBlank()) {
                flushParagraph(blocks, paragraph);
                continue;
            }
            if (kind != null) {
                flushParagraph(blocks, paragraph);
                if (listKind != kind) {
                    flushList(blocks, listKind, listStart, items);
                    listKind = kind;
                    listStart = kind == ListKind.NUMBERED ? Integer.parseInt(numbered.group(1)) : 1;
                }
                items.add(new StringBuilder(kind == ListKind.BULLETED ? bullet.group(1) : numbered.group(2)));
                continue;
            }
            boolean continuation = listKind != null && (raw.startsWith(" ") || raw.startsWith("\t"))
                    && paragraph.isEmpty();
            if (continuation) {
                items.get(items.size() - 1).append(' ').append(line.strip());
                continue;
            }
            flushList(blocks, listKind, listStart, items);
            listKind = null;
            if (!paragraph.isEmpty()) {
                paragraph.append(' ');
            }
            paragraph.append(line.strip());
        }
        flushParagraph(blocks, paragraph);
        flushList(blocks, listKind, listStart, items);
        return new Markdown(blocks);
    }

    /** The text without any markup, blocks separated by blank lines (for copying and tests). */
    public String plainText() {
        List<String> out = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Paragraph p) {
                out.add(join(p.spans()));
            } else if (b instanceof ListBlock l) {
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < l.items().size(); i++) {
                    String mark = l.kind() == ListKind.BULLETED ? "• " : (l.start() + i) + ". ";
                    lines.add(mark + join(l.items().get(i)));
                }
                out.add(String.join("\n", lines));
            }
        }
        return String.join("\n\n", out);
    }

    private static String join(List<Span> spans) {
        StringBuilder b = new StringBuilder();
        spans.forEach(s -> b.append(s.text()));
        return b.toString();
    }

    private static void flushParagraph(List<Block> blocks, StringBuilder paragraph) {
        if (!paragraph.isEmpty()) {
            blocks.add(new Paragraph(inline(paragraph.toString())));
            paragraph.setLength(0);
        }
    }

    private static void flushList(List<Block> blocks, ListKind kind, int start, List<StringBuilder> items) {
        if (kind != null && !items.isEmpty()) {
            blocks.add(new ListBlock(kind, start, items.stream().map(i -> inline(i.toString())).toList()));
        }
        items.clear();
    }

    /** Splits one block's text into styled runs. */
    public static List<Span> inline(String text) {
        List<Span> spans = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        EnumSet<Style> open = EnumSet.noneOf(Style.class);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '`') {
                int end = text.indexOf('`', i + 1);
                if (end > i) {
                    flush(spans, plain, open);
                    EnumSet<Style> code = EnumSet.copyOf(open);
                    code.add(Style.CODE);
                    spans.add(new Span(text.substring(i + 1, end), code));
                    i = end + 1;
                    continue;
                }
            } else if (c == '*' || c == '_' && wordBoundary(text, i)) {
                boolean dbl = i + 1 < text.length() && text.charAt(i + 1) == c;
                Style style = dbl ? Style.BOLD : Style.ITALIC;
                int width = dbl ? 2 : 1;
                String marker = text.substring(i, i + width);
                if (open.contains(style) || text.indexOf(marker, i + width) > i + width) {
                    flush(spans, plain, open);
                    if (!open.remove(style)) {
                        open.add(style);
                    }
                    i += width;
                    continue;
                }
            }
            plain.append(c);
            i++;
        }
        flush(spans, plain, open);
        return spans;
    }

    private static boolean wordBoundary(String text, int i) {
        boolean before = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
        boolean after = i + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 1));
        return before || after;
    }

    private static void flush(List<Span> spans, StringBuilder plain, Set<Style> styles) {
        if (!plain.isEmpty()) {
            spans.add(new Span(plain.toString(), styles.isEmpty() ? Set.of() : EnumSet.copyOf(styles)));
            plain.setLength(0);
        }
    }
}
