package dtaosim.benchmarks;

import dtaosim.engine.model.Era;
import dtaosim.studies.stats.Quantiles;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of eras relative to a baseline era, measured by interleaving: {@link BlockBenchmark}'s whole
 * blocks of the reference workload, one short slice per era in turn, round after round, in one JVM and one
 * thread. Each era's slice is divided by the baseline's slice of the same round, so a machine that slows down
 * for a minute (a busy neighbour on a shared core) slows both sides of each ratio; the median of these paired
 * ratios is steadier than the ratio of two JMH runs made minutes apart. Each era runs on its own copy of the
 * classes (a class loader of its own), so the JIT compiles its kernels from its own profile, as in a JMH fork
 * of its own; code of the JDK is shared. A check of the ratios JMH reports, not a replacement for it.
 *
 * <pre>
 * benchmarks/era-ratios.sh [--rounds N] [--slice-ms M] [--warmup-rounds N] [--paths P] [--subnets S]
 *                          [--fees era|zero] [--noise held|peer] [--kernel vector|scalar] [ERA[@JAR] ...]
 * </pre>
 * The first era is the baseline (default: all seven, launch-2025-02 first). {@code ERA@JAR} runs the era on the
 * classes of another build's benchmarks.jar, for an A/B of a change in the same interleaved rounds.
 */
public final class EraRatios {
    private static final String USAGE = "usage: era-ratios.sh [--rounds N] [--slice-ms M] [--warmup-rounds N]"
            + " [--paths P] [--subnets S] [--fees era|zero] [--noise held|peer] [--kernel vector|scalar] [ERA[@JAR] ...]";

    private EraRatios() {
    }

