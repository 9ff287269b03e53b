package dtaosim.studies.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Json}: RFC 8259 output (strings escaped per §7, numbers per §6, which has no NaN or Infinity), checked
 * against literal expected text and by reading the output back with the strict test reader {@link JsonReader}.
 */
class JsonTest {
    @Test
    void quotesBackslashesAndControlCharactersShouldBeEscaped() {
        final String nasty = "say \"hi\" \\ back\nslash\r\ttab \u0001 \u001f end";
        assertEquals("\"say \\\"hi\\\" \\\\ back\\nslash\\r\\ttab \\u0001 \\u001f end\"", Json.write(nasty));
        assertEquals(nasty, JsonReader.read(Json.write(nasty)));
    }

    @Test
    void keysShouldBeEscapedLikeValues() {
        final Map<String, Object> map = Map.of("a\"b\n", "x");
        assertEquals("{\n \"a\\\"b\\n\": \"x\"\n}", Json.write(map));
        assertEquals(map, JsonReader.read(Json.write(map)));
    }

    @Test
    void nonAsciiTextShouldPassThroughUnchanged() {
        assertEquals("\"≥ 0, é, \u2028\"", Json.write("≥ 0, é, \u2028"));
    }

    @Test
    void nonFiniteNumbersShouldBeRejectedWhereverTheyAppear() {
        for (final double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> Json.write(bad), "Double " + bad);
            assertThrows(IllegalArgumentException.class, () -> Json.write(new double[] {1.0, bad}), "double[] " + bad);
            assertThrows(IllegalArgumentException.class, () -> Json.write(List.of(1.0, bad)), "List " + bad);
            assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("k", bad)), "Map " + bad);
        }
        for (final float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> Json.write(bad), "Float " + bad);
        }
    }

    @Test
    void doublesShouldReadBackToTheSameBits() {
        final double[] values = {0.1, -0.0, 1e-300, 4.9e-324, Double.MAX_VALUE, 1e21, 627935.5167228379, -16.5};
        final Object back = JsonReader.read(Json.write(values));
        assertEquals(Arrays.stream(values).boxed().toList(), back);
    }

    @Test
    void summaryShapedMapsShouldPrintOneKeyPerLineInInsertionOrder() {
        final Map<String, Object> map = new LinkedHashMap<>();
        map.put("checksum_tao", 1.5);
        map.put("q05_q50_q95", new double[] {-1.0, 0.0, 2.5});
        map.put("threads", 2);
        map.put("java_version", "17.0.15");
        map.put("nested", Map.of("ok", true));
        map.put("list", Arrays.asList("a", null, 3L));
        map.put("empty", Map.of());
        assertEquals("{\n"
                + " \"checksum_tao\": 1.5,\n"
                + " \"q05_q50_q95\": [-1.0, 0.0, 2.5],\n"
                + " \"threads\": 2,\n"
                + " \"java_version\": \"17.0.15\",\n"
                + " \"nested\": {\n"
                + "  \"ok\": true\n"
                + " },\n"
                + " \"list\": [\"a\", null, 3],\n"
                + " \"empty\": {}\n"
                + "}", Json.write(map));
    }
}
