package io.acog.providers.pexels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The searches made for a description: whole, then halved. */
class SearchQueriesTest {

    @Test
    void eachQueryKeepsTheFirstHalfOfTheWordsOfTheOneBefore() {
        assertThat(SearchQueries.of("a busy city street at night, seen from above", 3))
                .containsExactly("a busy city street at night seen from above", "a busy city street at", "a busy city");
        assertThat(SearchQueries.of("aurora borealis", 3)).containsExactly("aurora borealis", "aurora");
        assertThat(SearchQueries.of("  volcano!  ", 3)).containsExactly("volcano");
    }

    @Test
    void theAttemptsBoundTheQueries() {
        assertThat(SearchQueries.of("one two three four five six seven eight", 1))
                .containsExactly("one two three four five six seven eight");
        assertThat(SearchQueries.of("one two three four five six seven eight", 5))
                .containsExactly("one two three four five six seven eight", "one two three four", "one two", "one");
    }

    @Test
    void aDescriptionOfPunctuationOnlyIsSearchedAsItIs() {
        assertThat(SearchQueries.of("?!", 3)).containsExactly("?!");
    }
}
