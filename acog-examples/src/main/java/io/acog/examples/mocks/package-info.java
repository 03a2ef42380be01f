/**
 * Local stand-ins of the services the real provider adapters call, each a WireMock server that
 * answers the success paths of {@code CONTRACTS.md} with what the service documents: OpenAI's Chat
 * Completions ({@link io.acog.examples.mocks.OpenAiMock}), ElevenLabs' text-to-speech with
 * timestamps ({@link io.acog.examples.mocks.ElevenLabsMock}), Google's OAuth token endpoint and
 * YouTube's resumable uploads ({@link io.acog.examples.mocks.YouTubeMock}) and an S3 bucket that
 * keeps what is put in it ({@link io.acog.examples.mocks.S3Mock}). {@link
 * io.acog.examples.MockProviders} starts all four and prints the settings that point the adapters
 * at them.
 *
 * <p>They are for demos and end-to-end tests, not for testing an adapter's error handling (each
 * adapter's own contract tests do that): a request they cannot answer gets the service's error
 * shape with a message saying what was wrong, never a made-up success. Nothing they hold survives
 * a restart, and everything uploaded is kept in memory.
 */
package io.acog.examples.mocks;
