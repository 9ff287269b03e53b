package dtaosim.studies.study;

import dtaosim.engine.run.Scenario;
import java.util.Map;

/**
 * One point of a study's grid: a scenario variant run on the same seeds as the others (common random numbers).
 *
 * @param index       position in the grid
 * @param coordinates grid key → value of this cell (empty for a study without a grid)
 * @param scenario    the engine scenario, with the study's probe
 */
public record Cell(int index, Map<String, String> coordinates, Scenario scenario) {
    /** {@code key=value, ...}, or "all" for the only cell of a study without a grid. */
    public String label() {
        if (coordinates.isEmpty()) {
            return "all";
        }
        final StringBuilder s = new StringBuilder();
        for (final Map.Entry<String, String> e : coordinates.entrySet()) {
            s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
        }
        return s.toString();
    }
}
