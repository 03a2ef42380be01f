/**
 * ACOG's avatar on Synthesia: {@link io.acog.providers.synthesia.SynthesiaPlugin} registers an
 * {@link io.acog.spi.AvatarRenderer} named {@code "synthesia"} (found by {@link
 * java.util.ServiceLoader}) when {@code synthesia.api-key} is set. It uploads the episode's MP3
 * narration as script audio ({@code POST https://upload.api.synthesia.io/v2/scriptAudio}), creates
 * one video in which the channel's avatar speaks all of it ({@code POST /v2/videos}), polls it
 * ({@code GET /v2/videos/{id}}) and downloads it once complete. The video covers the whole
 * narration ({@link io.acog.spi.AvatarRenderer.Coverage#NARRATION}). The audio's and the video's
 * ids are kept in the job's checkpoint as soon as Synthesia gives them, so a retried or resumed job
 * never creates (and pays for) a second video.
 *
 * <p>It also implements {@link io.acog.spi.RenderWebhooks}: with {@code synthesia.webhook-secret}
 * set, a host hands Synthesia's signed {@code video.completed} and {@code video.failed} deliveries
 * to {@code EpisodePipeline.webhook("synthesia", delivery)}, and the video is checked at once.
 *
 * <p>The channel's {@code avatar_profile} chooses the avatar ({@code avatar_id}), the background
 * ({@code background}) and the audio's language ({@code script_language}).
 *
 * <p>Settings (a {@link io.acog.spi.ProviderConfig}; from the environment as {@code
 * ACOG_SYNTHESIA_API_KEY} and so on):
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Key</th><th>Default</th><th>What</th></tr>
 *   <tr><td>{@code synthesia.api-key}</td><td>none: nothing is registered without it</td>
 *       <td>the API key, sent as {@code Authorization: <key>} (no {@code Bearer})</td></tr>
 *   <tr><td>{@code synthesia.base-url}</td><td>{@code https://api.synthesia.io}</td>
 *       <td>where the API is (a proxy, a test server)</td></tr>
 *   <tr><td>{@code synthesia.upload-base-url}</td><td>{@code https://upload.api.synthesia.io}</td>
 *       <td>where the upload API is</td></tr>
 *   <tr><td>{@code synthesia.webhook-secret}</td><td>none: webhooks are rejected, the pipeline
 *       polls</td><td>the secret Synthesia returned when the webhook was created</td></tr>
 *   <tr><td>{@code synthesia.webhook-tolerance}</td><td>10 min</td>
 *       <td>how far a delivery's {@code Synthesia-Timestamp} may be from now</td></tr>
 *   <tr><td>{@code synthesia.poll-interval}</td><td>30 s</td>
 *       <td>how long to wait between status requests (renders take 2 to 40 minutes)</td></tr>
 *   <tr><td>{@code synthesia.price-per-minute}</td><td>3.00</td>
 *       <td>US dollars per minute of video, for the episode's cost (the personal plan: $30 for 10
 *       minutes); set your plan's</td></tr>
 *   <tr><td>{@code synthesia.test}</td><td>{@code false}</td>
 *       <td>{@code true} makes Synthesia's free test videos, watermarked and not counted (cost
 *       0)</td></tr>
 *   <tr><td>{@code synthesia.language}</td><td>{@code en-US}</td>
 *       <td>the audio's {@code scriptLanguage} when {@code avatar_profile.script_language} names
 *       none</td></tr>
 *   <tr><td>{@code synthesia.visibility}</td><td>{@code private}</td>
 *       <td>{@code private} or {@code public} (a share page anyone with its link can see)</td></tr>
 *   <tr><td>{@code synthesia.avatar}</td><td>none</td>
 *       <td>the avatar when {@code avatar_profile.avatar_id} names none</td></tr>
 *   <tr><td>{@code synthesia.background}</td><td>{@code white_studio}</td>
 *       <td>the background when {@code avatar_profile.background} names none</td></tr>
 *   <tr><td>{@code synthesia.timeout}</td><td>60 s</td>
 *       <td>how long one API request may take, its whole answer read (seconds or ISO-8601)</td></tr>
 *   <tr><td>{@code synthesia.connect-timeout}</td><td>10 s</td><td>how long connecting may take</td></tr>
 *   <tr><td>{@code synthesia.upload-timeout}</td><td>10 min</td>
 *       <td>how long the audio's upload may take</td></tr>
 *   <tr><td>{@code synthesia.download-timeout}</td><td>10 min</td>
 *       <td>how long the finished video's download may take</td></tr>
 *   <tr><td>{@code synthesia.concurrent-requests}</td><td>0 (no limit)</td>
 *       <td>calls in flight ACOG allows the whole fleet</td></tr>
 *   <tr><td>{@code synthesia.requests-per-minute}</td><td>60</td>
 *       <td>calls a minute ACOG allows the whole fleet (the Creator plan's limit per endpoint); 0 for
 *       no limit</td></tr>
 * </table>
 */
package io.acog.providers.synthesia;
