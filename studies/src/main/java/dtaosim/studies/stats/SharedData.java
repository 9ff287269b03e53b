package dtaosim.studies.stats;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Where the observed data lives by default: {@code ../shared/data} relative to the repository root (the folder of
 * {@code shared/data/README.md}, next to the repository). The root is found from where this class was loaded,
 * {@code studies/target/classes} or {@code studies/target/dtaosim.jar}, both three levels below it; when that is
 * not a path (an unusual class loader) the working directory's {@code ../shared/data} is used.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The default data folder (it may not exist). */
    public static Path defaultFolder() {
        final Path root = repositoryRoot();
        return (root == null ? Path.of("..") : root.resolve("..")).resolve("shared").resolve("data")
                .toAbsolutePath().normalize();
    }

    /** The repository this class was built in, or null if it cannot be told. */
    static Path repositoryRoot() {
        final CodeSource source = SharedData.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            final Path built = Path.of(source.getLocation().toURI()).toAbsolutePath();
            // studies/target/classes or studies/target/dtaosim.jar → studies/target → studies → root
            final Path studies = built.getParent() == null ? null : built.getParent().getParent();
            return studies == null ? null : studies.getParent();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
