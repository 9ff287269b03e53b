package dtaosim.studies.stats;

import dtaosim.engine.run.PricePanel;
import dtaosim.studies.report.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the observed daily spot prices, {@code dtao_alpha_price_daily_ohlc_2025-02-20_2025-10-29.csv} of
 * {@code shared/data} (see its README), into a {@link PricePanel}: subnet i is netuid i + 1 (as the engine's slots),
 * day d is the date {@link CalibrationCalendar#date}(d); (netuid, date) pairs the file has no row for are NaN.
 * The header must begin {@code date,netuid,open,high,low,close}; dates are {@code yyyyMMdd}, prices in TAO per alpha.
 * A malformed file is refused with its line number.
 */
public final class OhlcCsv {
    /** The file's name in the data folder. */
    public static final String FILE_NAME = "dtao_alpha_price_daily_ohlc_2025-02-20_2025-10-29.csv";
    private static final String HEADER = "date,netuid,open,high,low,close";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_NETUID = 65_535;
    private static final int MAX_DAYS = 100 * 366;

    private OhlcCsv() {
    }

    /** Reads {@link #FILE_NAME} from the data folder {@code dir}. */
    public static PricePanel readFolder(final Path dir) {
        return read(dir.resolve(FILE_NAME));
    }

    /** Reads one price file. */
    public static PricePanel read(final Path file) {
        final List<double[]> rows = new ArrayList<>();
        int subnets = 0;
        int days = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            final String header = in.readLine();
            if (header == null || !header.strip().startsWith(HEADER)) {
                throw new IllegalArgumentException(file + ":1: the header does not begin '" + HEADER + "'");
            }
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                final double[] row = parse(line, file + ":" + number);
                rows.add(row);
                subnets = Math.max(subnets, (int) row[1]);
                days = Math.max(days, (int) row[0] + 1);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + AtomicFiles.describe(e) + ")", e);
        }
        final PricePanel panel = PricePanel.withoutPrices(subnets, days);
        for (final double[] row : rows) {
            final int k = panel.index((int) row[1] - 1, (int) row[0]);
            if (!Double.isNaN(panel.close()[k])) {
                throw new IllegalArgumentException(file + ": two rows for netuid " + (int) row[1] + " on "
                        + CalibrationCalendar.date((int) row[0]));
            }
            panel.open()[k] = row[2];
            panel.high()[k] = row[3];
            panel.low()[k] = row[4];
            panel.close()[k] = row[5];
        }
        return panel;
    }

    /** One row as {day, netuid, open, high, low, close}. */
    private static double[] parse(final String line, final String where) {
        final String[] fields = line.split(",", -1);
        if (fields.length < 6) {
            throw new IllegalArgumentException(where + ": " + fields.length + " fields, expected at least 6 ("
                    + HEADER + ")");
        }
        final int day;
        try {
            day = CalibrationCalendar.day(LocalDate.parse(fields[0].strip(), DATE));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": date '" + fields[0] + "' is not yyyyMMdd", e);
        }
        if (day < 0 || day >= MAX_DAYS) {
            throw new IllegalArgumentException(where + ": date " + fields[0] + " is before "
                    + CalibrationCalendar.DAY_ZERO + " or too far after it");
        }
        final int netuid;
        try {
            netuid = Integer.parseInt(fields[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": netuid '" + fields[1] + "' is not a whole number", e);
        }
        if (netuid < 1 || netuid > MAX_NETUID) {
            throw new IllegalArgumentException(where + ": netuid " + netuid + " is not in [1, " + MAX_NETUID + "]");
        }
        final double[] row = {day, netuid, 0, 0, 0, 0};
        final String[] names = {"open", "high", "low", "close"};
        for (int f = 0; f < 4; f++) {
            final double price;
            try {
                price = Double.parseDouble(fields[2 + f].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": " + names[f] + " '" + fields[2 + f]
                        + "' is not a number", e);
            }
            if (!(price > 0.0 && price < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(where + ": " + names[f] + " " + fields[2 + f]
                        + " is not a positive price");
            }
            row[2 + f] = price;
        }
        return row;
    }
}
