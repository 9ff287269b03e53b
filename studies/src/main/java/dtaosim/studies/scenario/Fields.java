package dtaosim.studies.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One YAML mapping of a scenario file, read field by field with its path ({@code behaviours[2]}), so that every
 * error names the field path, the value as written and what is allowed there. Unknown keys are refused when
 * the mapping is opened. The only place besides {@link ScenarioParser} that sees Jackson's tree.
 */
final class Fields {
    // a number as Double.toString writes it, not part of a name or a longer number
    private static final Pattern JAVA_DOUBLE = Pattern.compile("(?<![\\w.])-?[0-9]+\\.[0-9]+(?:E-?[0-9]+)?(?![\\w.])");

    private final String path;
    private final JsonNode node;

    private Fields(final String path, final JsonNode node) {
        this.path = path;
        this.node = node;
    }

    /** Opens {@code value} at {@code path} as a mapping whose keys are all among {@code allowed}. */
    static Fields of(final String path, final JsonNode value, final List<String> allowed) {
        if (!value.isObject()) {
            throw error(path, shown(value) + " is not a mapping" + allowedHint(allowed));
        }
        final Iterator<String> keys = value.fieldNames();
        while (keys.hasNext()) {
            final String key = keys.next();
            if (!allowed.contains(key)) {
                throw error(join(path, key), "unknown field" + allowedHint(allowed));
            }
        }
        return new Fields(path, value);
    }

    /** The path of this mapping ({@code ""} at the top level). */
    String path() {
        return path;
    }

    /** The path of one of its fields. */
    String path(final String key) {
        return join(path, key);
    }

    /** Whether the field is given. */
    boolean has(final String key) {
        return node.has(key);
    }

    /** The field's value, or null when it is not given. */
    JsonNode get(final String key) {
        return node.get(key);
    }

    /** The field's value; an error saying what to give when it is missing. */
    JsonNode require(final String key, final String what) {
        final JsonNode value = node.get(key);
        if (value == null) {
            throw error(path(key), "missing (" + what + ")");
        }
        return value;
    }

    /** A required whole number in [min, max]. */
    long whole(final String key, final long min, final long max, final String what) {
        return whole(path(key), require(key, what), min, max);
    }

    /** A required number. */
    double number(final String key, final String what) {
        return number(path(key), require(key, what));
    }

    /** A required boolean. */
    boolean bool(final String key, final String what) {
        return bool(path(key), require(key, what));
    }

    /** An optional number, {@code fallback} when absent. */
    double number(final String key, final double fallback) {
        final JsonNode value = node.get(key);
        return value == null ? fallback : number(path(key), value);
    }

    // ---- single values ----

    /** A whole number in [min, max]: a YAML integer, or a float with no fraction (e.g. {@code 1e3}). */
    static long whole(final String path, final JsonNode value, final long min, final long max) {
        final BigInteger whole;
        if (value.isIntegralNumber()) {
            whole = value.bigIntegerValue();
        } else if (value.isFloatingPointNumber() && Double.isFinite(value.doubleValue())
                && value.doubleValue() == Math.rint(value.doubleValue())) {
            whole = BigDecimal.valueOf(value.doubleValue()).toBigIntegerExact();
        } else {
            throw error(path, shown(value) + " is not a whole number");
        }
        if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
            throw error(path, shown(value) + " is not in [" + min + ", " + max + "]");
        }
        return whole.longValueExact();
    }

    /** A number (YAML int or float); ranges are checked by the caller. */
    static double number(final String path, final JsonNode value) {
        if (!value.isNumber()) {
            throw error(path, shown(value) + " is not a number");
        }
        return value.doubleValue();
    }

    /** A boolean ({@code true}/{@code false}; YAML also reads yes/no and on/off as booleans). */
    static boolean bool(final String path, final JsonNode value) {
        if (!value.isBoolean()) {
            throw error(path, shown(value) + " is not true or false");
        }
        return value.booleanValue();
    }

    /** A string. */
    static String text(final String path, final JsonNode value) {
        if (!value.isTextual()) {
            throw error(path, shown(value) + " is not a string");
        }
        return value.textValue();
    }

    /** The items of a list. */
    static List<JsonNode> list(final String path, final JsonNode value) {
        if (!value.isArray()) {
            throw error(path, shown(value) + " is not a list");
        }
        final List<JsonNode> items = new ArrayList<>(value.size());
        value.elements().forEachRemaining(items::add);
        return items;
    }

    /** A list of numbers. */
    static double[] numbers(final String path, final JsonNode value) {
        final List<JsonNode> items = list(path, value);
        final double[] out = new double[items.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = number(path + "[" + k + "]", items.get(k));
        }
        return out;
    }

    /** The value as the file wrote it: strings quoted, lists and mappings named. */
    static String shown(final JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        } else if (value.isTextual()) {
            return '"' + value.textValue() + '"';
        } else if (value.isArray()) {
            return "a list";
        } else if (value.isObject()) {
            return "a mapping";
        }
        if (value.isFloatingPointNumber()) {
            return plain(value.doubleValue());
        }
        return value.asText(); // whole numbers, booleans, null
    }

    /** The error for a field: {@code path: problem}. */
    static IllegalArgumentException error(final String path, final String problem) {
        return new IllegalArgumentException((path.isEmpty() ? "(top level)" : path) + ": " + problem);
    }

    /**
     * The same error with every number in Java's double form written as a user would: {@code -5.0} as
     * {@code -5}, {@code 2.1E7} as {@code 21000000} (the engine's checks print doubles; files say {@code -5}).
     */
    static IllegalArgumentException tidy(final IllegalArgumentException e) {
        final String message = e.getMessage();
        if (message == null) {
            return e;
        }
        final Matcher m = JAVA_DOUBLE.matcher(message);
        final StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(plain(Double.parseDouble(m.group()))));
        }
        m.appendTail(out);
        final String tidied = out.toString();
        return tidied.equals(message) ? e : new IllegalArgumentException(tidied, e);
    }

    /** A double as a user would write it: whole numbers without ".0" or an exponent. */
    static String plain(final double value) {
        final double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < 1e15) {
            return Long.toString((long) value);
        }
        if (magnitude >= 1e-7 && magnitude < 1e15) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString(); // 1.0E-4 as 0.0001
        }
        return Double.toString(value);
    }

    static String join(final String path, final String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String allowedHint(final List<String> allowed) {
        return "; allowed here: " + String.join(", ", allowed);
    }
}
