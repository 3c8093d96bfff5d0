package org.memvirt.lesson;

import java.util.List;
import java.util.function.Function;

/**
 * Narration text with placeholders such as {@code {hpa}} or {@code {walkRefs}} that are filled
 * from the step's own events and counters, so the words and the numbers cannot drift apart.
 * {@code {{} and {@code }}} stand for literal braces.
 *
 * @param parts text and placeholders in order
 */
public record NarrationTemplate(List<Part> parts) {
    /** No text. */
    public static final NarrationTemplate EMPTY = new NarrationTemplate(List.of());

    public NarrationTemplate {
        parts = List.copyOf(parts);
    }

    /** True when there is no text. */
    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** The placeholders, in order. */
    public List<Placeholder> placeholders() {
        return parts.stream().filter(Placeholder.class::isInstance).map(Placeholder.class::cast).toList();
    }

    /** The text with every placeholder replaced by {@code values}. */
    public String render(Function<Placeholder, String> values) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Literal l) {
                sb.append(l.text());
            } else if (p instanceof Placeholder ph) {
                sb.append(values.apply(ph));
            }
        }
        return sb.toString();
    }

    /** One piece of a template. */
    public sealed interface Part permits Literal, Placeholder {
    }

    /**
     * Text as written.
     *
     * @param text the text
     */
    public record Literal(String text) implements Part {
    }

    /**
     * A value of the step.
     *
     * @param name the name between the braces
     * @param at   where it is written
     */
    public record Placeholder(String name, SourceLocation at) implements Part {
    }
}
