package io.acog.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for storage keys, which every storage applies before it writes. */
class AssetStorageTest {

    @ParameterizedTest
    @ValueSource(strings = {"voice.wav", "episodes/7/audio/voice.wav", "a/b c/100%.mp4", "...", "a/.hidden", "a/..b"})
    void plainRelativePathsAreKeys(String key) {
        assertThat(AssetStorage.checkKey(key)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/abs/x.wav",
                "a//b.wav",
                "a/./b.wav",
                "./a.wav",
                "../x.wav",
                "a/../b.wav",
                "a/../../x.wav",
                "a/",
                "a/..",
                "..",
                "a\\b.wav",
                "..\\x.wav"
            })
    void keysThatAreNotPlainRelativePathsAreRefusedNamingThem(String key) {
        assertThatThrownBy(() -> AssetStorage.checkKey(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining("must be a relative path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void blankKeysAreRefused(String key) {
        assertThatThrownBy(() -> AssetStorage.checkKey(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is blank");
    }

    @Test
    void aNullKeyIsRefused() {
        assertThatThrownBy(() -> AssetStorage.checkKey(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("key");
    }
}
