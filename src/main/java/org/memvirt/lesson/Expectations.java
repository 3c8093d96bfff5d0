package org.memvirt.lesson;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.lesson.yaml.YamlMap;
import org.memvirt.lesson.yaml.YamlNode;

/**
 * Reads {@code expect:} (the step's own change in each counter) and {@code expectTotal:} (the
 * running totals after the step): counter names with whole numbers, and {@code vmExits} as a
 * number (all reasons) or as a mapping of reasons.
 */
final class Expectations {
    private Expectations() {
    }

    static List<Expectation> parse(YamlNode node, boolean total, Problems problems) {
        String what = total ? "'expectTotal'" : "'expect'";
        List<Expectation> out = new ArrayList<>();
        Fields.of(node, what, problems, CounterNames.names());
        if (!(node instanceof YamlMap m)) {
            return out;
        }
        for (YamlMap.Entry e : m.entries()) {
            if (!CounterNames.names().contains(e.key())) {
                continue;
            }
            if (e.key().equals(CounterNames.VM_EXITS) && e.value() instanceof YamlMap reasons) {
                Fields.of(reasons, "vmExits", problems, CounterNames.exitReasons());
                for (YamlMap.Entry r : reasons.entries()) {
                    if (CounterNames.exitReasons().contains(r.key())) {
                        add(out, CounterNames.VM_EXITS + "." + r.key(), r.value(), total, problems);
                    }
                }
                continue;
            }
            add(out, e.key(), e.value(), total, problems);
        }
        return out;
    }

    private static void add(List<Expectation> out, String counter, YamlNode value, boolean total, Problems problems) {
        Long v = Fields.Scalars.integer(value, counter, total ? 0 : -Long.MAX_VALUE, Long.MAX_VALUE, problems);
        if (v != null) {
            out.add(new Expectation(counter, v, total, problems.where(value.start())));
        }
    }
}
