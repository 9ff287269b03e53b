package dtaosim.studies.study;

import java.util.List;

/** The built-in studies by name. */
public final class Studies {
    /** meme-capture. */
    public static final String MEME_CAPTURE = "meme-capture";
    /** eras. */
    public static final String ERAS = "eras";
    /** distribution. */
    public static final String DISTRIBUTION = "distribution";
    /** yuma. */
    public static final String YUMA = "yuma";
    /** The grid key of the era dimension. */
    public static final String ERA_KEY = "era";
    /** The names, in the order the help lists them. */
    public static final List<String> NAMES = List.of(MEME_CAPTURE, ERAS, DISTRIBUTION, YUMA);

    private Studies() {
    }

    /** The study of that name; the error lists the names there are. */
    public static Study byName(final String name) {
        return switch (name) {
            case MEME_CAPTURE -> new MemeCaptureStudy();
            case ERAS -> new ErasStudy();
            case DISTRIBUTION -> new DistributionStudy();
            case YUMA -> new YumaStudy();
            default -> throw new IllegalArgumentException("NAME: '" + name + "' is not a study; studies: "
                    + String.join(", ", NAMES));
        };
    }
}
