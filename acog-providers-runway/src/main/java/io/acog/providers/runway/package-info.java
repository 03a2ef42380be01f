/**
 * ACOG's b-roll on Runway: {@link io.acog.providers.runway.RunwayPlugin} registers a {@link
 * io.acog.spi.BrollGenerator} named {@code "runway"} (found by {@link java.util.ServiceLoader}) when
 * {@code runway.api-key} is set. Each clip is one task, {@code POST /v1/text_to_video} with the
 * marker's description (and the channel's {@code style_guide.visual_style}, else its {@code tone},
 * where both fit 1,000 UTF-16 code units), the video's orientation as {@code ratio} ({@code
 * 1280:720} or {@code 720:1280}) and a duration the model accepts; it is polled with {@code GET
 * /v1/tasks/{id}} and its output downloaded as soon as it succeeds.
 *
 * <p>Runway takes no idempotency key: the task's id is saved in the job's checkpoint the moment
 * Runway answers, and a later attempt of the job takes that task up instead of creating (and paying
 * for) another. What remains: a crash between Runway's answer and that write (a database round
 * trip), or a create whose answer is lost (a timeout or a cut connection after Runway took it),
 * leaves a task ACOG does not know of, which runs and is billed.
 *
 * <p>Settings (a {@link io.acog.spi.ProviderConfig}; from the environment as {@code
 * ACOG_RUNWAY_API_KEY} and so on):
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Key</th><th>Default</th><th>What</th></tr>
 *   <tr><td>{@code runway.api-key}</td><td>none: nothing is registered without it</td>
 *       <td>the API key of Runway's developer portal, sent as {@code Authorization: Bearer}</td></tr>
 *   <tr><td>{@code runway.base-url}</td><td>{@code https://api.dev.runwayml.com}</td>
 *       <td>where the API is (a proxy, a test server)</td></tr>
 *   <tr><td>{@code runway.model}</td><td>{@code gen4.5}</td>
 *       <td>the text-to-video model: {@code gen4.5} (2 to 10 s), {@code veo3.1} and {@code
 *       veo3.1_fast} (4, 6 or 8 s), {@code veo3} (8 s); another is refused at start-up</td></tr>
 *   <tr><td>{@code runway.api-version}</td><td>{@code 2024-11-06}</td>
 *       <td>sent as {@code X-Runway-Version} on every request</td></tr>
 *   <tr><td>{@code runway.poll-interval}</td><td>6 s</td>
 *       <td>the wait between two status requests of a task; at least 5 s, as Runway asks</td></tr>
 *   <tr><td>{@code runway.price-per-credit}</td><td>0.01</td>
 *       <td>US dollars per Runway credit, for the episode's cost</td></tr>
 *   <tr><td>{@code runway.credits-per-second}</td><td>the model's: gen4.5 12, veo3.1 20, veo3.1_fast
 *       10, veo3 40</td>
 *       <td>credits a second of the configured model's video costs; {@code
 *       runway.credits-per-second.<model>} (e.g. {@code runway.credits-per-second.gen4.5}) wins
 *       over it</td></tr>
 *   <tr><td>{@code runway.seed}</td><td>none: random</td>
 *       <td>a seed from 0 to 4294967295 for every task (gen4.5 only)</td></tr>
 *   <tr><td>{@code runway.timeout}</td><td>30 s</td>
 *       <td>how long one API request may take, its whole answer read (seconds or ISO-8601)</td></tr>
 *   <tr><td>{@code runway.connect-timeout}</td><td>10 s</td><td>how long connecting may take</td></tr>
 *   <tr><td>{@code runway.download-timeout}</td><td>5 min</td>
 *       <td>how long downloading a finished clip may take</td></tr>
 *   <tr><td>{@code runway.concurrent-requests}</td><td>0 (no limit)</td>
 *       <td>API calls in flight across the fleet; Runway queues tasks over the account's
 *       concurrency itself (THROTTLED)</td></tr>
 * </table>
 */
package io.acog.providers.runway;
