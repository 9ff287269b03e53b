package dtaosim.studies.report.html;

import dtaosim.studies.report.Json;

/**
 * A small JSON writer for chart data that goes inside an HTML {@code <script>} element: every {@code <} in a
 * string is written as a Unicode escape, so no string can close the element ({@code </script>}) or open an
 * HTML comment in it; non-finite numbers are written as {@code null}, which the charts draw as gaps.
 */
final class JsonText {
    private final StringBuilder out = new StringBuilder();
    private boolean first = true;
    private boolean afterKey;

    JsonText beginObject() {
        beforeValue();
        out.append('{');
        first = true;
        return this;
    }

    JsonText endObject() {
        out.append('}');
        first = false;
        return this;
    }

    JsonText beginArray() {
        beforeValue();
        out.append('[');
        first = true;
        return this;
    }

    JsonText endArray() {
        out.append(']');
        first = false;
        return this;
    }

    JsonText key(final String name) {
        if (!first) {
            out.append(',');
        }
        string(name);
        out.append(':');
        first = false;
        afterKey = true;
        return this;
    }

    JsonText value(final String s) {
        beforeValue();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    JsonText value(final double d) {
        beforeValue();
        number(d);
        return this;
    }

    JsonText value(final long n) {
        beforeValue();
        out.append(n);
        return this;
    }

    JsonText values(final double[] array) {
        beforeValue();
        out.append('[');
        for (int k = 0; k < array.length; k++) {
            if (k > 0) {
                out.append(',');
            }
            number(array[k]);
        }
        out.append(']');
        return this;
    }

    JsonText values(final long[] array) {
        beforeValue();
        out.append('[');
        for (int k = 0; k < array.length; k++) {
            if (k > 0) {
                out.append(',');
            }
            out.append(array[k]);
        }
        out.append(']');
        return this;
    }

    JsonText values(final String[] array) {
        beginArray();
        for (final String s : array) {
            value(s);
        }
        return endArray();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void beforeValue() {
        if (afterKey) {
            afterKey = false;
        } else if (!first) {
            out.append(',');
        }
        first = false;
    }

    private void number(final double d) {
        if (Double.isFinite(d)) {
            out.append(d); // Java's shortest round-trip form; "1.0E-5" is valid JSON
        } else {
            out.append("null");
        }
    }

    private void string(final String s) {
        Json.string(out, s); // escapes '<' too, so no string can end the script element
    }
}
