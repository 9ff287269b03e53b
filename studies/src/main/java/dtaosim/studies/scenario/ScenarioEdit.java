package dtaosim.studies.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One value set at a parameter path of a scenario file before it is checked, e.g.
 * {@code parameters.movingAlpha=3e-5}, {@code behaviours[2].capitalTao=20000}, {@code rootStake=1e6} or
 * {@code era=taoflow-2025-11} (which replaces an era schedule). The edited file is checked like any other, so a
 * bad value is reported with its field path and allowed range.
 *
 * @param path  dotted path with [index] for list entries
 * @param value the value as written: a whole number, a number, true/false, or text
 */
public record ScenarioEdit(String path, String value) {
    /** Checks the path's syntax. */
    public ScenarioEdit {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("scenario path: empty; give e.g. parameters.movingAlpha");
        }
        tokens(path);
    }

    /** Applies the edit to a scenario's YAML tree (changing it) and returns the tree. */
    JsonNode apply(final JsonNode root) {
        if (!(root instanceof ObjectNode top)) {
            throw new IllegalArgumentException(path + ": the scenario is not a YAML mapping");
        }
        if (path.equals("era")) {
            top.remove("eras");
        }
        final List<Object> tokens = tokens(path);
        JsonNode node = top;
        final StringBuilder at = new StringBuilder();
        for (int k = 0; k < tokens.size() - 1; k++) {
            final Object token = tokens.get(k);
            final Object nextToken = tokens.get(k + 1);
            at.append(token instanceof Integer i ? "[" + i + "]" : (at.length() == 0 ? "" : ".") + token);
            JsonNode child = token instanceof Integer i ? node.get(i) : node.get((String) token);
            if (child == null || child.isNull()) {
                if (token instanceof String name && node instanceof ObjectNode object && nextToken instanceof String) {
                    child = object.putObject(name);
                } else {
                    throw new IllegalArgumentException(path + ": the scenario has no " + at
                            + (node.isArray() ? " (it has " + node.size() + " entries)" : ""));
                }
            }
            node = child;
        }
        final Object last = tokens.get(tokens.size() - 1);
        final JsonNode v = valueNode();
        if (last instanceof Integer i) {
            if (!(node instanceof ArrayNode array) || i >= array.size()) {
                throw new IllegalArgumentException(path + ": the scenario has no entry " + i + " there");
            }
            array.set(i, v);
        } else if (node instanceof ObjectNode object) {
            object.set((String) last, v);
        } else {
            throw new IllegalArgumentException(path + ": " + at + " is not a mapping");
        }
        return root;
    }

    private JsonNode valueNode() {
        final JsonNodeFactory f = JsonNodeFactory.instance;
        final String v = value.strip();
        try {
            return f.numberNode(Long.parseLong(v));
        } catch (NumberFormatException e) {
            // not a whole number
        }
        try {
            final double d = Double.parseDouble(v);
            if (!v.endsWith("d") && !v.endsWith("f") && !v.endsWith("D") && !v.endsWith("F")) {
                return f.numberNode(d);
            }
        } catch (NumberFormatException e) {
            // not a number
        }
        if (v.equals("true") || v.equals("false")) {
            return f.booleanNode(Boolean.parseBoolean(v));
        }
        return f.textNode(v);
    }

    /** Names (String) and list indices (Integer) of a path like {@code behaviours[2].capitalTao}. */
    private static List<Object> tokens(final String path) {
        final List<Object> tokens = new ArrayList<>();
        for (final String part : path.split("\\.", -1)) {
            final int bracket = part.indexOf('[');
            final String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                throw new IllegalArgumentException("scenario path '" + path + "': '" + part
                        + "' is not a key (letters, digits, - and _) with optional [index]");
            }
            tokens.add(name);
            String rest = bracket < 0 ? "" : part.substring(bracket);
            while (!rest.isEmpty()) {
                final int close = rest.indexOf(']');
                if (!rest.startsWith("[") || close < 2 || !rest.substring(1, close).matches("[0-9]{1,6}")) {
                    throw new IllegalArgumentException("scenario path '" + path + "': '" + part
                            + "' has a bad index; write e.g. behaviours[2]");
                }
                tokens.add(Integer.parseInt(rest.substring(1, close)));
                rest = rest.substring(close + 1);
            }
        }
        return tokens;
    }
}
