package dtaosim.studies.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only strict JSON reader (RFC 8259) for checking what the command line prints: objects become
 * {@link LinkedHashMap} (duplicate keys rejected), arrays {@link List}, numbers {@link Double}, plus
 * {@link String}, {@link Boolean} and {@code null}. The whole text must be exactly one value, with only
 * whitespace around it; anything else, including NaN or Infinity, is an {@link IllegalArgumentException}.
 */
public final class JsonReader {
    // RFC 8259 §6: number = [ minus ] int [ frac ] [ exp ]
    private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

    private final String text;
    private int at;

    private JsonReader(final String text) {
        this.text = text;
    }

    /** The one JSON value that makes up {@code text}. */
    public static Object read(final String text) {
        final JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        final Object value = reader.value();
        reader.skipWhitespace();
        if (reader.at != text.length()) {
            throw reader.error("text after the JSON value");
        }
        return value;
    }

    /** The one JSON object that makes up {@code text}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(final String text) {
        final Object value = read(text);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("not a JSON object: " + text);
        }
        return (Map<String, Object>) value;
    }

    private Object value() {
        if (at >= text.length()) {
            throw error("end of text where a value was expected");
        }
        final char ch = text.charAt(at);
        switch (ch) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Map<String, Object> object() {
        final Map<String, Object> map = new LinkedHashMap<>();
        expect('{');
        skipWhitespace();
        if (peek('}')) {
            at++;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (!peek('"')) {
                throw error("a key string expected");
            }
            final String key = string();
            if (map.containsKey(key)) {
                throw error("duplicate key '" + key + "'");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            map.put(key, value());
            skipWhitespace();
            if (peek(',')) {
                at++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array() {
        final List<Object> list = new ArrayList<>();
        expect('[');
        skipWhitespace();
        if (peek(']')) {
            at++;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value());
            skipWhitespace();
            if (peek(',')) {
                at++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        expect('"');
        final StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            final char ch = text.charAt(at++);
            if (ch == '"') {
                return out.toString();
            } else if (ch < 0x20) {
                throw error("unescaped control character in a string");
            } else if (ch != '\\') {
                out.append(ch);
            } else {
                if (at >= text.length()) {
                    throw error("unterminated escape");
                }
                final char esc = text.charAt(at++);
                switch (esc) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        final String hex = text.substring(at, at + 4);
                        if (!hex.matches("[0-9a-fA-F]{4}")) {
                            throw error("bad \\u escape '" + hex + "'");
                        }
                        out.append((char) Integer.parseInt(hex, 16));
                        at += 4;
                    }
                    default -> throw error("bad escape '\\" + esc + "'");
                }
            }
        }
    }

    private Double number() {
        final Matcher m = NUMBER.matcher(text).region(at, text.length());
        if (!m.lookingAt()) {
            throw error("not a JSON value");
        }
        at = m.end();
        return Double.valueOf(m.group());
    }

    private Object literal(final String word, final Object value) {
        if (!text.startsWith(word, at)) {
            throw error("not a JSON value");
        }
        at += word.length();
        return value;
    }

    private boolean peek(final char ch) {
        return at < text.length() && text.charAt(at) == ch;
    }

    private void expect(final char ch) {
        if (!peek(ch)) {
            throw error("'" + ch + "' expected");
        }
        at++;
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            final char ch = text.charAt(at);
            if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') {
                return;
            }
            at++;
        }
    }

    private IllegalArgumentException error(final String what) {
        final int from = Math.max(0, at - 20);
        final int to = Math.min(text.length(), at + 20);
        return new IllegalArgumentException(what + " at offset " + at + ": ..." + text.substring(from, to) + "...");
    }
}
