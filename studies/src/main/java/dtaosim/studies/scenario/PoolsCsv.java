package dtaosim.studies.scenario;

import dtaosim.studies.report.AtomicFiles;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CSV file of subnet reserves and prices ({@code subnets: {csv: FILE}}): a header naming the columns, among
 * {@code taoReserve, alphaIn, alphaOut, movingPrice} (the first two required), then one row per subnet in slot
 * order. Blank lines and lines starting with {@code #} are skipped. Errors name
 * {@code subnets.csv[row].column} (row from 0, as in lists) and the file's line.
 */
final class PoolsCsv {
    private static final String PATH = "subnets.csv";
    // a plain decimal number (no NaN, Infinity or hex)
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");

    private PoolsCsv() {
    }

    /** Reads {@code name}, relative to {@code baseDir} unless absolute. */
    static ListedPools read(final String name, final Path baseDir) {
        final Path file;
        try {
            file = baseDir.resolve(name);
        } catch (InvalidPathException e) {
            throw Fields.error(PATH, '"' + name + "\" is not a file name (" + e.getMessage() + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw Fields.error(PATH, '"' + name + "\" is not a file (looked for " + file + ")");
        }
        final List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (MalformedInputException e) {
            throw Fields.error(PATH, '"' + name + "\" is not a UTF-8 text file");
        } catch (IOException e) {
            throw Fields.error(PATH, '"' + name + "\" cannot be read (" + AtomicFiles.describe(e) + ")");
        }
        List<String> header = null;
        final List<double[]> rows = new ArrayList<>();
        for (int at = 0; at < lines.size(); at++) {
            final String line = at == 0 ? lines.get(at).replace("\uFEFF", "") : lines.get(at);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            final String[] cells = line.split(",", -1);
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c].strip();
            }
            final String where = " (" + name + " line " + (at + 1) + ")";
            if (header == null) {
                header = header(cells, where);
                continue;
            }
            if (cells.length != header.size()) {
                throw Fields.error(PATH + "[" + rows.size() + "]", cells.length + " cells, expected "
                        + header.size() + " (" + String.join(", ", header) + ")" + where);
            }
            final double[] row = new double[header.size()];
            for (int c = 0; c < cells.length; c++) {
                if (!NUMBER.matcher(cells[c]).matches()) {
                    throw Fields.error(PATH + "[" + rows.size() + "]." + header.get(c), '"' + cells[c]
                            + "\" is not a number" + where);
                }
                row[c] = Double.parseDouble(cells[c]);
            }
            rows.add(row);
        }
        if (header == null || rows.isEmpty()) {
            throw Fields.error(PATH, '"' + name + "\" has no subnet rows; give a header ("
                    + String.join(",", ScenarioParser.POOL_COLUMNS) + ") and one row per subnet");
        }
        final int n = rows.size();
        final double[][] columns = new double[ScenarioParser.POOL_COLUMNS.size()][];
        for (int c = 0; c < header.size(); c++) {
            final double[] column = new double[n];
            for (int k = 0; k < n; k++) {
                column[k] = rows.get(k)[c];
            }
            columns[ScenarioParser.POOL_COLUMNS.indexOf(header.get(c))] = column;
        }
        return ScenarioParser.listed(name, PATH, columns[0], columns[1], columns[2], columns[3],
                (column, k) -> PATH + "[" + k + "]." + column);
    }

    private static List<String> header(final String[] cells, final String where) {
        final List<String> header = Arrays.asList(cells);
        for (int c = 0; c < cells.length; c++) {
            if (!ScenarioParser.POOL_COLUMNS.contains(cells[c])) {
                throw Fields.error(PATH, "unknown column \"" + cells[c] + "\"; columns: "
                        + String.join(", ", ScenarioParser.POOL_COLUMNS) + where);
            }
            if (header.indexOf(cells[c]) != c) {
                throw Fields.error(PATH, "column \"" + cells[c] + "\" given twice" + where);
            }
        }
        for (final String required : List.of("taoReserve", "alphaIn")) {
            if (!header.contains(required)) {
                throw Fields.error(PATH, "no column \"" + required + "\" in the header" + where);
            }
        }
        return header;
    }
}
