package org.memvirt.lesson.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The reader keeps places, shares aliased nodes instead of copying them, and merges {@code <<} keys. */
class YamlTreeReaderTest {
    private final YamlTreeReader reader = new YamlTreeReader(YamlLimits.LESSONS);

    @Test
    void keysAndValuesKeepTheirPlaces() {
        YamlDocument doc = reader.read("a: 1\nb:\n  c: [x, 'y']\n");
        YamlMap root = (YamlMap) doc.root();
        assertEquals(List.of(), doc.problems());
        assertEquals(new Mark(2, 1, 5), root.entry("b").keyStart());
        YamlSeq c = (YamlSeq) ((YamlMap) root.get("b")).get("c");
        assertEquals(3, c.items().get(1).start().line());
        assertEquals(10, c.items().get(1).start().column());
        assertEquals("y", ((YamlScalar) c.items().get(1)).text());
    }

    @Test
    void emptyAndNullValuesAreNull() {
        YamlMap root = (YamlMap) reader.read("a:\nb: ~\nc: null\nd: ''\n").root();
        assertTrue(((YamlScalar) root.get("a")).nullValue());
        assertTrue(((YamlScalar) root.get("b")).nullValue());
        assertTrue(((YamlScalar) root.get("c")).nullValue());
        assertEquals(false, ((YamlScalar) root.get("d")).nullValue());
    }

    @Test
    void numbersStayAsWritten() {
        YamlMap root = (YamlMap) reader.read("a: 0x7f3a_1c40_2000\nb: on\nc: 64M\n").root();
        assertEquals("0x7f3a_1c40_2000", ((YamlScalar) root.get("a")).text());
        assertEquals("on", ((YamlScalar) root.get("b")).text());
        assertEquals("64M", ((YamlScalar) root.get("c")).text());
    }

    @Test
    void aliasesShareTheAnchoredNode() {
        YamlDocument doc = reader.read("s: &s 42\nm: &m {k: 1}\nx: *s\ny: *m\n");
        YamlMap root = (YamlMap) doc.root();
        assertEquals(List.of(), doc.problems());
        assertSame(root.get("s"), root.get("x"));
        assertSame(root.get("m"), root.get("y"));
    }

    @Test
    void mergeKeysAddWhatTheMappingDoesNotSet() {
        YamlDocument doc = reader.read("base: &b {vm: guest, privilege: kernel}\nstep: {<<: *b, privilege: user, gva: 1}\n");
        YamlMap step = (YamlMap) ((YamlMap) doc.root()).get("step");
        assertEquals(List.of(), doc.problems());
        assertEquals(List.of("privilege", "gva", "vm"), step.entries().stream().map(YamlMap.Entry::key).toList());
        assertEquals("user", ((YamlScalar) step.get("privilege")).text());
        assertEquals("guest", ((YamlScalar) step.get("vm")).text());
    }

    @Test
    void aMergeOfAScalarIsAProblem() {
        YamlDocument doc = reader.read("a: &a 1\nb: {<<: *a}\n");
        assertEquals(List.of(new YamlProblem(new Mark(1, 4, 3),
                "'<<' merges a mapping (or a list of mappings) into this one, not a value")), doc.problems());
    }

    @Test
    void duplicateKeysAreReportedAndTheFirstKept() {
        YamlDocument doc = reader.read("a: 1\na: 2\n");
        assertEquals(List.of(new YamlProblem(new Mark(2, 1, 5), "duplicate key 'a' (first written at 1:1)")),
                doc.problems());
        assertEquals("1", ((YamlScalar) ((YamlMap) doc.root()).get("a")).text());
    }

    @Test
    void weightsCountAliasesAgain() {
        YamlMap root = (YamlMap) reader.read("a: &a [1, 2, 3]\nb: [*a, *a]\n").root();
        assertEquals(4, root.get("a").weight());
        assertEquals(9, root.get("b").weight());
    }

    @Test
    void limitsStopTheReader() {
        YamlTreeReader small = new YamlTreeReader(new YamlLimits(3, 10, 2, 5));
        assertEquals("nested deeper than 3 levels", small.read("a: [[[1]]]").problems().get(0).message());
        assertEquals("the document grows past 10 values (are aliases expanding it?)",
                small.read("a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]").problems().get(0).message());
        assertEquals("more than 2 aliases (*name)", small.read("a: &a 1\nb: [*a, *a, *a]").problems().get(0).message());
        YamlDocument longValue = small.read("a: abcdefgh");
        assertEquals("a value of 8 characters; at most 5 are allowed", longValue.problems().get(0).message());
        assertNull(small.read("a: [[[1]]]").root());
    }
}
