package io.acog.providers.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.spi.ProviderConfig;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3SettingsTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYsettingsKEY";

    private static S3Settings read(String... pairs) {
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put(pairs[i], pairs[i + 1]);
        }
        return S3Settings.read(ProviderConfig.of(settings)).orElseThrow();
    }

    @Test
    void withoutABucketThereIsNothingToOffer() {
        assertThat(S3Settings.read(ProviderConfig.empty())).isEmpty();
        assertThat(S3Settings.read(ProviderConfig.of(Map.of("s3.bucket", "  ", "s3.region", "eu-west-1"))))
                .isEmpty();
    }

    @Test
    void defaults() {
        S3Settings settings = read("s3.bucket", "acog-assets");

        assertThat(settings.bucket()).isEqualTo("acog-assets");
        assertThat(settings.region()).isEqualTo("us-east-1");
        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.credentials()).isEmpty();
        assertThat(settings.pathStyle()).isFalse();
        assertThat(settings.prefix()).isEmpty();
        assertThat(settings.multipartThreshold()).isEqualTo(16L * 1024 * 1024);
        assertThat(settings.partSize()).isEqualTo(8L * 1024 * 1024);
        assertThat(settings.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.maxAttempts()).isEqualTo(3);
        assertThat(settings.presignMax()).isEqualTo(Duration.ofDays(7));
        // three attempts of 5 minutes and two waits of at most 20 s
        assertThat(settings.callTimeout()).isEqualTo(Duration.ofMinutes(15).plusSeconds(40));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void everySettingIsRead() {
        S3Settings settings = read(
                "s3.bucket", "media",
                "s3.region", "eu-central-1",
                "s3.endpoint", "http://localhost:9000/",
                "s3.access-key-id", "AKIDEXAMPLE",
                "s3.secret-access-key", SECRET,
                "s3.path-style", "TRUE",
                "s3.prefix", "acog/",
                "s3.multipart-threshold", "64 MiB",
                "s3.part-size", "16777216",
                "s3.timeout", "PT30S",
                "s3.connect-timeout", "2.5",
                "s3.max-attempts", "5",
                "s3.presign-max", "PT12H");

        assertThat(settings.region()).isEqualTo("eu-central-1");
        assertThat(settings.endpoint()).contains(URI.create("http://localhost:9000"));
        assertThat(settings.credentials()).hasValueSatisfying(pair -> {
            assertThat(pair.accessKeyId()).isEqualTo("AKIDEXAMPLE");
            assertThat(pair.secretAccessKey().reveal()).isEqualTo(SECRET);
        });
        assertThat(settings.pathStyle()).isTrue();
        assertThat(settings.prefix()).isEqualTo("acog/");
        assertThat(settings.multipartThreshold()).isEqualTo(64L * 1024 * 1024);
        assertThat(settings.partSize()).isEqualTo(16L * 1024 * 1024);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(settings.maxAttempts()).isEqualTo(5);
        assertThat(settings.presignMax()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.toString()).doesNotContain(SECRET).contains("Secret[***]");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "s3.bucket            | my bucket | a bucket name",
                "s3.bucket            | b/ad      | a bucket name",
                "s3.bucket            | ab        | a bucket name",
                "s3.region            | EU West 1 | a region name",
                "s3.endpoint          | localhost:9000 | an absolute http or https URL",
                "s3.endpoint          | ftp://minio | an absolute http or https URL",
                "s3.path-style        | yes       | true or false",
                "s3.prefix            | /acog/    | without a leading '/'",
                "s3.part-size         | 4MiB      | from 5 MiB to 1 GiB",
                "s3.part-size         | 2GiB      | from 5 MiB to 1 GiB",
                "s3.part-size         | eight     | from 5 MiB to 1 GiB",
                "s3.multipart-threshold | 0       | from 1 byte to 5 GiB",
                "s3.multipart-threshold | 6GiB    | from 1 byte to 5 GiB",
                "s3.multipart-threshold | 99999999999999999999 | from 1 byte to 5 GiB",
                "s3.timeout           | soon      | a positive duration",
                "s3.timeout           | 0         | a positive duration",
                "s3.connect-timeout   | -1        | a positive duration",
                "s3.max-attempts      | 0         | a whole number from 1 to 10",
                "s3.max-attempts      | 11        | a whole number from 1 to 10",
                "s3.presign-max       | P8D       | at most 7 days",
            })
    void aBadValueFailsNamingItsKeyAndValue(String key, String value, String must) {
        Map<String, String> settings = new HashMap<>(
                Map.of("s3.bucket", "media", "s3.access-key-id", "AKIDEXAMPLE", "s3.secret-access-key", SECRET));
        settings.put(key, value);

        assertThatThrownBy(() -> S3Settings.read(ProviderConfig.of(settings)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining(must)
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void oneHalfOfTheKeyPairWithoutTheOtherFailsNamingBoth() {
        assertThatThrownBy(() -> read("s3.bucket", "media", "s3.secret-access-key", SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'s3.access-key-id'")
                .hasMessageContaining("'s3.secret-access-key'")
                .hasMessageContaining("'s3.secret-access-key' is set but 's3.access-key-id' is not")
                .message()
                .doesNotContain(SECRET);
        assertThatThrownBy(() -> read("s3.bucket", "media", "s3.access-key-id", "AKIDEXAMPLE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'s3.access-key-id' is set but 's3.secret-access-key' is not");
    }

    @Test
    void partSizeAcceptsS3sSmallestPart() {
        assertThat(read("s3.bucket", "media", "s3.part-size", "5MiB").partSize())
                .isEqualTo(5L * 1024 * 1024);
        assertThat(read("s3.bucket", "media", "s3.part-size", "5242880").partSize())
                .isEqualTo(5L * 1024 * 1024);
        assertThat(read("s3.bucket", "media", "s3.multipart-threshold", "5g").multipartThreshold())
                .isEqualTo(5L * 1024 * 1024 * 1024);
    }
}
