package org.memvirt.viewmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.memvirt.lesson.LessonLoad;
import org.memvirt.lesson.LessonLoader;
import org.memvirt.lesson.PlayedStep;
import org.memvirt.viewmodel.shell.Markdown.Alignment;
import org.memvirt.viewmodel.shell.Markdown.Block;
import org.memvirt.viewmodel.shell.Markdown.CodeBlock;
import org.memvirt.viewmodel.shell.Markdown.Heading;
import org.memvirt.viewmodel.shell.Markdown.ListBlock;
import org.memvirt.viewmodel.shell.Markdown.ListKind;
import org.memvirt.viewmodel.shell.Markdown.Paragraph;
import org.memvirt.viewmodel.shell.Markdown.Quote;
import org.memvirt.viewmodel.shell.Markdown.Rule;
import org.memvirt.viewmodel.shell.Markdown.Span;
import org.memvirt.viewmodel.shell.Markdown.Style;
import org.memvirt.viewmodel.shell.Markdown.Table;

/** Narration Markdown: CommonMark with GFM tables, reduced to the blocks the narration view draws. */
class MarkdownTest {

    @Test
    void paragraphsJoinTheirLinesAndSplitAtBlankLines() {
        Markdown md = Markdown.parse("one\ntwo\n\nthree\n");
        assertEquals(List.of(new Paragraph(List.of(new Span("one two", Set.of()))),
                new Paragraph(List.of(new Span("three", Set.of())))), md.blocks());
    }

    @Test
    void boldItalicAndCodeRuns() {
        Paragraph p = (Paragraph) Markdown.parse("a **24** b *locate* c `0x10` d").blocks().get(0);
        assertEquals(List.of(new Span("a ", Set.of()), new Span("24", Set.of(Style.BOLD)), new Span(" b ", Set.of()),
                new Span("locate", Set.of(Style.ITALIC)), new Span(" c ", Set.of()),
                new Span("0x10", Set.of(Style.CODE)), new Span(" d", Set.of())), p.spans());
    }

    @Test
    void nestedEmphasisCarriesBothStyles() {
        Paragraph p = (Paragraph) Markdown.parse("***both*** and **bold *and italic***").blocks().get(0);
        assertEquals(Set.of(Style.BOLD, Style.ITALIC), p.spans().get(0).styles());
        assertEquals(new Span("and italic", Set.of(Style.BOLD, Style.ITALIC)), p.spans().get(p.spans().size() - 1));
    }

    @Test
    void strayMarkersStayText() {
        assertEquals("2 * 3 = 6 and EPT_VIOLATION and a `", Markdown.parse("2 * 3 = 6 and EPT_VIOLATION and a `")
                .plainText());
    }

    @Test
    void headingsKeepTheirLevel() {
        List<Block> blocks = Markdown.parse("# Walk\n\n### The *host* side\ntext").blocks();
        assertEquals(new Heading(1, List.of(new Span("Walk", Set.of()))), blocks.get(0));
        Heading h3 = (Heading) blocks.get(1);
        assertEquals(3, h3.level());
        assertEquals("The host side", Markdown.join(h3.spans()));
        assertTrue(h3.spans().get(1).has(Style.ITALIC));
        assertInstanceOf(Paragraph.class, blocks.get(2));
    }

    @Test
    void fencedAndIndentedCodeKeepTheirLines() {
        List<Block> blocks = Markdown.parse("```\nmov cr3, rax\ninvlpg [rbx]\n```\n\n    indented *not italic*\n").blocks();
        assertEquals(List.of(new CodeBlock("mov cr3, rax\ninvlpg [rbx]"), new CodeBlock("indented *not italic*")),
                blocks);
    }

    @Test
    void bulletAndNumberedListsWithContinuationLines() {
        Markdown md = Markdown.parse("Intro:\n- first\n  still first\n- **second**\n\n3. three\n4. four");
        assertEquals(3, md.blocks().size());
        ListBlock bullets = (ListBlock) md.blocks().get(1);
        assertEquals(ListKind.BULLETED, bullets.kind());
        Paragraph first = (Paragraph) bullets.items().get(0).get(0);
        assertEquals("first still first", first.spans().get(0).text());
        assertTrue(((Paragraph) bullets.items().get(1).get(0)).spans().get(0).has(Style.BOLD));
        ListBlock numbers = (ListBlock) md.blocks().get(2);
        assertEquals(ListKind.NUMBERED, numbers.kind());
        assertEquals(3, numbers.start());
        assertEquals("Intro:\n\n• first still first\n• second\n\n3. three\n4. four", md.plainText());
    }

