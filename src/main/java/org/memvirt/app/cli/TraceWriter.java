package org.memvirt.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.event.Event;
import org.memvirt.lesson.CounterNames;
import org.memvirt.lesson.PlayedLesson;
import org.memvirt.lesson.PlayedStep;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a played lesson as JSON Lines, step by step as it is played: for each step its narration (type {@code Narration}) and
 * its events ({@code {"step":N,"type":"WalkStep",...}}, fields in record order), then one
 * {@code Summary} line with the counters under DESIGN.md's names. Byte for byte the same for the
 * same lesson: fixed field order, exits in reason order, {@code \n} line ends.
 */
final class TraceWriter {
    private final ObjectMapper json = new ObjectMapper();
    private final Writer out;
    private final JsonGenerator gen;
    private final Map<Class<?>, RecordComponent[]> fields = new HashMap<>();
    private CounterSnapshot last;
    private int steps;

    TraceWriter(Writer out) throws IOException {
        this.out = out;
        this.gen = json.getFactory().createGenerator(out);
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        gen.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        gen.setRootValueSeparator(null);
    }

    /** Writes a whole played lesson and its Summary line. */
    void write(PlayedLesson played) throws IOException {
        last = played.initial().counters();
        for (PlayedStep s : played.steps()) {
            step(s);
        }
        summary();
    }

    /**
     * Writes one step as soon as it is played, so that a run holds no more than one step: its
     * narration and its events. Fails at once when the output cannot be written.
     */
    void step(PlayedStep s) throws IOException {
        int n = s.step().number();
        if (!s.narration().isEmpty()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("step", n);
            line.put("type", "Narration");
            line.put("chapter", s.step().chapter() + 1);
            line.put("title", s.step().title());
            line.put("text", s.narration());
            line(line);
        }
        for (Event e : s.result().events()) {
            event(n, e);
        }
        last = s.result().snapshot().counters();
        steps++;
        gen.flush();
        if (out instanceof PrintWriter pw && pw.checkError()) {
            throw new IOException("the output cannot be written");
        }
    }

    /** Starts counting from the lesson's initial state (for a lesson whose steps were streamed). */
    void start(CounterSnapshot initial) {
        if (last == null) {
            last = initial;
        }
    }

    /** The Summary line after the last step, with the counters then; flushes the output. */
    void summary() throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("type", "Summary");
        summary.put("steps", steps);
        summary.put("counters", counters(last));
        line(summary);
        gen.flush();
        out.flush();
        if (out instanceof PrintWriter pw && pw.checkError()) {
            throw new IOException("the output cannot be written");
        }
    }

    /** The counters under DESIGN.md's names and in its order ({@code nativeRefs} is inside {@code walkRefs}). */
    static Map<String, Object> counters(CounterSnapshot c) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String name : CounterNames.names()) {
            if (name.equals("nativeRefs")) {
                continue;
            }
            m.put(name, name.equals(CounterNames.VM_EXITS) ? CounterNames.exitsInOrder(c) : CounterNames.value(c, name));
        }
        return m;
    }

    /** One event as one line: step, type, then its fields in record order (enums by name). */
    private void event(int step, Event e) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("step", step);
        gen.writeStringField("type", e.type());
        for (RecordComponent rc : fields.computeIfAbsent(e.getClass(), Class::getRecordComponents)) {
            Object v;
            try {
                v = rc.getAccessor().invoke(e);
            } catch (IllegalAccessException | InvocationTargetException ex) {
                throw new IllegalStateException("cannot read " + rc.getName() + " of " + e.type(), ex);
            }
            gen.writeFieldName(rc.getName());
            if (v instanceof Enum<?> en) {
                gen.writeString(en.name());
            } else {
                gen.writeObject(v);
            }
        }
        gen.writeEndObject();
        gen.writeRaw('\n');
    }

    private void line(Map<String, Object> value) throws IOException {
        gen.writeObject(value);
        gen.writeRaw('\n');
    }
}
