package org.memvirt.viewmodel.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lesson narration as blocks a view can draw: standard CommonMark with GFM tables, parsed by
 * commonmark-java ({@link MarkdownReader}) and reduced to what narration needs — paragraphs,
 * headings, code blocks, lists, block quotes, rules and tables, with bold, italic, code and link
 * runs inside them. The model holds no JavaFX type, so it is tested without the toolkit and any
 * view can draw it (docs/decisions/0015-words-narration-markdown.md).
 *
 * @param blocks the blocks, in order
 */
public record Markdown(List<Block> blocks) {

    public Markdown {
        blocks = List.copyOf(blocks);
    }

    /** How a run of text looks. */
    public enum Style { BOLD, ITALIC, CODE }

    /** Whether a list is bulleted or numbered. */
    public enum ListKind { BULLETED, NUMBERED }

    /** How a table column's cells are aligned. */
    public enum Alignment { LEFT, CENTER, RIGHT }

    /** One block of narration. */
    public sealed interface Block permits Paragraph, Heading, CodeBlock, ListBlock, Quote, Rule, Table {
    }

    /**
     * A run of text in one style, possibly a link.
     *
     * @param text   the text
     * @param styles its styles (empty: plain)
     * @param link   where a click on it leads, or {@code null} when it is not a link
     */
    public record Span(String text, Set<Style> styles, String link) {
        public Span {
            styles = styles.isEmpty() ? Set.of() : Set.copyOf(styles);
        }

        /** A run that is not a link. */
        public Span(String text, Set<Style> styles) {
            this(text, styles, null);
        }

        public boolean has(Style s) {
            return styles.contains(s);
        }

        public boolean isLink() {
            return link != null;
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
     * A heading.
     *
     * @param level 1 ({@code #}) to 6
     * @param spans its text
     */
    public record Heading(int level, List<Span> spans) implements Block {
        public Heading {
            spans = List.copyOf(spans);
        }
    }

    /**
     * A fenced or indented code block, drawn in a monospaced font with its lines kept.
     *
     * @param code its text, without the final line break
     */
    public record CodeBlock(String code) implements Block {
    }

    /**
     * A list; each item is itself a list of blocks (a paragraph, a nested list, …).
     *
     * @param kind  bulleted or numbered
     * @param start the first number of a numbered list
     * @param items each item's blocks
     */
    public record ListBlock(ListKind kind, int start, List<List<Block>> items) implements Block {
        public ListBlock {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A block quote.
     *
     * @param blocks what it quotes
     */
    public record Quote(List<Block> blocks) implements Block {
        public Quote {
            blocks = List.copyOf(blocks);
        }
    }

    /** A thematic break ({@code ---}). */
    public record Rule() implements Block {
    }

    /**
     * A GFM table.
     *
     * @param alignments each column's alignment
     * @param header     the header row: one list of spans per column
     * @param rows       the body rows, each as wide as the header
     */
    public record Table(List<Alignment> alignments, List<List<Span>> header, List<List<List<Span>>> rows)
            implements Block {
        public Table {
            alignments = List.copyOf(alignments);
            header = header.stream().map(List::copyOf).toList();
            rows = rows.stream().map(r -> r.stream().map(List::copyOf).toList()).toList();
        }

        public int columns() {
            return header.size();
        }
    }

    /** Parses {@code text} as CommonMark with GFM tables; never fails (anything is some Markdown). */
    public static Markdown parse(String text) {
        return new Markdown(MarkdownReader.read(text == null ? "" : text));
    }

    /** The text without any markup, blocks separated by blank lines (for copying and tests). */
    public String plainText() {
        List<String> out = new ArrayList<>();
        blocks.forEach(b -> out.add(plain(b)));
        return String.join("\n\n", out);
    }

    private static String plain(Block block) {
        if (block instanceof Paragraph p) {
            return join(p.spans());
        } else if (block instanceof Heading h) {
            return join(h.spans());
        } else if (block instanceof CodeBlock c) {
            return c.code();
        } else if (block instanceof Rule) {
            return "---";
        } else if (block instanceof Quote q) {
            return "> " + new Markdown(q.blocks()).plainText().replace("\n", "\n> ");
        } else if (block instanceof ListBlock l) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < l.items().size(); i++) {
                String mark = l.kind() == ListKind.BULLETED ? "• " : (l.start() + i) + ". ";
                lines.add(mark + new Markdown(l.items().get(i)).plainText().replace("\n\n", "\n"));
            }
            return String.join("\n", lines);
        } else if (block instanceof Table t) {
            List<String> lines = new ArrayList<>();
            lines.add(row(t.header()));
            t.rows().forEach(r -> lines.add(row(r)));
            return String.join("\n", lines);
        }
        throw new IllegalStateException("a block kind plainText does not know: " + block);
    }

    private static String row(List<List<Span>> cells) {
        return String.join(" | ", cells.stream().map(Markdown::join).toList());
    }

    /** The text of a run of spans. */
    public static String join(List<Span> spans) {
        StringBuilder b = new StringBuilder();
        spans.forEach(s -> b.append(s.text()));
        return b.toString();
    }
}