    @Test
    void aListItemMayHoldANestedList() {
        ListBlock outer = (ListBlock) Markdown.parse("- guest\n  - PML4\n  - PT\n- host").blocks().get(0);
        assertEquals(2, outer.items().size());
        ListBlock inner = (ListBlock) outer.items().get(0).get(1);
        assertEquals(2, inner.items().size());
    }

    @Test
    void linksKeepTheirTarget() {
        Paragraph p = (Paragraph) Markdown.parse("see [the SDM](https://www.intel.com/sdm) **now**").blocks().get(0);
        Span link = p.spans().get(1);
        assertEquals("the SDM", link.text());
        assertEquals("https://www.intel.com/sdm", link.link());
        assertTrue(link.isLink());
        assertNull(p.spans().get(0).link());
        assertFalse(p.spans().get(2).isLink());
    }

    @Test
    void quotesAndRules() {
        List<Block> blocks = Markdown.parse("> the guest never knows\n\n---\n").blocks();
        assertEquals(new Quote(List.of(new Paragraph(List.of(new Span("the guest never knows", Set.of()))))),
                blocks.get(0));
        assertEquals(new Rule(), blocks.get(1));
    }

    @Test
    void gfmTablesBecomeHeaderRowsAndCells() {
        Table t = (Table) Markdown.parse("| guest | host | refs |\n|:---|:---:|---:|\n| 4 | 4 | **24** |\n| 4 | 5 |\n")
                .blocks().get(0);
        assertEquals(3, t.columns());
        assertEquals(List.of(Alignment.LEFT, Alignment.CENTER, Alignment.RIGHT), t.alignments());
        assertEquals("guest", Markdown.join(t.header().get(0)));
        assertEquals(2, t.rows().size());
        assertTrue(t.rows().get(0).get(2).get(0).has(Style.BOLD));
        assertEquals(List.of(), t.rows().get(1).get(2), "a short row is padded to the header's width");
        assertEquals("guest | host | refs\n4 | 4 | 24\n4 | 5 | ", new Markdown(List.of(t)).plainText());
    }

    @Test
    void lessonEightsTableIsATableNotPipes() {
        LessonLoad load = new LessonLoader().load(Path.of("lessons/08-shadow-on-demand.yaml"));
        assertTrue(load.playable(), load.errors().toString());
        List<Table> tables = new ArrayList<>();
        for (PlayedStep s : load.played().steps()) {
            Markdown.parse(s.narration()).blocks().stream().filter(Table.class::isInstance)
                    .map(Table.class::cast).forEach(tables::add);
        }
        assertEquals(1, tables.size());
        assertEquals(3, tables.get(0).columns());
        assertEquals(2, tables.get(0).rows().size());
        assertFalse(Markdown.join(tables.get(0).rows().get(0).get(0)).contains("|"));
    }

    @Test
    void noShippedNarrationTurnsIntoCodeOrRawPipesByAccident() throws java.io.IOException {
        List<Path> files;
        try (var list = java.nio.file.Files.list(Path.of("lessons"))) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            LessonLoad load = new LessonLoader().load(f);
            assertTrue(load.playable(), f + ": " + load.errors());
            for (PlayedStep s : load.played().steps()) {
                for (String text : new String[] {s.narration(), s.prompt(), s.explanation()}) {
                    Markdown md = Markdown.parse(text);
                    String where = f + " step " + s.step().number();
                    assertFalse(md.blocks().stream().anyMatch(CodeBlock.class::isInstance), where + " has a code block");
                    assertFalse(md.plainText().contains("|---"), where + " shows table pipes");
                }
            }
        }
    }

    @Test
    void nothingIsNothing() {
        assertEquals(List.of(), Markdown.parse("").blocks());
        assertEquals(List.of(), Markdown.parse(null).blocks());
        assertEquals(List.of(), Markdown.parse("\n \n").blocks());
    }
}
