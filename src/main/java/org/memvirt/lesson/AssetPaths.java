package org.memvirt.lesson;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The rule for paths a lesson names (a step's image, an image in its Markdown): relative,
 * {@code /}-separated, and never leaving the lesson's folder.
 */
final class AssetPaths {
    private AssetPaths() {
    }

    /** The normalised path, or null when it is not allowed (then {@link #problem} says why). */
    static String normalise(String path) {
        return problem(path) == null ? clean(path) : null;
    }

    /** Why {@code path} is not allowed, or null when it is. */
    static String problem(String path) {
        String p = path.strip();
        if (p.isEmpty()) {
            return "an empty path";
        }
        if (p.contains("\\")) {
            return "'" + p + "' uses a backslash; write paths with /";
        }
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || p.toLowerCase(Locale.ROOT).matches("^[a-z][a-z0-9+.-]*:.*")) {
            return "'" + p + "' is not a path relative to the lesson's folder";
        }
        if (clean(p) == null) {
            return "'" + p + "' leaves the lesson's folder";
        }
        return null;
    }

    private static String clean(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.strip().split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }
}
