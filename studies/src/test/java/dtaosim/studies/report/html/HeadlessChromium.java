package dtaosim.studies.report.html;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium for page tests: $CHROMIUM, else /usr/bin/chromium. Absent, the calling test is skipped,
 * unless CI=true, where it fails: CI must render the report.
 */
final class HeadlessChromium {
    static final long TIMEOUT_SECONDS = 90;
    static final int WIDTH = 1200;
    static final int HEIGHT = 2400;

    private final Path executable;

    private HeadlessChromium(final Path executable) {
        this.executable = executable;
    }

    static HeadlessChromium findOrSkip() {
        final String configured = System.getenv("CHROMIUM");
        final Path path = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        if (!Files.isExecutable(path)) {
            final String message = "headless Chromium not found at " + path + " (set CHROMIUM or install the Debian "
                    + "package chromium; .ci/run installs it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        return new HeadlessChromium(path);
    }

    /** The page's DOM after its scripts ran. */
    String dumpDom(final Path page, final Path workDir) throws IOException, InterruptedException {
        final Path out = workDir.resolve("dom.html");
        run(List.of("--dump-dom", page.toUri().toString()), workDir, out);
        return Files.readString(out);
    }

    /** A WIDTH × HEIGHT screenshot of the page written to {@code png}. */
    void screenshot(final Path page, final Path png, final Path workDir) throws IOException, InterruptedException {
        run(List.of("--screenshot=" + png.toAbsolutePath(), page.toUri().toString()), workDir,
                workDir.resolve("screenshot.out"));
        if (!Files.isRegularFile(png)) {
            fail("Chromium wrote no screenshot; its log: " + workDir.resolve("chromium.log"));
        }
    }

    private void run(final List<String> args, final Path workDir, final Path stdout)
            throws IOException, InterruptedException {
        final Path profile = Files.createTempDirectory(workDir, "profile");
        final List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=" + WIDTH + "," + HEIGHT, "--virtual-time-budget=5000"));
        command.addAll(args);
        final Path log = workDir.resolve("chromium.log");
        final Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            // Chromium forks renderers and helpers: end them too, not only the launcher
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0) {
            fail("Chromium exited with " + process.exitValue() + "; its log: " + log);
        }
    }
}
