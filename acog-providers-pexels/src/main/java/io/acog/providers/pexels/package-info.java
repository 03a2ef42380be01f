/**
 * ACOG's b-roll from Pexels' free stock footage: {@link io.acog.providers.pexels.PexelsPlugin}
 * registers a {@link io.acog.spi.BrollGenerator} named {@code "pexels"} (found by {@link
 * java.util.ServiceLoader}) when {@code pexels.api-key} is set. For each {@code [BROLL:…]} clip it
 * searches {@code GET /videos/search} with the clip's description in the frame's orientation,
 * takes the video that runs closest to (and at least) the clip's cut, and of its files the smallest
 * MP4 that covers the frame's height up to {@code pexels.max-height}. The choice, {@code <video
 * id>:<file id>}, is the render's task id and the job's checkpoint; the poll right after downloads
 * the file and returns it with its author, for attribution ({@code author}, {@code author_url},
 * {@code source_url}, {@code license}, {@code pexels_video_id} in the asset's metadata). Each clip
 * costs $0.
 *
 * <p>Settings (a {@link io.acog.spi.ProviderConfig}; from the environment as {@code
 * ACOG_PEXELS_API_KEY} and so on):
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Key</th><th>Default</th><th>What</th></tr>
 *   <tr><td>{@code pexels.api-key}</td><td>none: nothing is registered without it</td>
 *       <td>the API key from pexels.com/api, sent as {@code Authorization: <key>}</td></tr>
 *   <tr><td>{@code pexels.base-url}</td><td>{@code https://api.pexels.com}</td>
 *       <td>where the API is (a proxy, a test server)</td></tr>
 *   <tr><td>{@code pexels.per-page}</td><td>15</td>
 *       <td>the candidates one search asks for, 1 to 80</td></tr>
 *   <tr><td>{@code pexels.max-height}</td><td>1080</td>
 *       <td>the largest file downloaded, as its shorter side (1080 = 1920×1080, or 1080×1920
 *       upright), 144 to 4320</td></tr>
 *   <tr><td>{@code pexels.query-attempts}</td><td>3</td>
 *       <td>the searches one clip may take, the description halved each time, 1 to 5</td></tr>
 *   <tr><td>{@code pexels.timeout}</td><td>30 s</td>
 *       <td>how long one API request may take, its whole answer read (seconds or ISO-8601)</td></tr>
 *   <tr><td>{@code pexels.connect-timeout}</td><td>10 s</td><td>how long connecting may take</td></tr>
 *   <tr><td>{@code pexels.download-timeout}</td><td>300 s</td>
 *       <td>how long downloading one file may take</td></tr>
 *   <tr><td>{@code pexels.requests-per-hour}</td><td>200</td>
 *       <td>the account's hourly requests, declared as 1/60 of it a minute; 0 for no limit</td></tr>
 *   <tr><td>{@code pexels.requests-per-month}</td><td>20000</td>
 *       <td>the account's monthly requests, declared as 1/31 of it a day; 0 for no limit</td></tr>
 * </table>
 */
package io.acog.providers.pexels;
