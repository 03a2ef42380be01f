/**
 * ACOG's content writer on OpenAI: the {@code planning}, {@code scripting}, {@code script_review}
 * and {@code metadata} stages, each one request to Chat Completions ({@code POST
 * {base-url}/chat/completions}) for a strict structured output ({@code response_format: {"type":
 * "json_schema", "json_schema": {name, schema, strict: true}}}). The schemas are the SPI's {@link
 * io.acog.spi.WriterSchemas}, defined once and checked against ACOG's records; the writer checks
 * every answer against them too, and renders a script's segments as the markers ACOG reads ({@code
 * [AVATAR]}, {@code [VOICEOVER]}, {@code [BROLL:description]}). The one public type is {@link
 * io.acog.providers.openai.OpenAiPlugin}, which {@link java.util.ServiceLoader} finds.
 *
 * <p><b>Why Chat Completions on the JDK's HTTP client, not the official SDK.</b> OpenAI-compatible
 * servers (Azure OpenAI, vLLM, Ollama, LiteLLM and others) implement Chat Completions, so a host can
 * point {@code openai.base-url} at one of them and keep this writer. And ACOG's own retry policy
 * must decide retries: the SDK retries 429s and 5xx by itself (quota errors included), which would
 * hide them from the policy, spend the account's budget and stretch a stage past its lease. Here a
 * call is one request, and every failure is a classified {@link io.acog.spi.ProviderException}.
 *
 * <p>Settings (a {@link io.acog.spi.ProviderConfig}; from the environment as {@code
 * ACOG_OPENAI_API_KEY} and so on). Durations are seconds or ISO-8601 ({@code PT2M}).
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Key</th><th>Default</th><th>What</th></tr>
 *   <tr><td>{@code openai.api-key}</td><td>none: required</td>
 *       <td>the API key; without it the plugin registers nothing</td></tr>
 *   <tr><td>{@code openai.base-url}</td><td>{@code https://api.openai.com/v1}</td>
 *       <td>where Chat Completions is served: OpenAI, or a compatible server</td></tr>
 *   <tr><td>{@code openai.model}</td><td>{@code gpt-4.1-mini}</td><td>the model of every stage</td></tr>
 *   <tr><td>{@code openai.model.plan}, {@code .script}, {@code .review}, {@code .metadata}</td>
 *       <td>{@code openai.model}</td><td>a stage's own model</td></tr>
 *   <tr><td>{@code openai.organization}</td><td>none</td>
 *       <td>sent as the {@code OpenAI-Organization} header</td></tr>
 *   <tr><td>{@code openai.project}</td><td>none</td><td>sent as the {@code OpenAI-Project} header</td></tr>
 *   <tr><td>{@code openai.timeout}</td><td>120 s</td><td>how long a call may take until its answer
 *       starts</td></tr>
 *   <tr><td>{@code openai.connect-timeout}</td><td>10 s</td><td>how long connecting may take</td></tr>
 *   <tr><td>{@code openai.max-output-tokens}</td><td>4096</td><td>the most tokens an answer may have
 *       ({@code max_completion_tokens}); an answer cut off there is unusable</td></tr>
 *   <tr><td>{@code openai.temperature}</td><td>the model's</td><td>sampling temperature, 0 to 2 (GPT-5
 *       models accept only their default: leave it unset for them)</td></tr>
 *   <tr><td>{@code openai.requests-per-minute}</td><td>0 (no limit)</td><td>the account's request
 *       limit, which ACOG keeps to across its workers ({@link io.acog.spi.ProviderLimits})</td></tr>
 *   <tr><td>{@code openai.price.<model>.input}, {@code .cached-input}, {@code .output}</td>
 *       <td>OpenAI's list prices of {@code gpt-4.1}, {@code gpt-4.1-mini}, {@code gpt-4.1-nano},
 *       {@code gpt-4o}, {@code gpt-4o-mini}, {@code gpt-5}, {@code gpt-5-mini}</td>
 *       <td>USD per 1M tokens: overrides a listed price, or prices another model (input and output
 *       both; cached input defaults to input)</td></tr>
 * </table>
 *
 * <p>Costs: OpenAI reports {@code usage {prompt_tokens, completion_tokens,
 * prompt_tokens_details.cached_tokens}}; a call's {@link io.acog.spi.Usage} has the uncached prompt
 * tokens as input, the cached ones apart and the completion tokens as output, priced by the model
 * the API says answered. A dated model ({@code gpt-4.1-mini-2025-04-14}) costs what its base name
 * does. A model without a price is recorded without a cost, with one warning in the log.
 *
 * <p>How failures are classified ({@link io.acog.spi.ProviderException.Reason}):
 *
 * <ul>
 *   <li>429 {@code insufficient_quota}: {@code QUOTA_EXHAUSTED}, permanent;
 *   <li>429 {@code rate_limit_exceeded} (or no code): {@code RATE_LIMITED}, retryable after {@code
 *       retry-after-ms} or {@code retry-after}, else the {@code x-ratelimit-reset-requests} or
 *       {@code -tokens} header of the limit hit;
 *   <li>400: {@code INVALID_REQUEST}, permanent ({@code CONTENT_REJECTED} for the codes {@code
 *       content_filter} and {@code content_policy_violation});
 *   <li>401 and 403 (a wrong key, a missing permission, a region OpenAI does not serve): {@code
 *       AUTHENTICATION}, permanent;
 *   <li>404 (an unknown model): {@code NOT_FOUND}, permanent;
 *   <li>500: {@code SERVER_ERROR}, 502, 503 and 504: {@code UNAVAILABLE}, retryable;
 *   <li>a timeout: {@code TIMEOUT}, a refused or reset connection: {@code UNAVAILABLE}, retryable;
 *       a 2xx body that is not a chat completion: {@code SERVER_ERROR}, retryable;
 *   <li>an unusable answer (a refusal, {@code finish_reason} {@code length} or {@code
 *       content_filter}, content that is not JSON or does not fit the schema, a script without
 *       words to speak or a b-roll segment without a description): {@code CONTENT_REJECTED} for a
 *       refusal or the filter, {@code INVALID_REQUEST} otherwise; retryable on the job's first
 *       attempt and permanent after it, since a model seldom does better the third time and every
 *       try is paid.
 * </ul>
 *
 * <p>OpenAI takes no idempotency key: a call ACOG retries may be billed twice. Messages never carry
 * the API key, nor what OpenAI quotes of a wrong one.
 */
package io.acog.providers.openai;
