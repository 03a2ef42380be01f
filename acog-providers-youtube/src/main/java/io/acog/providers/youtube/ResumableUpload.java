package io.acog.providers.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import io.acog.providers.http.JsonBodies;
import io.acog.providers.http.ProviderHttp;
import io.acog.spi.ProviderCall;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video sent with Google's resumable upload protocol, so that neither a cut connection nor a
 * crashed worker makes it upload (and spend YouTube's upload quota) twice:
 *
 * <ol>
 *   <li>{@code POST /upload/youtube/v3/videos?uploadType=resumable&part=snippet,status} with the
 *       video resource and {@code X-Upload-Content-Length}/{@code -Type} answers {@code 200} with
 *       the session's URI in {@code Location}, which is saved in the checkpoint <em>before</em> the
 *       first byte is sent;
 *   <li>{@code PUT session} with a chunk and {@code Content-Range: bytes a-b/total} answers {@code
 *       308} with {@code Range: bytes=0-n} (go on from n+1; no {@code Range}: from 0), or {@code
 *       200}/{@code 201} with the video resource once the last byte is in;
 *   <li>a later attempt with a saved session asks how far it got ({@code PUT session}, empty, with
 *       {@code Content-Range: bytes *}{@code /total}) and sends only the rest; a session that
 *       expired ({@code 404}/{@code 410}, after about a week) is replaced by a new one.
 * </ol>
 *
 * <p>The episode's cancellation is checked before each chunk: the upload stops there without
 * starting anything new. A failed chunk (a 5xx, a cut connection) fails the attempt as retryable
 * and keeps the session, so the next attempt resumes. The session URI is never logged nor put in a
 * message (messages name the path, not the query that identifies the session). Thread-safe.
 */
final class ResumableUpload {

    private static final Logger LOG = LoggerFactory.getLogger(ResumableUpload.class);

    private static final String INSERT = "videos.insert";
    private static final String SEND = "the video upload";
    private static final String STATUS = "the video upload's status query";

    /** Answers in a row that take no new byte before an attempt gives up. */
    private static final int STALLS = 3;

    private static final Pattern RANGE = Pattern.compile("bytes=0-(\\d{1,18})");

    private final YouTubeClient client;
    private final URI insertUri;
    private final int chunkSize;

    ResumableUpload(YouTubeClient client, URI uploadBaseUrl, int chunkSize) {
        this.client = client;
        this.insertUri =
                URI.create(uploadBaseUrl + "/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status");
        this.chunkSize = chunkSize;
    }

    /** What YouTube said of a session: done, how much it has, or that it expired. */
    private sealed interface Answer permits Done, Resume, Expired {}

    private record Done(String videoId) implements Answer {}

    private record Resume(long offset) implements Answer {}

    private record Expired() implements Answer {}

    /**
     * Uploads the video, resuming the checkpoint's session if it has one, and returns the
     * checkpoint with the video's id, saved.
     *
     * @param credential the channel's credentials
     * @param resource the video resource to start a session with
     * @param video the video
     * @param checkpoint the checkpoint so far
     * @param call the call, for its checkpoint, progress and cancellation
     * @return the checkpoint with the video's id
     * @throws ProviderException when the upload fails (retryable ones keep the session), or
     *     permanent when the episode was cancelled
     */
    UploadCheckpoint upload(
            Credential credential,
            VideoResource resource,
            VideoFile video,
            UploadCheckpoint checkpoint,
            ProviderCall call) {
        long total = video.size();
        URI session = null;
        long offset = 0;
        if (checkpoint.session() != null && checkpoint.size() != total) {
            LOG.info(
                    "episode {}: the video is {} bytes, its saved YouTube upload session was for {}: starting a new one",
                    call.episodeId(),
                    total,
                    checkpoint.size());
        } else if (checkpoint.session() != null) {
            Answer answer = query(credential, checkpoint.session(), total);
            if (answer instanceof Done done) {
                LOG.info(
                        "episode {}: the YouTube upload had finished before: video {}",
                        call.episodeId(),
                        done.videoId());
                return saved(call, checkpoint.withVideoId(done.videoId()));
            }
            if (answer instanceof Resume resume) {
                session = checkpoint.session();
                offset = resume.offset();
                LOG.info("episode {}: resuming the YouTube upload at byte {} of {}", call.episodeId(), offset, total);
            } else {
                LOG.info("episode {}: the saved YouTube upload session expired: starting a new one", call.episodeId());
            }
        }
        boolean startedHere = false;
        while (true) {
            if (session == null) {
                if (startedHere) {
                    throw ProviderException.retryable(
                            YouTubeSettings.NAME,
                            Reason.SERVER_ERROR,
                            SEND + " failed: YouTube let a new upload session expire before it was done",
                            null);
                }
                stopIfCancelled(call, "before the upload began");
                session = start(credential, resource, video);
                checkpoint = saved(call, checkpoint.withSession(session, total));
                offset = 0;
                startedHere = true;
                LOG.info(
                        "episode {}: YouTube upload session started for {} bytes in chunks of {}",
                        call.episodeId(),
                        total,
                        chunkSize);
            }
            Answer answer = sendFrom(credential, session, video, offset, call);
            if (answer instanceof Done done) {
                LOG.info("episode {}: uploaded to YouTube as video {}", call.episodeId(), done.videoId());
                return saved(call, checkpoint.withVideoId(done.videoId()));
            }
            LOG.info(
                    "episode {}: the YouTube upload session expired during the upload: starting a new one",
                    call.episodeId());
            session = null;
        }
    }

    /** Starts a session: the video resource goes first, the bytes follow to the returned URI. */
    private URI start(Credential credential, VideoResource resource, VideoFile video) {
        byte[] json = resource.json().toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = client.send(
                credential,
                () -> http().request(insertUri)
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .header("X-Upload-Content-Length", Long.toString(video.size()))
                        .header("X-Upload-Content-Type", video.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json)),
                INSERT);
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty() || location.get().isBlank()) {
            throw JsonBodies.malformed(http(), INSERT + "'s answer", "it has no Location (the upload session)");
        }
        try {
            return insertUri.resolve(location.get().trim());
        } catch (IllegalArgumentException e) {
            throw JsonBodies.malformed(http(), INSERT + "'s answer", "its Location is not a URI");
        }
    }

    /** Sends the video from {@code offset} in chunks until YouTube has it all, or the session expired. */
    private Answer sendFrom(Credential credential, URI session, VideoFile video, long offset, ProviderCall call) {
        long total = video.size();
        long position = offset;
        int stalls = 0;
        while (true) {
            Answer answer;
            if (position >= total) {
                answer = query(credential, session, total); // every byte is in: ask for the video
            } else {
                stopIfCancelled(call, "after " + position + " of " + total + " bytes");
                long first = position;
                long length = Math.min(chunkSize, total - position);
                String range = "bytes " + first + "-" + (first + length - 1) + "/" + total;
                answer = answer(client.send(
                        credential,
                        () -> http().request(session)
                                .header("Content-Type", video.contentType())
                                .header("Content-Range", range)
                                .PUT(video.slice(first, length)),
                        SEND,
                        ResumableUpload::sessionStatus));
            }
            if (!(answer instanceof Resume resume)) {
                if (answer instanceof Done) {
                    call.progress(1.0);
                }
                return answer;
            }
            stalls = resume.offset() > position ? 0 : stalls + 1;
            if (stalls >= STALLS) {
                throw ProviderException.retryable(
                        YouTubeSettings.NAME,
                        Reason.SERVER_ERROR,
                        SEND + " failed: YouTube took none of the bytes after byte " + resume.offset() + " of " + total
                                + " " + STALLS + " times in a row",
                        null);
            }
            position = resume.offset();
            call.progress((double) position / total);
        }
    }

    /** Asks a session how far it got: {@code PUT} of nothing, {@code Content-Range: bytes *}{@code /total}. */
    private Answer query(Credential credential, URI session, long total) {
        return answer(client.send(
                credential,
                () -> http().request(session)
                        .header("Content-Range", "bytes */" + total)
                        .PUT(HttpRequest.BodyPublishers.noBody()),
                STATUS,
                ResumableUpload::sessionStatus));
    }

    private static boolean sessionStatus(int status) {
        return status == 308 || status == 404 || status == 410;
    }

    private Answer answer(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 404 || status == 410) {
            return new Expired();
        }
        if (status == 308) {
            Optional<String> range = response.headers().firstValue("Range");
            if (range.isEmpty()) {
                return new Resume(0);
            }
            Matcher matcher = RANGE.matcher(range.get().trim());
            if (!matcher.matches()) {
                throw JsonBodies.malformed(http(), "the upload session's answer", "its Range is not bytes=0-<n>");
            }
            return new Resume(Long.parseLong(matcher.group(1)) + 1);
        }
        JsonNode video = JsonBodies.object(http(), response.body(), "the uploaded video");
        String id = video.path("id").asText("");
        if (id.isBlank()) {
            throw JsonBodies.malformed(http(), "the uploaded video", "it has no id");
        }
        return new Done(id);
    }

    private static UploadCheckpoint saved(ProviderCall call, UploadCheckpoint checkpoint) {
        call.saveCheckpoint(checkpoint.json());
        return checkpoint;
    }

    private static void stopIfCancelled(ProviderCall call, String when) {
        if (call.cancelRequested()) {
            throw ProviderException.permanent(
                    YouTubeSettings.NAME,
                    Reason.INVALID_REQUEST,
                    "the episode was cancelled; the YouTube upload was stopped " + when);
        }
    }

    private ProviderHttp http() {
        return client.http();
    }
}
