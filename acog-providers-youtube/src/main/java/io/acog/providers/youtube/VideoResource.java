package io.acog.providers.youtube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acog.providers.http.JsonBodies;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.Publisher.Privacy;
import io.acog.spi.Publisher.PublishRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code video} resource a resumable upload starts with ({@code snippet} and {@code status}),
 * made from a publish request and checked against YouTube's limits before anything is sent, so a
 * request YouTube would refuse fails at once, naming the field, its length and the limit:
 *
 * <ul>
 *   <li>the title: 1 to 100 characters, without {@code <} or {@code >};
 *   <li>the description: at most 5,000 bytes (UTF-8), without {@code <} or {@code >};
 *   <li>the category: YouTube's numeric id, e.g. {@code "27"}.
 * </ul>
 *
 * <p>Tags are fitted rather than refused: blank ones and ones with {@code <} or {@code >} are left
 * out, and of the rest the first that fit in YouTube's 500 characters are kept (counted as YouTube
 * counts them: the commas between tags, and two quotes around a tag with a space), the others
 * dropped and listed in {@link #droppedTags()}.
 *
 * <p>A {@code publishAt} makes the video private, whatever the privacy asked for: YouTube
 * publishes a scheduled video only from private, at that time.
 *
 * @param json the resource, to send
 * @param droppedTags the tags left out, for a warning; empty when all were kept
 */
record VideoResource(ObjectNode json, List<String> droppedTags) {

    static final int TITLE_LIMIT = 100;
    static final int DESCRIPTION_LIMIT_BYTES = 5000;
    static final int TAGS_LIMIT = 500;

    private static final Pattern CATEGORY = Pattern.compile("[0-9]{1,10}");

    /**
     * Makes the resource for {@code request}.
     *
     * @param request what to publish
     * @return the resource
     * @throws ProviderException (permanent, {@link Reason#INVALID_REQUEST}) when the title, the
     *     description or the category breaks YouTube's rules; the message names the field, its
     *     length and the limit
     */
    static VideoResource of(PublishRequest request) {
        String title = request.title().strip();
        int titleLength = title.codePointCount(0, title.length());
        if (titleLength == 0) {
            throw invalid("the title is empty; YouTube requires one of 1 to " + TITLE_LIMIT + " characters");
        }
        if (titleLength > TITLE_LIMIT) {
            throw invalid("the title is " + titleLength + " characters long; YouTube allows at most " + TITLE_LIMIT);
        }
        refuseAngleBrackets("title", title);
        String description = request.description();
        int descriptionBytes = description.getBytes(StandardCharsets.UTF_8).length;
        if (descriptionBytes > DESCRIPTION_LIMIT_BYTES) {
            throw invalid("the description is " + descriptionBytes + " bytes long (UTF-8); YouTube allows at most "
                    + DESCRIPTION_LIMIT_BYTES);
        }
        refuseAngleBrackets("description", description);
        String category =
                request.categoryId() == null ? null : request.categoryId().strip();
        if (category != null
                && !category.isEmpty()
                && !CATEGORY.matcher(category).matches()) {
            throw invalid("the categoryId (platform_config.category_id) is '" + category
                    + "'; it must be YouTube's numeric category id, e.g. 27 for Education");
        }

        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        fitTags(request.tags(), kept, dropped);

        ObjectNode json = JsonBodies.MAPPER.createObjectNode();
        ObjectNode snippet = json.putObject("snippet");
        snippet.put("title", title);
        snippet.put("description", description);
        ArrayNode tags = snippet.putArray("tags");
        kept.forEach(tags::add);
        if (category != null && !category.isEmpty()) {
            snippet.put("categoryId", category);
        }
        if (request.language() != null && !request.language().isBlank()) {
            snippet.put("defaultLanguage", request.language().strip());
            snippet.put("defaultAudioLanguage", request.language().strip());
        }
        ObjectNode status = json.putObject("status");
        if (request.publishAt() != null) {
            status.put("privacyStatus", Privacy.PRIVATE.label());
            status.put("publishAt", request.publishAt().toString());
        } else {
            status.put("privacyStatus", request.privacy().label());
        }
        status.put("selfDeclaredMadeForKids", request.madeForKids());
        status.put("containsSyntheticMedia", request.containsSyntheticMedia());
        return new VideoResource(json, List.copyOf(dropped));
    }

    /** How many of YouTube's 500 characters a tag takes: quotes around one with a space. */
    static int tagLength(String tag) {
        return tag.codePointCount(0, tag.length()) + (tag.contains(" ") ? 2 : 0);
    }

    private static void fitTags(List<String> tags, List<String> kept, List<String> dropped) {
        int used = 0;
        boolean full = false;
        for (String raw : tags) {
            String tag = raw == null ? "" : raw.strip();
            if (tag.isEmpty()) {
                continue;
            }
            int cost = tagLength(tag) + (kept.isEmpty() ? 0 : 1);
            if (full || tag.indexOf('<') >= 0 || tag.indexOf('>') >= 0 || used + cost > TAGS_LIMIT) {
                dropped.add(tag);
                full = full || used + cost > TAGS_LIMIT;
                continue;
            }
            kept.add(tag);
            used += cost;
        }
    }

    private static void refuseAngleBrackets(String field, String value) {
        int at = value.indexOf('<') >= 0 ? value.indexOf('<') : value.indexOf('>');
        if (at >= 0) {
            throw invalid("the " + field + " contains '" + value.charAt(at) + "' (at character " + (at + 1)
                    + "); YouTube refuses < and > in it");
        }
    }

    private static ProviderException invalid(String message) {
        return ProviderException.permanent(YouTubeSettings.NAME, Reason.INVALID_REQUEST, message);
    }
}
