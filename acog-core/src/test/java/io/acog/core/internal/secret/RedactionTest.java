package io.acog.core.internal.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.spi.ProviderException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private static String printed(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void aRememberedSecretIsMaskedWhereverItAppearsTheLongestFirst() {
        Redaction.remember("remembered-secret-1");
        Redaction.remember("remembered-secret-1-and-more");

        assertThat(Redaction.redact("key remembered-secret-1-and-more, again remembered-secret-1."))
                .isEqualTo("key ***, again ***.");
    }

    @Test
    void aValueTooShortToBeASecretIsNotRememberedSoOrdinaryWordsSurvive() {
        Redaction.remember("audio");
        Redaction.remember("   ");
        Redaction.remember(null);

        assertThat(Redaction.redact("audio failed")).isEqualTo("audio failed");
    }

    @Test
    void credentialsOfCommonShapesAreMaskedWithoutBeingKnown() {
        assertThat(Redaction.redact("GET https://user:pa55word@api.example.com/v1 failed"))
                .isEqualTo("GET https://***@api.example.com/v1 failed");
        assertThat(Redaction.redact("GET https://api.example.com/v1?voice=rachel&api_key=abc123def&x=1"))
                .isEqualTo("GET https://api.example.com/v1?voice=rachel&api_key=***&x=1");
        assertThat(Redaction.redact("s3 https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIAX%2F1&X-Amz-Signature=f00d"))
                .isEqualTo("s3 https://b.s3.amazonaws.com/k?X-Amz-Credential=***&X-Amz-Signature=***");
        assertThat(Redaction.redact("Authorization: Bearer eyToken.value-123")).isEqualTo("Authorization: Bearer ***");
        assertThat(Redaction.redact("sent xi-api-key: 0123abcd to the server"))
                .isEqualTo("sent xi-api-key: *** to the server");
        assertThat(Redaction.redact("{\"api_key\": \"k-123456\", \"voice\": \"rachel\"}"))
                .isEqualTo("{\"api_key\": \"***\", \"voice\": \"rachel\"}");
        assertThat(Redaction.redact("the API key sk-proj-abcdefghijklmnop1234 is invalid"))
                .isEqualTo("the API key *** is invalid");
        assertThat(Redaction.redact("aws AKIAIOSFODNN7EXAMPLE denied")).isEqualTo("aws *** denied");
        assertThat(Redaction.redact("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N"))
                .isEqualTo("token ***");
        // ordinary text is left alone
        assertThat(Redaction.redact("audio: elevenlabs: 429 Too Many Requests; retry after 2 s"))
                .isEqualTo("audio: elevenlabs: 429 Too Many Requests; retry after 2 s");
        assertThat(Redaction.redact("the monkey ate the keyboard")).isEqualTo("the monkey ate the keyboard");
    }

    @Test
    void anErrorIsCopiedWithItsClassNamesStackAndCausesRedacted() {
        Redaction.remember("copied-secret-42");
        IllegalStateException error = new IllegalStateException(
                "client failed with copied-secret-42",
                new UncheckedIOException(new IOException("GET https://h/x?token=copied-secret-42")));
        error.addSuppressed(new IllegalArgumentException("closing copied-secret-42"));

        Throwable redacted = Redaction.redact(error);

        String printed = printed(redacted);
        assertThat(printed)
                .startsWith("java.lang.IllegalStateException: client failed with ***")
                .doesNotContain("copied-secret-42")
                .contains("java.lang.IllegalStateException: client failed with ***")
                .contains("java.io.IOException: GET https://h/x?token=***")
                .contains("java.lang.IllegalArgumentException: closing ***")
                .contains("io.acog.core.internal.secret.RedactionTest.anErrorIsCopied");
        assertThat(redacted.getStackTrace()).isEqualTo(error.getStackTrace());
        // an error holding no secret is logged as it is
        IllegalStateException clean = new IllegalStateException("nothing to hide");
        assertThat(Redaction.redact(clean)).isSameAs(clean);
    }

    @Test
    void anErrorIsDescribedInOneLineAProvidersByItsMessage() {
        Redaction.remember("described-secret-7");
        assertThat(Redaction.describe(new IllegalStateException("bad described-secret-7")))
                .isEqualTo("IllegalStateException: bad ***");
        assertThat(Redaction.describe(ProviderException.permanent(
                        "elevenlabs", ProviderException.Reason.AUTHENTICATION, "key described-secret-7 is invalid")))
                .isEqualTo(ProviderException.permanent(
                                "elevenlabs", ProviderException.Reason.AUTHENTICATION, "key *** is invalid")
                        .getMessage());
        assertThat(Redaction.describe(new IllegalStateException())).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void aRecordableTextHoldsNothingPostgresCannotStoreAndIsCutToItsLimit() {
        assertThat(Redaction.recordable("a\u0000b\uD800c")).isEqualTo("a\uFFFDb\uFFFDc");
        assertThat(Redaction.recordable("emoji \uD83C\uDFAC kept")).isEqualTo("emoji \uD83C\uDFAC kept");
        assertThat(Redaction.recordable(null)).isEqualTo("failed without a message");
        assertThat(Redaction.recordable(" ")).isEqualTo("failed without a message");
        String longText = "x".repeat(Redaction.LONGEST_ERROR + 10);
        assertThat(Redaction.recordable(longText))
                .startsWith("x".repeat(Redaction.LONGEST_ERROR))
                .endsWith("… (10 more characters)");
    }
}
