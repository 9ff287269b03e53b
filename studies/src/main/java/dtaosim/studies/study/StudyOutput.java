package dtaosim.studies.study;

import dtaosim.studies.report.html.HtmlReport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a study produces from its runs: the figures of {@code summary.json}, the distributions of the
 * {@code .hlog} file, the report page and a one-paragraph answer in words.
 */
public final class StudyOutput {
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final Map<String, Histogram> histograms = new LinkedHashMap<>();
    private final HtmlReport report;
    private String answer = "";

    /** An output whose report has {@code title}. */
    public StudyOutput(final String title) {
        this.report = new HtmlReport(title);
    }

    /** Figures by name (insertion order is the file's order). */
    public Map<String, Object> figures() {
        return figures;
    }

    /** Recorded distributions by tag. */
    public Map<String, Histogram> histograms() {
        return histograms;
    }

    /** The report page being built. */
    public HtmlReport report() {
        return report;
    }

    /** The answer in words. */
    public String answer() {
        return answer;
    }

    /** Sets the answer in words. */
    public void answer(final String text) {
        this.answer = text;
    }
}
