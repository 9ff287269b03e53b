package dtaosim.studies.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test reader {@link JsonReader} must accept RFC 8259 JSON and reject everything else, or the CLI tests'
 *  "stdout is exactly one JSON object" would prove nothing. */
class JsonReaderTest {
    @Test
    void validJsonShouldReadIntoMapsListsAndDoubles() {
        assertEquals(Map.of("a", List.of(1.0, -2.5e-3, 1e21), "b", "x\"/\u00e9", "c", Arrays.asList(true, false, null)),
                JsonReader.read(" {\"a\": [1, -2.5E-3, 1e+21], \"b\": \"x\\\"\\/\\u00e9\",\r\n\t\"c\":[true,false,null]} "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{} {}", "{}x", "{\"a\": NaN}", "{\"a\": Infinity}", "{\"a\": -Infinity}",
        "{\"a\": 1, \"a\": 2}", "[1,]", "{\"a\": 01}", "{\"a\": 1.}", "{\"a\": .5}", "{\"a\": +1}", "{a: 1}",
        "{\"a\": \"x\ny\"}", "{\"a\": \"\\x\"}", "{\"a\": tru}", "{\"a\": 1", "'a'"})
    void invalidJsonShouldBeRejected(final String text) {
        assertThrows(IllegalArgumentException.class, () -> JsonReader.read(text));
    }

    @Test
    void aTopLevelArrayShouldNotPassAsAnObject() {
        assertThrows(IllegalArgumentException.class, () -> JsonReader.readObject("[1]"));
    }
}
