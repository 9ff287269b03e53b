package dtaosim.studies.study;

import dtaosim.studies.scenario.ScenarioEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * One dimension of a study's grid: a scenario parameter path and the values it takes,
 * {@code --sweep KEY=V1,V2,...}.
 *
 * @param key    scenario parameter path ({@link ScenarioEdit})
 * @param values the values, in the order given
 */
public record Sweep(String key, List<String> values) {
    /** Checks the key and copies the values. */
    public Sweep {
        new ScenarioEdit(key, "0"); // checks the path's syntax
        if (values.isEmpty()) {
            throw new IllegalArgumentException("--sweep " + key + ": no values; write KEY=V1,V2,...");
        }
        values = List.copyOf(values);
    }

    /** Parses {@code KEY=V1,V2,...}. */
    public static Sweep parse(final String text) {
        final int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--sweep: '" + text + "' is not KEY=V1,V2,... (e.g. "
                    + "parameters.movingAlpha=3e-6,3e-5,3e-4)");
        }
        final List<String> values = new ArrayList<>();
        for (final String v : text.substring(eq + 1).split(",", -1)) {
            if (v.isBlank()) {
                throw new IllegalArgumentException("--sweep " + text.substring(0, eq) + ": an empty value in '"
                        + text + "'");
            }
            if (values.contains(v.strip())) {
                // a cell twice would only repeat a run (and the eras study would compare an era with itself)
                throw new IllegalArgumentException("--sweep " + text.substring(0, eq) + ": the value " + v.strip()
                        + " is given twice in '" + text + "'");
            }
            values.add(v.strip());
        }
        return new Sweep(text.substring(0, eq).strip(), values);
    }

    /** As written on the command line. */
    @Override
    public String toString() {
        return key + "=" + String.join(",", values);
    }
}
