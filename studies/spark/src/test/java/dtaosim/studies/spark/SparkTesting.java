package dtaosim.studies.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dtaosim.studies.cli.Main;
import dtaosim.studies.study.StudyEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Small studies and a small Spark for the tests: {@code local[...]} on 127.0.0.1, no UI, few partitions. */
final class SparkTesting {
    /** meme-capture on meme-loop-demo: 12 paths, 0.2 days, the default capital grid of 5 cells. */
    static final List<String> MEME = List.of("meme-capture", "--paths", "12", "--blocks", "1440", "--samples", "12");
    /** eras on meme-loop-demo: 6 paths, 0.1 days, three eras. */
    static final List<String> ERAS = List.of("eras", "--paths", "6", "--blocks", "720", "--samples", "8",
            "--era", "launch-2025-02,taoflow-2025-11,price-burn-2026-06");
    static final String SCENARIO = "meme-loop-demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SparkTesting() {
    }

    static SparkSession spark(final String master, final String... settings) {
        final SparkSession.Builder builder = SparkSession.builder().appName("dtaosim-test").master(master)
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2");
        for (int k = 0; k < settings.length; k += 2) {
            builder.config(settings[k], settings[k + 1]);
        }
        final SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /** {@code dtaosim study} in this JVM; fails on a non-zero exit. */
    static String cli(final List<String> study, final Path out, final String... extra) {
        final List<String> args = new ArrayList<>(List.of("study"));
        args.add(study.get(0));
        args.add(SCENARIO);
        args.addAll(study.subList(1, study.size()));
        args.addAll(Arrays.asList(extra));
        args.addAll(List.of("--quiet", "--out", out.toString()));
        final StringWriter o = new StringWriter();
        final StringWriter e = new StringWriter();
        final int code;
        try (PrintWriter pw = new PrintWriter(o, true); PrintWriter pe = new PrintWriter(e, true)) {
            code = Main.execute(pw, pe, args.toArray(String[]::new));
        }
        if (code != 0) {
            throw new AssertionError("dtaosim " + args + " exited " + code + ": " + e);
        }
        return o.toString();
    }

    /** The study on {@code spark} in {@code pieces} partitions, one thread per task. */
    static SparkStudy.Outcome onSpark(final SparkSession spark, final List<String> study, final Path out,
                                      final int pieces) throws IOException {
        final StringWriter o = new StringWriter();
        try (PrintWriter pw = new PrintWriter(o, true)) {
            return SparkStudy.run(spark, new StudyEngine.Job(study, SCENARIO, out.toString(), pieces, 1), pw, null);
        }
    }

    /** summary.json without its stamp: every figure and what produced them. */
    static ObjectNode figures(final Path dir) throws IOException {
        final ObjectNode summary = (ObjectNode) JSON.readTree(Files.readString(dir.resolve("summary.json")));
        summary.remove("stamp");
        return summary;
    }
}
