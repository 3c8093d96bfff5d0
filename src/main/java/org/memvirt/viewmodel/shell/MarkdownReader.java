package org.memvirt.viewmodel.shell;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

import org.memvirt.viewmodel.shell.Markdown.Alignment;
import org.memvirt.viewmodel.shell.Markdown.Block;
import org.memvirt.viewmodel.shell.Markdown.ListKind;
import org.memvirt.viewmodel.shell.Markdown.Span;
import org.memvirt.viewmodel.shell.Markdown.Style;

/**
 * Turns commonmark-java's node tree into {@link Markdown} blocks. A soft line break is a space
 * (the lesson format says single line breaks are spaces); raw HTML is kept as text, since
 * narration is not a web page; a picture shows its description in italics.
 */
final class MarkdownReader {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private MarkdownReader() {
    }

    static List<Block> read(String text) {
        return blocks(PARSER.parse(text));
    }

    private static List<Block> blocks(Node parent) {
        List<Block> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            Block b = block(n);
            if (b != null) {
                out.add(b);
            }
        }
        return out;
    }

    private static Block block(Node n) {
        if (n instanceof org.commonmark.node.Paragraph) {
            return new Markdown.Paragraph(spans(n));
        } else if (n instanceof org.commonmark.node.Heading h) {
            return new Markdown.Heading(h.getLevel(), spans(n));
        } else if (n instanceof FencedCodeBlock c) {
            return new Markdown.CodeBlock(stripFinalBreak(c.getLiteral()));
        } else if (n instanceof IndentedCodeBlock c) {
            return new Markdown.CodeBlock(stripFinalBreak(c.getLiteral()));
        } else if (n instanceof HtmlBlock h) {
            return new Markdown.Paragraph(List.of(new Span(stripFinalBreak(h.getLiteral()), Set.of())));
        } else if (n instanceof BulletList) {
            return new Markdown.ListBlock(ListKind.BULLETED, 1, items(n));
        } else if (n instanceof OrderedList o) {
            Integer start = o.getMarkerStartNumber();
            return new Markdown.ListBlock(ListKind.NUMBERED, start == null ? 1 : start, items(n));
        } else if (n instanceof BlockQuote) {
            return new Markdown.Quote(blocks(n));
        } else if (n instanceof ThematicBreak) {
            return new Markdown.Rule();
        } else if (n instanceof TableBlock) {
            return table(n);
        }
        return null;
    }

    private static List<List<Block>> items(Node list) {
        List<List<Block>> items = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem) {
                items.add(blocks(item));
            }
        }
        return items;
    }

    /** A table: the header row (from the table head) and the body rows, every row as wide as the header. */
    private static Markdown.Table table(Node table) {
        List<Alignment> alignments = new ArrayList<>();
        List<List<Span>> header = new ArrayList<>();
        List<List<List<Span>>> rows = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<List<Span>> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell c) {
                        cells.add(spans(c));
                        if (c.isHeader()) {
                            alignments.add(alignment(c.getAlignment()));
                        }
                    }
                }
                if (header.isEmpty() && !alignments.isEmpty()) {
                    header.addAll(cells);
                } else {
                    rows.add(cells);
                }
            }
        }
        int width = header.size();
        List<List<List<Span>>> even = rows.stream().map(r -> fit(r, width)).toList();
        return new Markdown.Table(alignments, header, even);
    }

    private static List<List<Span>> fit(List<List<Span>> row, int width) {
        List<List<Span>> out = new ArrayList<>(row.subList(0, Math.min(width, row.size())));
        while (out.size() < width) {
            out.add(List.of());
        }
        return out;
    }

    private static Alignment alignment(TableCell.Alignment a) {
        if (a == null) {
            return Alignment.LEFT;
        }
        return switch (a) {
            case LEFT -> Alignment.LEFT;
            case CENTER -> Alignment.CENTER;
            case RIGHT -> Alignment.RIGHT;
        };
    }

    /** The styled runs inside a block, adjacent runs of one look joined. */
    private static List<Span> spans(Node block) {
        List<Span> out = new ArrayList<>();
        inline(block, EnumSet.noneOf(Style.class), null, out);
        return out;
    }

    private static void inline(Node parent, Set<Style> styles, String link, List<Span> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                add(out, t.getLiteral(), styles, link);
            } else if (n instanceof Code c) {
                add(out, c.getLiteral(), with(styles, Style.CODE), link);
            } else if (n instanceof SoftLineBreak) {
                add(out, " ", styles, link);
            } else if (n instanceof HardLineBreak) {
                add(out, "\n", styles, link);
            } else if (n instanceof Emphasis) {
                inline(n, with(styles, Style.ITALIC), link, out);
            } else if (n instanceof StrongEmphasis) {
                inline(n, with(styles, Style.BOLD), link, out);
            } else if (n instanceof Link l) {
                inline(n, styles, l.getDestination(), out);
            } else if (n instanceof Image) {
                inline(n, with(styles, Style.ITALIC), link, out);
            } else if (n instanceof HtmlInline h) {
                add(out, h.getLiteral(), styles, link);
            } else {
                inline(n, styles, link, out);
            }
        }
    }

    private static Set<Style> with(Set<Style> styles, Style s) {
        EnumSet<Style> more = styles.isEmpty() ? EnumSet.noneOf(Style.class) : EnumSet.copyOf(styles);
        more.add(s);
        return more;
    }

    private static void add(List<Span> out, String text, Set<Style> styles, String link) {
        if (text.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            Span last = out.get(out.size() - 1);
            if (last.styles().equals(styles) && Objects.equals(last.link(), link)) {
                out.set(out.size() - 1, new Span(last.text() + text, styles, link));
                return;
            }
        }
        out.add(new Span(text, styles, link));
    }

    private static String stripFinalBreak(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
