package dtaosim.studies.spark;

import dtaosim.studies.cli.StudyCommand;
import dtaosim.studies.study.StudyEngine;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * {@code dtaosim study ... --engine spark}: the study on the active Spark session, the master spark-submit
 * gives, or an in-process {@code local[*]} (see {@link SparkStudy#session}). Registered for
 * {@link java.util.ServiceLoader} in {@code META-INF/services}.
 */
public final class SparkStudyEngine implements StudyEngine {
    @Override
    public String name() {
        return StudyCommand.SPARK;
    }

    @Override
    public int run(final Job job, final PrintWriter out, final PrintStream err) throws Exception {
        final Map.Entry<SparkSession, Boolean> session = SparkStudy.session();
        try {
            SparkStudy.run(session.getKey(), job, out, err);
            return 0;
        } finally {
            if (session.getValue()) {
                session.getKey().stop();
            }
        }
    }
}
