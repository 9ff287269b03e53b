package dtaosim.studies.report;

/**
 * A message printed if the JVM stops (Ctrl-C, SIGTERM) while a long run is under way: what was kept and how to
 * continue. Installed before the run and removed after it, so a run that finishes prints nothing.
 */
public final class ShutdownNotice {
    private final Thread hook;

    private ShutdownNotice(final Thread hook) {
        this.hook = hook;
    }

    /** Prints {@code message} if the JVM shuts down before {@link #remove}. */
    public static ShutdownNotice install(final Runnable message) {
        final Thread hook = new Thread(message, "dtaosim-shutdown-notice");
        Runtime.getRuntime().addShutdownHook(hook);
        return new ShutdownNotice(hook);
    }

    /** The run ended: no notice. */
    public void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the notice prints
        }
    }
}
