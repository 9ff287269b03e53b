package dtaosim.studies.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * One YAML document as a Jackson tree with its anchors resolved, as YAML defines them: an alias
 * ({@code *name}) stands for a copy of the value most recently anchored with {@code &name} before it (a single
 * value, a list or a mapping), and a merge key ({@code <<: *name} or {@code <<: [*a, *b]}) adds the keys of the
 * anchored mappings that the mapping does not set itself, the first merged mapping winning. Jackson's own tree
 * reader keeps an alias as the string of its name (a field then read {@code "b" is not a number}).
 *
 * <p>Jackson's parser reports the anchors of lists and mappings but not those of single values, so the text is
 * first read as SnakeYAML events (the events Jackson's parser is built on, in the same order) for the anchor of
 * each single value; each is checked against the value Jackson reads at that place.
 */
final class YamlTree {
    private static final String MERGE_KEY = "<<";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * Most values aliases and merge keys may copy in one document: far beyond any scenario, short of the
     * exponential growth of nested aliases ("billion laughs") that would exhaust the heap.
     */
    static final int MAX_COPIED_VALUES = 100_000;

    private final YAMLParser parser;
    /** Per single value (keys included) in document order: its anchor's event, or null without an anchor. */
    private final List<ScalarEvent> scalarAnchors;
    private int scalars;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    /** The lists and mappings being read, which an alias may not copy. */
    private final Set<JsonNode> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private int copiedValues;

    private YamlTree(final YAMLParser parser, final List<ScalarEvent> scalarAnchors) {
        this.parser = parser;
        this.scalarAnchors = scalarAnchors;
    }

    /**
     * The first document's tree, or null when the parser has no tokens; the parser stays on the last token of
     * the document.
     *
     * @param parser Jackson's parser of {@code text}, before its first token
     * @throws Problem for an alias without an anchor before it or inside the value it names, or a merge of
     *                 anything but mappings
     */
    static JsonNode read(final YAMLParser parser, final String text) throws IOException {
        return parser.nextToken() == null ? null : new YamlTree(parser, scalarAnchors(text)).value();
    }

    /** Each scalar event's anchor event in document order, or an empty list when the text has no anchors. */
    private static List<ScalarEvent> scalarAnchors(final String text) {
        final List<ScalarEvent> anchored = new ArrayList<>();
        if (text.indexOf('&') < 0) {
            return anchored;
        }
        try {
            boolean any = false;
            for (final Event event : new Yaml().parse(new StringReader(text))) {
                if (event instanceof ScalarEvent scalar) {
                    anchored.add(scalar.getAnchor() != null ? scalar : null);
                    any |= scalar.getAnchor() != null;
                }
            }
            return any ? anchored : new ArrayList<>();
        } catch (YAMLException e) {
            return anchored; // Jackson's parser reports the problem where it meets it
        }
    }

    /** The value that starts at the current token. */
    private JsonNode value() throws IOException {
        // the anchor (&name) of a list or mapping; Jackson reports it on the first key too, which is not read here
        final Object id = parser.getObjectId();
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                final ObjectNode mapping = NODES.objectNode();
                return container(id, mapping, () -> readMapping(mapping));
            }
            case START_ARRAY -> {
                final ArrayNode list = NODES.arrayNode();
                return container(id, list, () -> readList(list));
            }
            case VALUE_STRING -> {
                if (parser.isCurrentAlias()) {
                    return alias(parser.getText());
                }
                return scalar(NODES.textNode(parser.getText()));
            }
            case VALUE_NUMBER_INT -> {
                return scalar(switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                });
            }
            case VALUE_NUMBER_FLOAT -> {
                return scalar(NODES.numberNode(parser.getDoubleValue()));
            }
            case VALUE_TRUE -> {
                return scalar(NODES.booleanNode(true));
            }
            case VALUE_FALSE -> {
                return scalar(NODES.booleanNode(false));
            }
            case VALUE_NULL -> {
                return scalar(NODES.nullNode());
            }
            default -> throw problem("unexpected " + parser.currentToken(), parser.currentTokenLocation());
        }
    }

    /** Reads a list's or mapping's contents into {@code node}, known by its anchor while it is read. */
    private JsonNode container(final Object id, final JsonNode node, final Contents contents) throws IOException {
        if (id != null) {
            anchors.put(id.toString(), node);
        }
        open.add(node);
        contents.read();
        open.remove(node);
        return node;
    }

    /** What a list or mapping reads into its node. */
    @FunctionalInterface
    private interface Contents {
        void read() throws IOException;
    }

    /** A single value (or key) just read: registered under its anchor, if the events gave it one. */
    private JsonNode scalar(final JsonNode node) throws IOException {
        final int index = scalars++;
        final ScalarEvent anchored = index < scalarAnchors.size() ? scalarAnchors.get(index) : null;
        if (anchored != null) {
            if (!anchored.getValue().equals(parser.getText())) {
                // the events and Jackson's tokens fell out of step: refuse rather than guess
                throw problem("the anchor &" + anchored.getAnchor() + " could not be placed; write the value itself",
                        parser.currentTokenLocation());
            }
            anchors.put(anchored.getAnchor(), node);
        }
        return node;
    }

    private void readMapping(final ObjectNode mapping) throws IOException {
        final List<JsonNode> merged = new ArrayList<>();
        final List<JsonLocation> mergedAt = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            final String key = parser.currentName();
            scalar(NODES.textNode(key));
            final JsonLocation at = parser.currentTokenLocation();
            parser.nextToken();
            final JsonNode value = value();
            if (key.equals(MERGE_KEY)) {
                merged.add(value);
                mergedAt.add(at);
            } else {
                mapping.set(key, value);
            }
        }
        for (int m = 0; m < merged.size(); m++) {
            final JsonNode source = merged.get(m);
            final List<JsonNode> sources = new ArrayList<>();
            if (source.isArray()) {
                source.forEach(sources::add);
            } else {
                sources.add(source);
            }
            for (final JsonNode from : sources) {
                if (!from.isObject()) {
                    throw problem("a merge key (<<) takes a mapping or a list of mappings, not " + source,
                            mergedAt.get(m));
                }
                for (final Map.Entry<String, JsonNode> field : from.properties()) {
                    if (!mapping.has(field.getKey())) {
                        mapping.set(field.getKey(), copy(field.getValue(), mergedAt.get(m)));
                    }
                }
            }
        }
    }

    private void readList(final ArrayNode list) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(value());
        }
    }

    private JsonNode alias(final String name) {
        final JsonNode anchored = anchors.get(name);
        if (anchored == null) {
            throw problem("alias *" + name + " has no anchor &" + name + " before it", parser.currentTokenLocation());
        }
        if (open.contains(anchored)) {
            throw problem("alias *" + name + " is inside the value &" + name + " anchors; a value cannot contain"
                    + " itself", parser.currentTokenLocation());
        }
        return copy(anchored, parser.currentTokenLocation());
    }

    /** A copy of an anchored value, within {@link #MAX_COPIED_VALUES} for the document. */
    private JsonNode copy(final JsonNode value, final JsonLocation at) {
        copiedValues += count(value, MAX_COPIED_VALUES - copiedValues + 1);
        if (copiedValues > MAX_COPIED_VALUES) {
            throw problem("aliases and merge keys copy more than " + MAX_COPIED_VALUES + " values; write the values"
                    + " out instead", at);
        }
        return value.deepCopy();
    }

    /** The values in {@code node} (itself included), counted up to {@code most}. */
    private static int count(final JsonNode node, final int most) {
        int n = 1;
        for (final JsonNode child : node) {
            if (n >= most) {
                break;
            }
            n += count(child, most - n);
        }
        return n;
    }

    private Problem problem(final String what, final JsonLocation at) {
        return new Problem(ScenarioParser.fieldPath(parser), "line " + at.getLineNr() + ": " + what);
    }

    /** A document this reader refuses: the field being read (e.g. {@code behaviours[1]}, "" at the top) and why. */
    static final class Problem extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;

        Problem(final String field, final String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
