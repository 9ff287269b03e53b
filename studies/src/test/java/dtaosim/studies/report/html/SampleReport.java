package dtaosim.studies.report.html;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** A report with every kind of block and chart, on made-up numbers shaped like a meme-capture study's. */
final class SampleReport {
    static final int CHARTS = 5;

    private SampleReport() {
    }

    static HtmlReport build() {
        final HtmlReport report = new HtmlReport("Meme capture \u2014 sn28-2025-02 (sample data)");
        report.paragraph("Over 1,000 paths of 30 days, the meme subnet reached 10 % of emission on 412 paths "
                + "(41.2 %, 95 % Wilson interval 38.2\u201344.3 %), after a median of 6.5 days. The cohort lost money "
                + "on 58 % of paths; the median loss was 1,240 TAO.");
        report.figures(List.of(
                new String[] {"paths \u00d7 days", "1,000 \u00d7 30"},
                new String[] {"P(share \u2265 10 % within 30 days)", "41.2 % (38.2\u201344.3 %)"},
                new String[] {"median time to capture", "6.5 days"},
                new String[] {"median cohort PnL", "\u22121,240 TAO"}));
        report.table("Capture probability by EMA factor", List.of("EMA factor", "5 %", "10 %", "20 %"), List.of(
                List.of("3e-6", "12.0 %", "4.1 %", "0.6 %"),
                List.of("3e-5", "55.3 %", "41.2 %", "17.9 %"),
                List.of("3e-4", "88.7 %", "79.0 %", "52.4 %")));

        // fan: a share that climbs and spreads out over 30 days
        final int n = 121;
        final double[] day = new double[n];
        final double[][] q = new double[5][n];
        final double[] z = {-1.645, -0.674, 0.0, 0.674, 1.645};
        for (int i = 0; i < n; i++) {
            day[i] = i * 0.25;
            final double median = 2.0 + 9.0 / (1.0 + Math.exp(-(day[i] - 8.0) / 2.5));
            final double spread = 0.1 + 0.02 * day[i];
            for (int k = 0; k < 5; k++) {
                q[k][i] = median * Math.exp(spread * z[k]);
            }
        }
        report.fanChart("Meme subnet's emission share", "day", "share of emission (%)", day, q[0], q[1], q[2],
                q[3], q[4]);

        // histogram and CDF from a seeded generator, so the sample is the same every run
        final SplittableRandom random = new SplittableRandom(20261122L);
        final double[] edges = new double[31];
        final long[] counts = new long[30];
        for (int b = 0; b <= 30; b++) {
            edges[b] = b;
        }
        for (int p = 0; p < 412; p++) {
            final double days = Math.min(29.99, Math.exp(1.9 + 0.5 * gaussian(random)));
            counts[(int) days]++;
        }
        report.histogram("Time to capture (paths that reached 10 %)", "days", "paths", edges, counts);

        final double[] pnl = new double[1002];
        for (int p = 0; p < 1000; p++) {
            pnl[p] = 4000.0 * gaussian(random) - 1240.0 + (random.nextDouble() < 0.2 ? 9000.0 : 0.0);
        }
        pnl[1000] = Double.NaN; // non-finite values are left out, not drawn
        pnl[1001] = Double.POSITIVE_INFINITY;
        report.cdf("Cohort profit and loss", "PnL (TAO)", pnl);

        final double[] thresholds = {2, 5, 10, 15, 20, 30};
        final String[] names = {"EMA 3e-6", "EMA 3e-5", "EMA 3e-4"};
        final double[] scale = {4.0, 14.0, 30.0};
        final Series[] series = new Series[3];
        for (int s = 0; s < 3; s++) {
            final double[] p = new double[thresholds.length];
            final double[] lo = new double[thresholds.length];
            final double[] hi = new double[thresholds.length];
            for (int t = 0; t < thresholds.length; t++) {
                final long hits = Math.round(200 * Math.exp(-thresholds[t] / scale[s]));
                p[t] = hits / 200.0;
                final double[] wilson = wilson(hits, 200);
                lo[t] = wilson[0];
                hi[t] = wilson[1];
            }
            series[s] = new Series(names[s], thresholds, p, lo, hi);
        }
        series[0].lo()[5] = Double.NaN; // a missing interval: that whisker is left out
        report.curveWithInterval("Capture probability within 30 days (95 % Wilson intervals, 200 paths)",
                "threshold (% of emission)", "probability", Arrays.asList(series));

        report.barsWithIntervals("Top-10 emission share: era minus launch era (paired, 95 % intervals)",
                "\u0394 top-10 share (pp)", new String[] {"subsidy", "capped", "taoflow", "netflow", "price-burn"},
                new double[] {1.8, -3.2, -5.1, -4.4, 0.6}, new double[] {0.9, -4.0, -6.3, -5.2, -0.5},
                new double[] {2.7, -2.4, -3.9, -3.6, 1.7});
        return report;
    }

    /** 95 % Wilson score interval of {@code hits} in {@code n}. */
    static double[] wilson(final long hits, final long n) {
        final double z = 1.959963984540054;
        final double p = (double) hits / n;
        final double denominator = 1.0 + z * z / n;
        final double centre = (p + z * z / (2.0 * n)) / denominator;
        final double half = z * Math.sqrt(p * (1.0 - p) / n + z * z / (4.0 * n * n)) / denominator;
        return new double[] {centre - half, centre + half};
    }

    private static double gaussian(final SplittableRandom random) {
        // Box-Muller; u1 in (0, 1]
        final double u1 = 1.0 - random.nextDouble();
        final double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
