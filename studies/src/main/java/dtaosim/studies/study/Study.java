package dtaosim.studies.study;

import dtaosim.engine.run.RunResult;
import java.util.List;

/**
 * A study: what it reads from every cell's per-path outcomes and series once all paths are in. The engine runs
 * are the same for every study ({@link StudyPlan}); a study only analyses, so a sharded, resumed or distributed
 * run gives the same figures as a plain one.
 */
public interface Study {
    /** The study's name on the command line. */
    String name();

    /** One line for the help. */
    String description();

    /**
     * Figures, distributions, report and answer of the study.
     *
     * @param plan    the study's plan
     * @param results per cell, in cell order, the outcomes of all paths
     */
    StudyOutput analyse(StudyPlan plan, List<RunResult> results);
}
