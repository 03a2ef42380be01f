package io.acog.providers.offline;

import io.acog.spi.ChannelBrief;
import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderCall;
import io.acog.spi.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The offline writer: a plan and a script built from the idea with the channel's persona and style
 * (valid markers, one b-roll clip per section), a review that approves after the configured
 * rejections, and SEO metadata. Thread-safe.
 */
final class TemplateWriter implements ContentWriter {

    private static final BigDecimal PER_TOKEN = new BigDecimal("0.00001");
    /** The prompt around each call's output, in tokens... */
    private static final long PROMPT_TOKENS = 500;
    /** ...of which the provider's cache served this many (a system prompt shared by every call). */
    private static final long CACHED_PROMPT_TOKENS = 100;

    private final CallLog log;
    private final int rejectedReviews;
    private final AtomicInteger reviews = new AtomicInteger();

    TemplateWriter(CallLog log, int rejectedReviews) {
        this.log = log;
        this.rejectedReviews = rejectedReviews;
    }

    @Override
    public String name() {
        return OfflineProviders.NAME;
    }

    @Override
    public Plan plan(PlanRequest request, ProviderCall call) {
        log.enter("planning", "call", call);
        String topic = topic(request.idea());
        List<Map<String, Object>> sections = new ArrayList<>();
        List<String> broll = new ArrayList<>();
        List<String> points = strings(request.idea().get("key_points"));
        int count = sectionCount(request.channel());
        for (int i = 0; i < count; i++) {
            String title = i < points.size() ? points.get(i) : "Part " + (i + 1) + " of " + topic;
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("title", title);
            section.put("summary", "What " + title.toLowerCase(Locale.ROOT) + " tells us about " + topic + ".");
            section.put("key_points", List.of(title));
            section.put("estimated_seconds", 60);
            sections.add(section);
            broll.add("visual for " + clean(title).toLowerCase(Locale.ROOT));
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("hook", hook(request.channel(), topic));
        plan.put("intro", "Today " + persona(request.channel()) + " explains " + topic + ".");
        plan.put("sections", sections);
        plan.put("key_facts", List.of(topic + " is worth understanding."));
        plan.put("ctas", List.of("Subscribe for more on " + niche(request.channel()) + "."));
        plan.put("broll_suggestions", broll);
        return new Plan(plan, OfflineProviders.MODEL, tokens(words(plan.toString())));
    }

    @Override
    public Script script(ScriptRequest request, ProviderCall call) {
        log.enter("scripting", "call", call);
        String topic = topic(request.idea());
        StringBuilder script = new StringBuilder();
        script.append("[AVATAR] Hi, I'm ")
                .append(clean(persona(request.channel())))
                .append(". ")
                .append(clean(str(request.plan().get("hook"), hook(request.channel(), topic))))
                .append('\n');
        List<String> broll = strings(request.plan().get("broll_suggestions"));
        List<Object> sections = list(request.plan().get("sections"));
        for (int i = 0; i < sections.size(); i++) {
            Map<String, Object> section = map(sections.get(i));
            String title = clean(str(section.get("title"), "Part " + (i + 1)));
            String visual = i < broll.size() ? clean(broll.get(i)) : "visual for " + title;
            script.append("[BROLL:")
                    .append(visual)
                    .append("] ")
                    .append(clean(str(section.get("summary"), title + ".")))
                    .append('\n');
            script.append("[VOICEOVER] Here is the key point: ").append(title).append(", explained step by step.\n");
        }
        for (String note : request.reviewNotes()) {
            script.append("[VOICEOVER] Revised as the review asked: ")
                    .append(clean(note))
                    .append('\n');
        }
        script.append("[AVATAR] So, what would you ask next about ")
                .append(clean(topic))
                .append("?\n");
        return new Script(script.toString(), OfflineProviders.MODEL, tokens(words(script.toString())));
    }

    @Override
    public Review review(ReviewRequest request, ProviderCall call) {
        log.enter("script_review", "call", call);
        boolean approved = reviews.incrementAndGet() > rejectedReviews;
        return new Review(
                approved,
                approved ? List.of() : List.of("Make the hook shorter and add one concrete number."),
                OfflineProviders.MODEL,
                tokens(words(request.script()) / 4));
    }

    @Override
    public Metadata metadata(MetadataRequest request, ProviderCall call) {
        log.enter("metadata", "call", call);
        String topic = topic(request.idea());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("final_title", capitalize(topic) + " — explained by " + persona(request.channel()));
        metadata.put(
                "description",
                str(request.plan().get("intro"), topic) + " "
                        + String.join(" ", strings(request.plan().get("key_facts"))));
        List<String> tags = new ArrayList<>(strings(request.channel().persona().get("expertise_areas")));
        tags.add(topic.toLowerCase(Locale.ROOT));
        metadata.put("tags", tags);
        metadata.put("thumbnail_prompt", "A bold thumbnail about " + topic);
        metadata.put("social_copy", Map.of("twitter", "New video: " + topic));
        return new Metadata(metadata, OfflineProviders.MODEL, tokens(200));
    }

    /** What a call that wrote {@code words} words used: its completion, and the prompt around it. */
    private static Usage tokens(long words) {
        long output = words * 4 / 3;
        long total = output + PROMPT_TOKENS;
        return Usage.cost(PER_TOKEN.multiply(BigDecimal.valueOf(total)).setScale(4, RoundingMode.HALF_UP))
                .withTokens(PROMPT_TOKENS - CACHED_PROMPT_TOKENS, CACHED_PROMPT_TOKENS, output);
    }

    private static long words(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return text.trim().split("\\s+").length;
    }

    private static String topic(Map<String, Object> idea) {
        return clean(str(idea.get("topic"), "an untitled idea"));
    }

    /** The presenter's name: the persona's {@code name}, else the channel's. */
    static String persona(ChannelBrief channel) {
        return str(channel.persona().get("name"), channel.name() == null ? "your host" : channel.name());
    }

    private static String niche(ChannelBrief channel) {
        return channel.niche() == null ? "this topic" : channel.niche();
    }

    private static int sectionCount(ChannelBrief channel) {
        Object structure = channel.styleGuide().get("structure_preferences");
        Object target = structure instanceof Map<?, ?> map ? map.get("sections_target") : null;
        return target instanceof Number number ? Math.max(1, Math.min(number.intValue(), 8)) : 3;
    }

    private static String hook(ChannelBrief channel, String topic) {
        List<String> quirks = strings(channel.persona().get("quirks"));
        boolean analogies =
                quirks.stream().anyMatch(q -> q.toLowerCase(Locale.ROOT).contains("analog"));
        return analogies
                ? "Think of " + topic + " as a journey across the night sky."
                : "Here is what nobody tells you about " + topic + ".";
    }

    /** Text safe inside a script: no brackets that could read as markers, one line. */
    private static String clean(String text) {
        return text.replace('[', '(').replace(']', ')').replaceAll("\\s+", " ").trim();
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String str(Object value, String fallback) {
        return value instanceof String text && !text.isBlank() ? text : fallback;
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> items ? new ArrayList<>(items) : List.of();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map
                ? (Map<String, Object>) map
                : value instanceof String text ? Map.of("title", text) : Map.of();
    }
}
