package dtaosim.studies.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * Chart.js's UMD bundle from the {@code org.webjars.npm:chart.js} WebJar on the class path, ready to inline in
 * a {@code <script>} element. The version comes from the WebJar's own {@code pom.properties}, so the parent
 * pom is the only place it is pinned.
 */
final class ChartJsLibrary {
    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private static volatile ChartJsLibrary loaded;

    final String version;
    final String script;

    private ChartJsLibrary(final String version, final String script) {
        this.version = version;
        this.script = script;
    }

    static ChartJsLibrary get() {
        ChartJsLibrary library = loaded;
        if (library == null) {
            library = load();
            loaded = library;
        }
        return library;
    }

    private static ChartJsLibrary load() {
        final Properties pom = new Properties();
        try (InputStream in = resource(POM_PROPERTIES)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        final String version = pom.getProperty("version");
        final String text;
        try (InputStream in = resource("META-INF/resources/webjars/chart.js/" + version + "/dist/chart.umd.js")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the map file is not inlined: drop the reference so nothing asks for it
        final String script = text.replaceAll("(?m)^//# sourceMappingURL=.*$", "");
        final String lower = script.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--")) {
            throw new IllegalStateException("Chart.js " + version + " cannot be inlined: it contains </script or <!--");
        }
        return new ChartJsLibrary(version, script);
    }

    private static InputStream resource(final String name) throws IOException {
        final InputStream in = ChartJsLibrary.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (dependency org.webjars.npm:chart.js)");
        }
        return in;
    }
}
