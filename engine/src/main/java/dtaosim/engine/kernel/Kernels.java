package dtaosim.engine.kernel;

/**
 * Chooses the {@link RowKernels} implementation once per run: the Vector API kernels when the JVM was started
 * with {@code --add-modules jdk.incubator.vector} (the launcher, tests and benchmarks do), else the scalar
 * loops. {@code -Ddtaosim.kernels=scalar} forces the scalar loops.
 */
public final class Kernels {
    private static final String VECTOR_CLASS = "dtaosim.engine.simd.VectorRowKernels";

    private Kernels() {
    }

    /** The scalar loops. */
    public static RowKernels scalar() {
        return ScalarRowKernels.INSTANCE;
    }

    /** The Vector API kernels, or empty when the incubating module is not in the JVM. */
    public static java.util.Optional<RowKernels> vector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            final Class<?> type = Class.forName(VECTOR_CLASS);
            return java.util.Optional.of((RowKernels) type.getField("INSTANCE").get(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            return java.util.Optional.empty();
        }
    }

    /** The fastest kernels this JVM offers, unless the system property asks for scalar. */
    public static RowKernels best() {
        if ("scalar".equals(System.getProperty("dtaosim.kernels"))) {
            return scalar();
        }
        return vector().orElse(scalar());
    }
}
