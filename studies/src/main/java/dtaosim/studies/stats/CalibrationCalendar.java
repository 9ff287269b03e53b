package dtaosim.studies.stats;

import dtaosim.engine.run.DailyPrices;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The one place where simulated days meet calendar dates. Day d of a simulated run is blocks
 * {@code [startBlock + 7200·d, startBlock + 7200·(d + 1))} (the {@link DailyPrices} probe's days) and is the UTC
 * date 2025-02-20 + d: a calibration run starts at 2025-02-20 00:00 UTC, the first date of the observed daily
 * price file, so simulated and observed panels index days alike (the observed file's day d is that date too).
 *
 * <p>The mapping holds whatever the scenario's start block is (calibrate warns when a start block other than 0
 * lies on another day of mainnet); mainnet's block at 2025-02-20 00:00 UTC was about 4,964,237 (the price file's
 * first block of that day). 12-second blocks make a day 7,200 blocks; the chain's
 * real block times drift from that by a few blocks a day, which the mapping ignores.
 */
public final class CalibrationCalendar {
    /** The date of day 0. */
    public static final LocalDate DAY_ZERO = LocalDate.of(2025, 2, 20);
    /** Mainnet's first block of 2025-02-20 (UTC) in the observed price file. */
    public static final long DAY_ZERO_BLOCK = 4_964_237L;
    /** Blocks in a simulated day. */
    public static final int BLOCKS_PER_DAY = DailyPrices.BLOCKS_PER_DAY;

    private CalibrationCalendar() {
    }

    /** The date of day {@code day}. */
    public static LocalDate date(final int day) {
        return DAY_ZERO.plusDays(day);
    }

    /** The UTC date of mainnet block {@code block}, at 7,200 blocks a day from {@link #DAY_ZERO_BLOCK}. */
    public static LocalDate mainnetDate(final long block) {
        return DAY_ZERO.plusDays(Math.floorDiv(block - DAY_ZERO_BLOCK, (long) BLOCKS_PER_DAY));
    }

    /** The day of {@code date} (negative before 2025-02-20). */
    public static int day(final LocalDate date) {
        return Math.toIntExact(ChronoUnit.DAYS.between(DAY_ZERO, date));
    }
}
