package dtaosim.studies.report;

import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for the flat summaries the command line prints: maps, lists, strings, numbers and
 * booleans. Doubles print in Java's shortest round-trip form; non-finite numbers are rejected, since JSON has
 * no representation for them.
 */
public final class Json {
    private Json() {
    }

    /** Serialises {@code value} with one key per line. */
    public static String write(final Object value) {
        final StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.toString();
    }

    private static void write(final StringBuilder out, final Object value, final int indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (final Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "\n" : ",\n").append(" ".repeat(indent + 1));
                string(out, String.valueOf(e.getKey()));
                out.append(": ");
                write(out, e.getValue(), indent + 1);
                first = false;
            }
            out.append(first ? "}" : "\n" + " ".repeat(indent) + "}");
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int k = 0; k < list.size(); k++) {
                out.append(k == 0 ? "" : ", ");
                write(out, list.get(k), indent + 1);
            }
            out.append(']');
        } else if (value instanceof double[] array) {
            out.append('[');
            for (int k = 0; k < array.length; k++) {
                out.append(k == 0 ? "" : ", ");
                number(out, array[k]);
            }
            out.append(']');
        } else if (value instanceof Double d) {
            number(out, d);
        } else if (value instanceof Float f) {
            if (!Float.isFinite(f)) {
                throw new IllegalArgumentException("JSON has no " + f);
            }
            out.append(f);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            string(out, value.toString());
        }
    }

    private static void number(final StringBuilder out, final double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("JSON has no " + d);
        }
        out.append(d);
    }

    /**
     * Appends {@code s} as a JSON string. Besides what JSON requires, {@code <} is escaped, so the text is safe
     * inside an HTML {@code <script>} element (no {@code </script>}, no {@code <!--}); JavaScript has allowed
     * U+2028/9 in strings since ES2019.
     */
    public static void string(final StringBuilder out, final String s) {
        out.append('"');
        for (int k = 0; k < s.length(); k++) {
            final char ch = s.charAt(k);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<' -> out.append("\\u003c");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
