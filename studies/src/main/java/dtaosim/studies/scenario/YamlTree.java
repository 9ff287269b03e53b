package dtaosim.studies.scenario;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One YAML document as a Jackson tree with its anchors resolved: an alias ({@code *name}) stands for a copy of
 * the list or mapping anchored before it ({@code &name}), and a merge key ({@code <<: *name} or
 * {@code <<: [*a, *b]}) adds the keys of the anchored mappings that the mapping does not set itself, the first
 * merged mapping winning. Jackson's own tree reader keeps an alias as the string of its name (a field then read
 * {@code "b" is not a number}); its parser does not report anchors on single values, so an alias of one is
 * refused by name.
 */
final class YamlTree {
    private static final String MERGE_KEY = "<<";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final YAMLParser parser;
    private final Map<String, JsonNode> anchors = new HashMap<>();

    private YamlTree(final YAMLParser parser) {
        this.parser = parser;
    }

    /**
     * The next document's tree, or null when the parser has no more tokens; the parser stays on the last token
     * of the document.
     *
     * @throws Problem for an alias without a list or mapping anchored before it, or a merge of a non-mapping
     */
    static JsonNode read(final YAMLParser parser) throws IOException {
        return parser.nextToken() == null ? null : new YamlTree(parser).value();
    }

    /** The value that starts at the current token. */
    private JsonNode value() throws IOException {
        // the anchor (&name) of a list or mapping; Jackson reports it on the first key too, which is not read here
        final Object id = parser.getObjectId();
        final JsonNode node = switch (parser.currentToken()) {
            case START_OBJECT -> mapping();
            case START_ARRAY -> list();
            case VALUE_STRING -> parser.isCurrentAlias() ? alias(parser.getText()) : NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw problem("unexpected " + parser.currentToken());
        };
        if (id != null) {
            anchors.put(id.toString(), node);
        }
        return node;
    }

    private ObjectNode mapping() throws IOException {
        final ObjectNode mapping = NODES.objectNode();
        final List<JsonNode> merged = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            final String key = parser.currentName();
            parser.nextToken();
            final JsonNode value = value();
            if (key.equals(MERGE_KEY)) {
                merged.add(value);
            } else {
                mapping.set(key, value);
            }
        }
        for (final JsonNode source : merged) {
            final List<JsonNode> sources = new ArrayList<>();
            if (source.isArray()) {
                source.forEach(sources::add);
            } else {
                sources.add(source);
            }
            for (final JsonNode from : sources) {
                if (!from.isObject()) {
                    throw problem("a merge key (<<) takes a mapping or a list of mappings, not " + source);
                }
                for (final Map.Entry<String, JsonNode> field : from.properties()) {
                    if (!mapping.has(field.getKey())) {
                        mapping.set(field.getKey(), field.getValue().deepCopy());
                    }
                }
            }
        }
        return mapping;
    }

    private ArrayNode list() throws IOException {
        final ArrayNode list = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(value());
        }
        return list;
    }

    private JsonNode alias(final String name) {
        final JsonNode anchored = anchors.get(name);
        if (anchored == null) {
            throw problem("alias *" + name + " has no list or mapping anchored &" + name + " before it (aliases"
                    + " of lists and mappings are resolved, not of single values: write the value itself)");
        }
        return anchored.deepCopy();
    }

    private Problem problem(final String what) {
        return new Problem(ScenarioParser.fieldPath(parser),
                "line " + parser.currentLocation().getLineNr() + ": " + what);
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
