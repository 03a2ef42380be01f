/**
 * ACOG's publisher on the YouTube Data API v3: {@link io.acog.providers.youtube.YouTubePlugin}
 * registers it (name {@code "youtube"}) through {@link java.util.ServiceLoader}. It uploads the
 * assembled video with Google's resumable protocol, saving the session in the job's checkpoint
 * before the first byte so that a retry or another worker after a crash resumes the upload instead
 * of uploading (and spending YouTube's upload quota) twice; then it sets the thumbnail and adds the
 * captions. It talks HTTP through the JDK's client and refreshes OAuth access tokens itself
 * (Google's Java client cannot resume a session saved by another process).
 *
 * <p>Settings (a {@link io.acog.spi.ProviderConfig}; from the environment as {@code
 * ACOG_YOUTUBE_CLIENT_ID} and so on):
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Key</th><th>Default</th><th>What</th></tr>
 *   <tr><td>{@code youtube.client-id}</td><td>required</td><td>the OAuth client's id</td></tr>
 *   <tr><td>{@code youtube.client-secret}</td><td>required</td><td>the OAuth client's secret</td></tr>
 *   <tr><td>{@code youtube.refresh-token}</td><td>required</td>
 *       <td>the refresh token of channels without {@code oauth_credential_ref}, granted with the
 *       {@code youtube.upload} scope</td></tr>
 *   <tr><td>{@code youtube.credentials.<ref>.refresh-token}</td><td>none</td>
 *       <td>the refresh token of channels whose {@code platform_config.oauth_credential_ref} is
 *       {@code <ref>}; required for such a channel</td></tr>
 *   <tr><td>{@code youtube.credentials.<ref>.client-id}, {@code ...client-secret}</td>
 *       <td>the default client's</td><td>their OAuth client, when it is another</td></tr>
 *   <tr><td>{@code youtube.token-url}</td><td>{@code https://oauth2.googleapis.com/token}</td>
 *       <td>Google's OAuth token endpoint</td></tr>
 *   <tr><td>{@code youtube.base-url}</td><td>{@code https://www.googleapis.com}</td>
 *       <td>the Data API's root ({@code /youtube/v3/...})</td></tr>
 *   <tr><td>{@code youtube.upload-base-url}</td><td>{@code https://www.googleapis.com}</td>
 *       <td>the upload root ({@code /upload/youtube/v3/...})</td></tr>
 *   <tr><td>{@code youtube.chunk-size}</td><td>{@code 8MiB}</td>
 *       <td>bytes per request of an upload: a multiple of 256 KiB, in bytes or as {@code 256KiB},
 *       {@code 8MiB}</td></tr>
 *   <tr><td>{@code youtube.timeout}</td><td>120 s</td>
 *       <td>how long one request (one chunk) may take, in seconds or ISO-8601</td></tr>
 *   <tr><td>{@code youtube.connect-timeout}</td><td>10 s</td><td>how long connecting may take</td></tr>
 *   <tr><td>{@code youtube.uploads-per-day}</td><td>100</td>
 *       <td>uploads the fleet starts per Pacific day (YouTube's {@code videos.insert} bucket); 0 for
 *       no limit</td></tr>
 * </table>
 */
package io.acog.providers.youtube;
