package org.memvirt.lesson;

/**
 * Text as one line: a message that echoes a value the user wrote (a block scalar, an answer with
 * line breaks) must still be one line of stderr, so that every error is exactly one
 * {@code FILE:LINE:COLUMN: message} line a script or an editor can read.
 */
public final class OneLine {
    private OneLine() {
    }

    /** {@code text} with line breaks as {@code \n}, tabs as {@code \t} and other control characters as {@code \\uXXXX}. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (escape != null) {
                    sb.append(escape);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                    return String.format("\\u%04x", (int) c);
                }
                return null;
        }
    }
}
