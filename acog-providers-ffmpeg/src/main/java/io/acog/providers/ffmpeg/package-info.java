/**
 * Media work on ffmpeg. So far: {@link io.acog.providers.ffmpeg.Ffmpeg} finds a binary to run (a
 * configured path, the {@code PATH}, or the static build a Maven dependency carries); the video
 * assembler built on it is in progress.
 */
package io.acog.providers.ffmpeg;
