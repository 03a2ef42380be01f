package io.acog.providers.ffmpeg;

/**
 * An ffmpeg run that failed: it exited with an error, timed out, or could not start. The message
 * ends with the tail of what ffmpeg printed, which names the input or filter at fault.
 */
public class FfmpegException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The exit code, or -1 when ffmpeg did not exit on its own. */
    private final int exitCode;

    /**
     * Creates the exception.
     *
     * @param message what failed, with the tail of ffmpeg's output
     * @param exitCode the exit code, or -1 when ffmpeg did not exit on its own
     * @param cause the underlying failure, or null
     */
    public FfmpegException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /**
     * Returns ffmpeg's exit code.
     *
     * @return the code, or -1 when it did not exit on its own (timed out, interrupted, not started)
     */
    public int exitCode() {
        return exitCode;
    }
}
