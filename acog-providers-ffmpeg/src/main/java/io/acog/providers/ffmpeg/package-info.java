/**
 * ACOG's video assembler on ffmpeg. The public types:
 *
 * <ul>
 *   <li>{@link io.acog.providers.ffmpeg.FfmpegAssembler}, the {@code assembly} stage: the episode's
 *       narration, avatar video, b-roll clips and still cards cut into one MP4 along its timeline,
 *       with crossfades, burnt-in captions, ducked background music and YouTube's loudness, plus a
 *       1280×720 thumbnail and SRT captions; {@link io.acog.providers.ffmpeg.FfmpegPlugin}
 *       registers it through {@link java.util.ServiceLoader};
 *   <li>{@link io.acog.providers.ffmpeg.Ffmpeg}, the binary it runs (a configured path, the {@code
 *       PATH}, or the static build a Maven dependency carries), and {@link
 *       io.acog.providers.ffmpeg.Fonts}, the font it draws text with (configured, or a bundled
 *       DejaVu Sans Bold: a machine without fonts renders the same);
 *   <li>{@link io.acog.providers.ffmpeg.MediaProbe}, what a media file holds, and {@link
 *       io.acog.providers.ffmpeg.ContactSheet}, a PNG of frames of a video.
 * </ul>
 *
 * <p>Settings (a {@link io.acog.spi.ProviderConfig}; from the environment as {@code
 * ACOG_FFMPEG_PATH} and so on):
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Key</th><th>Default</th><th>What</th></tr>
 *   <tr><td>{@code ffmpeg.path}</td><td>the {@code PATH}'s, else the bundled 4.4.1</td>
 *       <td>the ffmpeg binary</td></tr>
 *   <tr><td>{@code ffmpeg.font}</td><td>DejaVu Sans Bold</td><td>a TrueType font file for all text</td></tr>
 *   <tr><td>{@code ffmpeg.preset}</td><td>{@code veryfast}</td><td>libx264's preset</td></tr>
 *   <tr><td>{@code ffmpeg.crf}</td><td>20</td><td>libx264's quality, 0 to 51, lower is better</td></tr>
 *   <tr><td>{@code ffmpeg.timeout}</td><td>{@code PT30M}</td>
 *       <td>how long one ffmpeg run may take (seconds or ISO-8601)</td></tr>
 *   <tr><td>{@code ffmpeg.temp-dir}</td><td>{@code java.io.tmpdir}</td>
 *       <td>where each assembly's temporary directory goes</td></tr>
 * </table>
 *
 * <p>Keys of a channel's {@code style_guide} the assembler reads (colours as {@code "#RRGGBB"}):
 *
 * <table>
 *   <caption>Style-guide keys</caption>
 *   <tr><th>Key</th><th>Default</th><th>What</th></tr>
 *   <tr><td>{@code background_color}</td><td>{@code #101820}</td><td>still cards' background</td></tr>
 *   <tr><td>{@code text_color}</td><td>{@code #FFFFFF}</td>
 *       <td>still cards' words, the thumbnail's title</td></tr>
 *   <tr><td>{@code accent_color}</td><td>{@code #FFB000}</td>
 *       <td>the bar under a still card's words, the edge of the thumbnail's band</td></tr>
 *   <tr><td>{@code caption_color}</td><td>{@code #FFFFFF}</td><td>burnt-in captions' letters</td></tr>
 *   <tr><td>{@code caption_outline_color}</td><td>{@code #000000}</td><td>their outline</td></tr>
 *   <tr><td>{@code caption_size}</td><td>5.5</td>
 *       <td>caption letter height, percent of the frame's shorter side (2 to 15)</td></tr>
 *   <tr><td>{@code music_volume}</td><td>0.2</td><td>background music's level under the voice (0 to 1)</td></tr>
 * </table>
 */
package io.acog.providers.ffmpeg;
