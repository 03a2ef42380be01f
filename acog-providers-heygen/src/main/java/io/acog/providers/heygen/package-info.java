/**
 * ACOG's avatar on HeyGen: {@link io.acog.providers.heygen.HeyGenPlugin} registers an {@link
 * io.acog.spi.AvatarRenderer} named {@code "heygen"} (found by {@link java.util.ServiceLoader})
 * when {@code heygen.api-key} is set. It renders the channel's avatar lip-synced to the episode's
 * whole narration with HeyGen's v3 API: {@code POST /v3/videos} ({@code type: "avatar"}) with the
 * audio as {@code audio_url} (the storage's shareable URL) or as an uploaded asset ({@code POST
 * /v3/assets}), then {@code GET /v3/videos/{video_id}} until the video is done, which is then
 * downloaded at once. HeyGen renders an audio track whole, not windows of it, so its videos cover
 * the {@linkplain io.acog.spi.AvatarRenderer.Coverage#NARRATION narration}.
 *
 * <p>Submits are idempotent: the call's idempotency key goes as {@code Idempotency-Key}, and the
 * render's {@code video_id} is saved in the job's checkpoint the moment HeyGen answers, so a retry
 * or a crash never pays for a second render. The renderer is also the provider's {@link
 * io.acog.spi.RenderWebhooks}: it verifies HeyGen's {@code avatar_video.success} and {@code
 * avatar_video.fail} deliveries with {@code heygen.webhook-secret}.
 *
 * <p>The channel's {@code avatar_profile} chooses the avatar ({@code avatar_id}) and may set what
 * v3 documents: {@code background} (a {@code #rrggbb} colour, an image URL, or {@code {type,
 * value | url | asset_id}}), {@code remove_background}, {@code fit}, {@code engine}, {@code
 * expressiveness} and {@code motion_prompt}.
 *
 * <p>Settings (a {@link io.acog.spi.ProviderConfig}; from the environment as {@code
 * ACOG_HEYGEN_API_KEY} and so on):
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Key</th><th>Default</th><th>What</th></tr>
 *   <tr><td>{@code heygen.api-key}</td><td>none: nothing is registered without it</td>
 *       <td>the API key, sent as {@code X-Api-Key}</td></tr>
 *   <tr><td>{@code heygen.base-url}</td><td>{@code https://api.heygen.com}</td>
 *       <td>where the API is (a proxy, a test server)</td></tr>
 *   <tr><td>{@code heygen.webhook-secret}</td><td>none: webhooks are rejected, renders are polled</td>
 *       <td>the {@code whsec_…} secret HeyGen gave when the host's webhook endpoint was registered</td></tr>
 *   <tr><td>{@code heygen.webhook-tolerance}</td><td>5 min</td>
 *       <td>how far a delivery's signed timestamp may be from now; deliveries are remembered as
 *       long, to reject replays</td></tr>
 *   <tr><td>{@code heygen.poll-interval}</td><td>15 s</td>
 *       <td>the first poll's delay and the least between polls (a long render is asked about less
 *       often, every tenth of its age up to a minute)</td></tr>
 *   <tr><td>{@code heygen.price-per-minute}</td><td>4.00</td>
 *       <td>US dollars per minute of video, for the episode's cost: HeyGen's pay-as-you-go rate for
 *       Avatar IV with a video avatar at 720p or 1080p ($0.0667 a second)</td></tr>
 *   <tr><td>{@code heygen.resolution}</td><td>from the frame: {@code 1080p} for 1080 and more,
 *       {@code 4k} from 2160, else {@code 720p}</td><td>{@code 720p}, {@code 1080p} or {@code 4k}</td></tr>
 *   <tr><td>{@code heygen.timeout}</td><td>60 s</td>
 *       <td>how long one API call (the upload aside) may take, its whole answer read (seconds or
 *       ISO-8601)</td></tr>
 *   <tr><td>{@code heygen.connect-timeout}</td><td>10 s</td><td>how long connecting may take</td></tr>
 *   <tr><td>{@code heygen.download-timeout}</td><td>10 min</td>
 *       <td>how long the audio's upload and the finished video's download may take</td></tr>
 *   <tr><td>{@code heygen.concurrent-requests}</td><td>10</td>
 *       <td>the account's concurrent renders (pay-as-you-go: 10), which ACOG keeps the fleet's
 *       submits within; 0 for no limit</td></tr>
 * </table>
 */
package io.acog.providers.heygen;
