package io.acog.providers.pexels;

import java.util.ArrayList;
import java.util.List;

/**
 * The searches made for one b-roll description: the whole description first, then shorter ones.
 * A marker's description is a phrase ("city skyline at dusk with light trails"), and Pexels finds
 * fewer videos the more words a query has; its first words usually name the subject. So each next
 * query keeps the first half of the words of the one before (rounded up): eight words, then four,
 * then two. Punctuation around words is dropped.
 */
final class SearchQueries {

    private SearchQueries() {}

    /**
     * Returns the queries to try in order, at most {@code attempts}, none twice.
     *
     * @param description the marker's description, not blank
     * @param attempts the most queries to make, at least 1
     * @return the queries, the whole description first
     */
    static List<String> of(String description, int attempts) {
        List<String> words = new ArrayList<>();
        for (String word : description.strip().split("\\s+")) {
            String trimmed = word.replaceAll("^[\\p{Punct}]+|[\\p{Punct}]+$", "");
            if (!trimmed.isEmpty()) {
                words.add(trimmed);
            }
        }
        List<String> queries = new ArrayList<>();
        if (words.isEmpty()) {
            queries.add(description.strip());
            return queries;
        }
        int count = words.size();
        while (queries.size() < attempts) {
            queries.add(String.join(" ", words.subList(0, count)));
            if (count == 1) {
                break;
            }
            count = (count + 1) / 2;
        }
        return queries;
    }
}