    public static void main(final String[] args) {
        try {
            run(args);
        } catch (final IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    private static void run(final String[] args) {
        int rounds = 30;
        int warmupRounds = 5;
        int sliceMillis = 300;
        int paths = 64;
        int subnets = 128;
        String fees = "era";
        String noise = "held";
        String kernel = "vector";
        final List<String> eras = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            final String arg = args[i];
            if (!arg.startsWith("--")) {
                eras.add(arg);
                continue;
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            final String value = args[++i];
            switch (arg) {
                case "--rounds" -> rounds = whole(arg, value, 3, 100_000);
                case "--warmup-rounds" -> warmupRounds = whole(arg, value, 0, 100_000);
                case "--slice-ms" -> sliceMillis = whole(arg, value, 10, 60_000);
                case "--paths" -> paths = whole(arg, value, 1, 2048);
                case "--subnets" -> subnets = whole(arg, value, 2, 4096);
                case "--fees" -> fees = oneOf(arg, value, "era", "zero");
                case "--noise" -> noise = oneOf(arg, value, "held", "peer");
                case "--kernel" -> kernel = oneOf(arg, value, "vector", "scalar");
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (eras.isEmpty()) {
            for (final Era era : Era.values()) {
                eras.add(era.id());
            }
        }
        final List<Blocks> benches = new ArrayList<>();
        for (final String era : eras) {
            // ERA@JAR: the era on the classes of another build of this module (an A/B of a change)
            final int at = era.indexOf('@');
            final String id = Era.byId(at < 0 ? era : era.substring(0, at)).id(); // names the eras when unknown
            benches.add(new Blocks(paths, subnets, kernel, id, fees, noise, at < 0 ? null : jar(era.substring(at + 1))));
        }
        final int n = benches.size();
        System.err.printf(Locale.ROOT, "era-ratios: %d era%s × %d rounds × %d ms (after %d warm-up round%s)%n",
                n, n == 1 ? "" : "s", rounds, sliceMillis, warmupRounds, warmupRounds == 1 ? "" : "s");
        for (int k = 0; k < warmupRounds; k++) {
            for (final Blocks bench : benches) {
                bench.slice(sliceMillis);
            }
        }
        final double[][] nsPerUpdate = new double[n][rounds];
        for (int k = 0; k < rounds; k++) {
            // the order turns every round, so no era always follows the same one
            for (int j = 0; j < n; j++) {
                final int e = (j + k) % n;
                nsPerUpdate[e][k] = benches.get(e).slice(sliceMillis);
            }
        }
        System.out.printf(Locale.ROOT, "# JDK %s, %d cores, %d paths × %d subnets, kernel %s, fees %s, noise %s,"
                        + " %d rounds of %d ms%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
                paths, subnets, kernel, fees, noise, rounds, sliceMillis);
        int width = 20;
        for (final String era : eras) {
            width = Math.max(width, era.length());
        }
        System.out.printf(Locale.ROOT, "%-" + width + "s %12s %10s %14s %18s%n", "era", "ns/update", "min",
                "÷ " + eras.get(0), "ratio q1 – q3");
        for (int e = 0; e < n; e++) {
            final double[] ratio = new double[rounds];
            for (int k = 0; k < rounds; k++) {
                ratio[k] = nsPerUpdate[e][k] / nsPerUpdate[0][k];
            }
            final double[] times = Quantiles.of(nsPerUpdate[e], 0.0, 0.5);
            final double[] ratios = Quantiles.of(ratio, 0.25, 0.5, 0.75);
            System.out.printf(Locale.ROOT, "%-" + width + "s %12.3f %10.3f %14.3f %8.3f – %.3f%n", eras.get(e),
                    times[1], times[0], ratios[1], ratios[0], ratios[2]);
        }
    }

    /** One era's {@link BlockBenchmark}, loaded with the engine by a class loader of its own. */
    private static final class Blocks {
        private final Object bench;
        private final Method setUpIteration;
        private final Method runBlocks;
        private final double elementsPerInvocation;

        Blocks(final int paths, final int subnets, final String kernel, final String era, final String fees,
               final String noise, final URL otherBuild) {
            final URL classes = otherBuild != null ? otherBuild
                    : EraRatios.class.getProtectionDomain().getCodeSource().getLocation();
            try {
                // the parent skips the application class path, so this loader defines its own engine classes
                final ClassLoader loader = new URLClassLoader(new URL[] {classes},
                        ClassLoader.getPlatformClassLoader());
                final Class<?> type = Class.forName(BlockBenchmark.class.getName(), true, loader);
                bench = type.getDeclaredConstructor().newInstance();
                set(type, "paths", paths);
                set(type, "subnets", subnets);
                set(type, "kernel", kernel);
                set(type, "era", era);
                set(type, "fees", fees);
                set(type, "noise", noise);
                setUpIteration = type.getMethod("setUpIteration");
                runBlocks = type.getMethod("runBlocks");
                // that build's work per invocation, which the ns per update divide by
                final Field elements = Class.forName(Fixtures.class.getName(), true, loader)
                        .getDeclaredField("ELEMENTS_PER_INVOCATION");
                elements.setAccessible(true);
                elementsPerInvocation = ((Number) elements.get(null)).doubleValue();
                // checks paths × subnets against the fixed work per invocation
                invoke(type.getMethod("setUpTrial"));
            } catch (final ReflectiveOperationException | LinkageError e) {
                // a jar of another module, or a build without the shaded engine
                throw new IllegalArgumentException("ERA@JAR: cannot load " + BlockBenchmark.class.getName()
                        + " and its engine from " + classes + " (" + e + "); give a benchmarks/target/benchmarks.jar");
            }
        }

        private void set(final Class<?> type, final String field, final Object value)
                throws ReflectiveOperationException {
            final Field f = type.getDeclaredField(field);
            f.setAccessible(true);
            f.set(bench, value);
        }

        private void invoke(final Method method) {
            try {
                method.invoke(bench);
            } catch (final InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r; // a bad size (IllegalArgumentException) reaches the user as such
                }
                throw new IllegalStateException(e.getCause());
            } catch (final IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        /** ns per subnet-path update over one slice of about {@code millis}, from a fresh batch at block 0. */
        double slice(final int millis) {
            invoke(setUpIteration);
            final long start = System.nanoTime();
            final long end = start + millis * 1_000_000L;
            long invocations = 0;
            long now;
            do {
                invoke(runBlocks);
                invocations++;
                now = System.nanoTime();
            } while (now < end);
            return (double) (now - start) / ((double) invocations * elementsPerInvocation);
        }
    }

    private static URL jar(final String path) {
        final java.io.File file = new java.io.File(path);
        if (!file.isFile()) {
            throw new IllegalArgumentException("ERA@JAR: " + path + " is not a file (a benchmarks.jar)");
        }
        try {
            return file.toURI().toURL();
        } catch (final java.net.MalformedURLException e) {
            throw new IllegalArgumentException("ERA@JAR: " + path + ": " + e.getMessage());
        }
    }

    private static int whole(final String option, final String value, final int min, final int max) {
        final int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(option + ": " + value + " is not a whole number in [" + min + ", "
                    + max + "]");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(option + ": " + value + " is not in [" + min + ", " + max + "]");
        }
        return parsed;
    }

    private static String oneOf(final String option, final String value, final String... allowed) {
        for (final String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException(option + ": " + value + " is not one of " + String.join(", ", allowed));
    }
}
