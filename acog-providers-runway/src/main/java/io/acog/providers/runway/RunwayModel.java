package io.acog.providers.runway;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A Runway text-to-video model this adapter can drive, as Runway's API reference describes it
 * ({@code POST /v1/text_to_video}, API version {@code 2024-11-06}): the clip lengths and frames it
 * accepts, what it costs, and which optional fields it takes. Each model accepts a fixed set of
 * durations; a request with another is refused, so the adapter never sends one.
 *
 * @param name the model's id, as sent in {@code model}
 * @param seconds the durations it accepts, ascending
 * @param ratios the frames it accepts, as the request names them (e.g. {@code 1280:720})
 * @param creditsPerSecond what a second of its video costs, in Runway credits (Runway's price
 *     list; without audio where audio is optional)
 * @param takesSeed whether it takes a {@code seed}
 * @param audioOptional whether it takes {@code audio} (false makes it cheaper; b-roll plays under
 *     the narration, so it is sent false)
 */
record RunwayModel(
        String name,
        List<Integer> seconds,
        Set<String> ratios,
        BigDecimal creditsPerSecond,
        boolean takesSeed,
        boolean audioOptional) {

    /** A landscape frame, which every model here accepts. */
    static final String LANDSCAPE = "1280:720";

    /** A portrait frame, which every model here accepts. */
    static final String PORTRAIT = "720:1280";

    private static final Set<String> GOOGLE_RATIOS = Set.of(LANDSCAPE, PORTRAIT, "1920:1080", "1080:1920");

    /** The models known, by name. */
    static final Map<String, RunwayModel> KNOWN = Map.of(
            "gen4.5",
            new RunwayModel(
                    "gen4.5",
                    IntStream.rangeClosed(2, 10).boxed().toList(),
                    Set.of(LANDSCAPE, PORTRAIT),
                    new BigDecimal("12"),
                    true,
                    false),
            "veo3.1",
            new RunwayModel("veo3.1", List.of(4, 6, 8), GOOGLE_RATIOS, new BigDecimal("20"), false, true),
            "veo3.1_fast",
            new RunwayModel("veo3.1_fast", List.of(4, 6, 8), GOOGLE_RATIOS, new BigDecimal("10"), false, true),
            "veo3",
            new RunwayModel("veo3", List.of(8), GOOGLE_RATIOS, new BigDecimal("40"), false, false));

    RunwayModel {
        seconds = List.copyOf(seconds);
        ratios = Set.copyOf(ratios);
    }

    /**
     * Returns the model of that name.
     *
     * @param name a model's id, e.g. {@code "gen4.5"}
     * @return the model, or empty when this adapter does not know it
     */
    static Optional<RunwayModel> named(String name) {
        return Optional.ofNullable(KNOWN.get(name));
    }

    /**
     * Returns the names of the models known, sorted, for messages.
     *
     * @return e.g. {@code "gen4.5, veo3, veo3.1, veo3.1_fast"}
     */
    static String names() {
        return KNOWN.keySet().stream().sorted().collect(Collectors.joining(", "));
    }

    /**
     * Returns the duration to ask for: {@code wanted} when the model accepts it, else the shortest
     * it accepts that is longer, else its longest (as ACOG chooses among {@code clipSeconds()}).
     *
     * @param wanted the seconds the clip should run
     * @return a duration the model accepts
     */
    int duration(int wanted) {
        for (int accepted : seconds) {
            if (accepted >= wanted) {
                return accepted;
            }
        }
        return seconds.get(seconds.size() - 1);
    }

    /**
     * Returns the frame to ask for.
     *
     * @param portrait whether the episode's video is taller than wide
     * @return {@code 720:1280} for a portrait video, else {@code 1280:720} (a square one too: the
     *     assembler crops what it gets to fill the frame)
     */
    String ratio(boolean portrait) {
        return portrait ? PORTRAIT : LANDSCAPE;
    }
}
