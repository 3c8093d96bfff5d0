package org.memvirt.lesson;

import java.util.List;

import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.lesson.yaml.YamlNode;

/** Binds a step's {@code show:} key, the configuration whose walk the Walk view draws. */
final class ShownWalkBinder {
    private static final List<String> KEYS = List.of("mode", "guestLevels", "hostLevels", "guestPage", "hostPage",
            "walkCache");

    private ShownWalkBinder() {
    }

    /** The configuration, or null after reporting what is wrong (located at the value). */
    static ShownWalk bind(YamlNode node, Problems problems) {
        int before = problems.count();
        Fields f = Fields.of(node, "'show'", problems, KEYS);
        String mode = f.has("mode") ? f.choice("mode", List.of("native", "nested", "shadow"), "nested") : null;
        Integer guest = f.has("guestLevels") ? (int) f.integer("guestLevels", 4, 5, 4) : null;
        Integer host = f.has("hostLevels") ? (int) f.integer("hostLevels", 4, 5, 4) : null;
        PageSize guestPage = pageSize(f, "guestPage", problems);
        PageSize hostPage = pageSize(f, "hostPage", problems);
        boolean walkCache = f.bool("walkCache", false);
        if (problems.count() > before) {
            return null;
        }
        return new ShownWalk(mode == null ? null : PagingMode.parse(mode), guest, host, guestPage, hostPage, walkCache,
                problems.where(f.at()));
    }

    private static PageSize pageSize(Fields f, String key, Problems problems) {
        String t = f.text(key);
        if (t == null) {
            return null;
        }
        try {
            return PageSize.parse(t);
        } catch (IllegalArgumentException e) {
            problems.at(f.node(key), "'" + key + "' must be 4K, 2M or 1G, not '" + t + "'");
            return null;
        }
    }
}
