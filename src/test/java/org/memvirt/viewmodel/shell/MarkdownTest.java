package org.memvirt.viewmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.memvirt.viewmodel.shell.Markdown.ListBlock;
import org.memvirt.viewmodel.shell.Markdown.ListKind;
import org.memvirt.viewmodel.shell.Markdown.Paragraph;
import org.memvirt.viewmodel.shell.Markdown.Span;
import org.memvirt.viewmodel.shell.Markdown.Style;

/** The narration's Markdown subset. */
class MarkdownTest {

    @Test
    void paragraphsJoinTheirLinesAndSplitAtBlankLines() {
        Markdown md = Markdown.parse("one\ntwo\n\nthree\n");
        assertEquals(List.of(new Paragraph(List.of(new Span("one two", Set.of()))),
                new Paragraph(List.of(new Span("three", Set.of())))), md.blocks());
    }

    @Test
    void boldItalicAndCodeRuns() {
        List<Span> spans = Markdown.inline("a **24** b *locate* c `0x10` d");
        assertEquals(List.of(new Span("a ", Set.of()), new Span("24", Set.of(Style.BOLD)), new Span(" b ", Set.of()),
                new Span("locate", Set.of(Style.ITALIC)), new Span(" c ", Set.of()),
                new Span("0x10", Set.of(Style.CODE)), new Span(" d", Set.of())), spans);
    }

    @Test
    void strayMarkersStayText() {
        assertEquals("2 * 3 = 6 and EPT_VIOLATION and a `", Markdown.parse("2 * 3 = 6 and EPT_VIOLATION and a `")
                .plainText());
    }

    @Test
    void bulletAndNumberedListsWithContinuationLines() {
        Markdown md = Markdown.parse("Intro:\n- first\n  still first\n- **second**\n\n3. three\n4. four");
        assertEquals(3, md.blocks().size());
        ListBlock bullets = (ListBlock) md.blocks().get(1);
        assertEquals(ListKind.BULLETED, bullets.kind());
        assertEquals("first still first", bullets.items().get(0).get(0).text());
        assertTrue(bullets.items().get(1).get(0).has(Style.BOLD));
        ListBlock numbers = (ListBlock) md.blocks().get(2);
        assertEquals(ListKind.NUMBERED, numbers.kind());
        assertEquals(3, numbers.start());
        assertEquals("Intro:\n\n• first still first\n• second\n\n3. three\n4. four", md.plainText());
    }

    @Test
    void nothingIsNothing() {
        assertEquals(List.of(), Markdown.parse("").blocks());
        assertEquals(List.of(), Markdown.parse(null).blocks());
        assertEquals(List.of(), Markdown.parse("\n \n").blocks());
    }
}
