package io.acog.providers.ffmpeg;

import io.acog.spi.ProviderConfig;
import io.acog.spi.VideoAssembler;
import java.util.List;
import java.util.function.Consumer;

/**
 * The benchmark's way to the ffmpeg command lines the assembler runs. It sits in the assembler's
 * package (in acog-bench's sources, on the class path) to reach {@link FfmpegAssembler}'s
 * package-private constructor, so the assembler's public API needs nothing for it.
 */
public final class AssemblerCommands {

    private AssemblerCommands() {}

    /**
     * An assembler that tells {@code commands} each ffmpeg command line (the arguments after
     * {@code ffmpeg}) before running it: the render first, then the thumbnail.
     *
     * @param config the assembler's settings
     * @param commands told each command line
     * @return the assembler
     */
    public static VideoAssembler recording(ProviderConfig config, Consumer<List<String>> commands) {
        return new FfmpegAssembler(config, commands);
    }
}
