package io.acog.providers.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectAddressTest {

    @Test
    void aKeyGoesUnderThePrefixAndItsUriReadsBack() {
        ObjectAddress address = ObjectAddress.of("media", "acog/", "episodes/7/audio/voice.wav");

        assertThat(address.key()).isEqualTo("acog/episodes/7/audio/voice.wav");
        assertThat(address.uri()).isEqualTo(URI.create("s3://media/acog/episodes/7/audio/voice.wav"));
        assertThat(ObjectAddress.parse(address.uri(), "media")).isEqualTo(address);
    }

    @Test
    void keysThatAUriCannotHoldAsTheyAreAreQuotedAndReadBack() {
        ObjectAddress address = ObjectAddress.of("media", "", "episodes/7/clip 100% #1 é?.mp4");

        URI uri = address.uri();

        assertThat(uri.getRawPath()).isEqualTo("/episodes/7/clip%20100%25%20%231%20é%3F.mp4");
        assertThat(ObjectAddress.parse(URI.create(uri.toString()), "media").key())
                .isEqualTo("episodes/7/clip 100% #1 é?.mp4");
    }

    @Test
    void anyKeyOfTheBucketIsReadSoAssetsOutliveAPrefixChange() {
        assertThat(ObjectAddress.parse(URI.create("s3://media/old-prefix/x.wav"), "media")
                        .key())
                .isEqualTo("old-prefix/x.wav");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "s3://other/acog/x.wav",
                "s3://media",
                "s3://media/",
                "file:/tmp/acog/x.wav",
                "https://media.s3.amazonaws.com/acog/x.wav",
                "s3://media/acog/x.wav?versionId=1",
                "s3:media/x.wav"
            })
    void uriOutsideTheBucketIsRefusedNamingIt(String uri) {
        assertThatThrownBy(() -> ObjectAddress.parse(URI.create(uri), "media"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(uri)
                .hasMessageContaining("s3://media/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "/abs/x.wav", "a//b.wav", "a/./b.wav", "../x.wav", "a/", "a/..", "a\\b.wav"})
    void keysThatAreNotPlainRelativePathsAreRefused(String key) {
        assertThatThrownBy(() -> ObjectAddress.of("media", "acog/", key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysLongerThanS3AllowsAreRefused() {
        String longKey = "k".repeat(1020);

        assertThat(ObjectAddress.of("media", "", longKey + "abcd").key()).hasSize(1024);
        assertThatThrownBy(() -> ObjectAddress.of("media", "acog/", longKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1024 bytes");
    }
}
