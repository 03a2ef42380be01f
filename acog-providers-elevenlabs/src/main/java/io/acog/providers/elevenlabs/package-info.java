/**
 * ACOG's voice on ElevenLabs: {@link io.acog.providers.elevenlabs.ElevenLabsPlugin} registers a
 * {@link io.acog.spi.VoiceSynthesizer} named {@code "elevenlabs"} (found by {@link
 * java.util.ServiceLoader}) when {@code elevenlabs.api-key} is set. It speaks a script with
 * {@code POST /v1/text-to-speech/{voice_id}/with-timestamps} and returns the audio with each
 * line's and word's time, taken from ElevenLabs' character times. A script longer than the model's
 * character limit is spoken in parts stitched together (request stitching), and their audio joined
 * into one MP3 or WAV file.
 *
 * <p>The channel's {@code voice_profile} chooses the voice: {@code voice_id}, {@code model}, {@code
 * settings} ({@code stability}, {@code similarity_boost}, {@code style}, {@code use_speaker_boost},
 * {@code speed}) and {@code seed}.
 *
 * <p>Settings (a {@link io.acog.spi.ProviderConfig}; from the environment as {@code
 * ACOG_ELEVENLABS_API_KEY} and so on):
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Key</th><th>Default</th><th>What</th></tr>
 *   <tr><td>{@code elevenlabs.api-key}</td><td>none: nothing is registered without it</td>
 *       <td>the API key, sent as {@code xi-api-key}</td></tr>
 *   <tr><td>{@code elevenlabs.base-url}</td><td>{@code https://api.elevenlabs.io}</td>
 *       <td>where the API is (a proxy, a test server)</td></tr>
 *   <tr><td>{@code elevenlabs.model}</td><td>{@code eleven_multilingual_v2}</td>
 *       <td>the model when the channel's {@code voice_profile.model} names none</td></tr>
 *   <tr><td>{@code elevenlabs.voice-id}</td><td>none</td>
 *       <td>the voice when the channel's {@code voice_profile.voice_id} names none</td></tr>
 *   <tr><td>{@code elevenlabs.output-format}</td><td>{@code mp3_44100_128}</td>
 *       <td>an MP3 ({@code mp3_<rate>_<kbit/s>}) or PCM ({@code pcm_<rate>}, stored as WAV)
 *       format</td></tr>
 *   <tr><td>{@code elevenlabs.enable-logging}</td><td>{@code true}</td>
 *       <td>{@code false} asks for zero retention (enterprise plans), which also turns request
 *       stitching off</td></tr>
 *   <tr><td>{@code elevenlabs.concurrent-requests}</td><td>2</td>
 *       <td>the plan's concurrent requests, which ACOG keeps the fleet within; 0 for no limit</td></tr>
 *   <tr><td>{@code elevenlabs.price-per-1k-characters}</td><td>0.30</td>
 *       <td>the plan's price in US dollars per 1,000 characters, for the episode's cost</td></tr>
 *   <tr><td>{@code elevenlabs.timeout}</td><td>180 s</td>
 *       <td>how long one request may take, its whole answer read (seconds or ISO-8601)</td></tr>
 *   <tr><td>{@code elevenlabs.connect-timeout}</td><td>10 s</td><td>how long connecting may take</td></tr>
 *   <tr><td>{@code elevenlabs.max-characters}</td><td>the model's limit</td>
 *       <td>the characters one request may carry (at least 20)</td></tr>
 * </table>
 */
package io.acog.providers.elevenlabs;
