package dtaosim.studies.cli;

import picocli.CommandLine.IVersionProvider;

/** Version line: dtaosim's and the JVM's. */
public final class Version implements IVersionProvider {
    /** The dtaosim version, from the jar manifest when packaged. */
    public static String dtaosim() {
        final String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"dtaosim " + dtaosim() + " on Java " + System.getProperty("java.version")};
    }
}
