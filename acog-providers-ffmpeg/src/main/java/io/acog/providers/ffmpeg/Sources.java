package io.acog.providers.ffmpeg;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An assembly's inputs as files ffmpeg reads, each with the episode part it is, so that a failure
 * can name the part at fault.
 *
 * @param narration the narration, the video's sound
 * @param avatar the presenter's video; null when no cut shows it
 * @param clips the b-roll clips the cuts show, by clip index
 * @param music the background music; null for none
 */
record Sources(Source narration, Source avatar, Map<Integer, Source> clips, Source music) {

    /**
     * One input.
     *
     * @param part what it is in the episode, e.g. {@code b-roll clip 3}
     * @param uri where the pipeline keeps it
     * @param path the file ffmpeg reads: the stored file itself, or a copy in the workspace
     * @param video whether ffmpeg is to read a picture from it (else a sound)
     */
    record Source(String part, URI uri, Path path, boolean video) {

        /** The part and where it is kept, for a message: no query string, no user info (a signed URL's secrets). */
        String describe() {
            String path = uri.getPath() == null ? "" : uri.getPath();
            String where = uri.getScheme() == null
                    ? path
                    : uri.getScheme() + ":" + (uri.getHost() == null ? "" : "//" + uri.getHost()) + path;
            return part + " (" + where + ")";
        }
    }

    /** Every input, narration first. */
    List<Source> all() {
        List<Source> all = new ArrayList<>();
        all.add(narration);
        if (avatar != null) {
            all.add(avatar);
        }
        all.addAll(clips.values());
        if (music != null) {
            all.add(music);
        }
        return all;
    }
}
