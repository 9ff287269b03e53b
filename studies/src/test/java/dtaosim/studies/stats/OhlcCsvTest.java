package dtaosim.studies.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.run.PricePanel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the daily price file: rows to cells by netuid and date, gaps as NaN, malformed lines refused by number. */
class OhlcCsvTest {
    private static final String HEADER = "date,netuid,open,high,low,close,n_samples,first_block,last_block\n";

    private static Path write(final Path dir, final String text) throws IOException {
        final Path file = dir.resolve(OhlcCsv.FILE_NAME);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void rowsShouldLandOnTheirNetuidAndDayWithGapsMissing(@TempDir final Path dir) throws IOException {
        write(dir, HEADER
                + "20250220,1,0.5,0.6,0.4,0.55,720,4964237,4971427\n"
                + "20250220,3,0.1,0.12,0.09,0.11,720,4964237,4971427\n"
                + "20250222,1,0.55,0.7,0.5,0.6,719,4978617,4985807\n");
        final PricePanel panel = OhlcCsv.readFolder(dir);
        assertEquals(3, panel.subnets(), "netuids 1…3");
        assertEquals(3, panel.days(), "2025-02-20 … 02-22");
        final int k = panel.index(0, 2);
        assertEquals(0.55, panel.open()[k]);
        assertEquals(0.7, panel.high()[k]);
        assertEquals(0.5, panel.low()[k]);
        assertEquals(0.6, panel.close()[k]);
        assertEquals(0.11, panel.close()[panel.index(2, 0)]);
        assertFalse(panel.hasPrice(0, 1), "no row on 02-21");
        assertFalse(panel.hasPrice(1, 0) || panel.hasPrice(1, 1) || panel.hasPrice(1, 2), "no netuid 2");
        assertTrue(Double.isNaN(panel.high()[panel.index(1, 0)]));
    }

    @Test
    void malformedFilesShouldBeRefusedWithTheLine(@TempDir final Path dir) throws IOException {
        final String row = "20250220,1,0.5,0.6,0.4,0.55,720,1,2\n";
        final String[][] cases = {
            {"date;netuid\n" + row, ":1: the header"},
            {HEADER + row + "2025-02-21,1,0.5,0.6,0.4,0.55,720,1,2\n", ":3: date '2025-02-21'"},
            {HEADER + "20250219,1,0.5,0.6,0.4,0.55,720,1,2\n", ":2: date 20250219 is before 2025-02-20"},
            {HEADER + "20250220,0,0.5,0.6,0.4,0.55,720,1,2\n", ":2: netuid 0"},
            {HEADER + "20250220,x,0.5,0.6,0.4,0.55,720,1,2\n", ":2: netuid 'x'"},
            {HEADER + "20250220,1,0.5,-0.6,0.4,0.55,720,1,2\n", ":2: high -0.6 is not a positive price"},
            {HEADER + "20250220,1,0.5,0.6,0.4\n", ":2: 5 fields"},
            {HEADER + row + row, "two rows for netuid 1 on 2025-02-20"},
        };
        for (final String[] c : cases) {
            final Path file = write(dir, c[0]);
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OhlcCsv.read(file));
            assertTrue(e.getMessage().contains(c[1]), e.getMessage() + " should contain " + c[1]);
        }
        final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> OhlcCsv.read(dir.resolve("absent.csv")));
        assertTrue(missing.getMessage().contains("cannot be read"), missing.getMessage());
    }
}
