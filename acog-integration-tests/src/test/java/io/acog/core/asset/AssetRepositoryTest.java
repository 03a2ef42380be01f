package io.acog.core.asset;

import static io.acog.testkit.assertions.AcogAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.Acog;
import io.acog.core.Concurrently;
import io.acog.core.NotFoundException;
import io.acog.core.ValidationException;
import io.acog.core.episode.Episode;
import io.acog.testkit.fixtures.AcogFixtures;
import io.acog.testkit.postgres.AcogPostgres;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@AcogPostgres(isolation = AcogPostgres.Isolation.PER_METHOD)
class AssetRepositoryTest {

    @Test
    void recordsAnS3AssetWithBucketAndKeyDerivedFromItsUri(Acog acog, AcogFixtures fixtures) {
        Episode episode = fixtures.episode().create();
        AudioMetadata metadata = new AudioMetadata(
                new BigDecimal("485.5"),
                "mp3",
                192,
                44100,
                Map.of("stability", new BigDecimal("0.5")),
                125,
                8500,
                null);

        Asset asset = acog.assets()
                .add(NewAsset.builder(episode.id(), AssetType.AUDIO, "s3://acog-media/episodes/e1/voice.mp3")
                        .name("Narration")
                        .provider("elevenlabs", "req_123")
                        .metadata(metadata)
                        .mimeType("audio/mpeg")
                        .fileSizeBytes(7_800_000)
                        .durationMs(485_500)
                        .primary(true)
                        .build());

        assertThat(asset).hasType(AssetType.AUDIO).isPrimary().isInS3("acog-media", "episodes/e1/voice.mp3");
        assertThat(asset.metadata()).isEqualTo(metadata);
        assertThat(asset.fileSizeBytes()).isEqualTo(7_800_000L);
        assertThat(asset.durationMs()).isEqualTo(485_500);
        assertThat(acog.assets().get(asset.id())).isEqualTo(asset);
    }

    @Test
    void httpsAndFileUrisCarryNoBucket(Acog acog, AcogFixtures fixtures) {
        Episode episode = fixtures.episode().create();

        Asset https = fixtures.asset(episode)
                .uri("https://cdn.example.com/v/1.mp4")
                .type(AssetType.B_ROLL)
                .create();
        Asset file = fixtures.asset(episode)
                .uri("file:///var/acog/out/final.mp4")
                .type(AssetType.ASSEMBLED_VIDEO)
                .create();

        assertThat(https.storageBucket()).isNull();
        assertThat(file.storageKey()).isNull();
        assertThat(https.metadata()).isInstanceOf(VideoMetadata.class);
        assertThat(acog.assets().list(episode.id())).containsExactly(https, file);
        assertThat(acog.assets().list(episode.id(), AssetType.B_ROLL)).containsExactly(https);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ftp://host/file.mp3               | has the scheme 'ftp'
            http://cdn.example.com/a.mp3       | has the scheme 'http'
            s3://Bad_Bucket/key                | is not an S3 URI with a valid bucket
            s3://bucket                        | is not an S3 URI with a valid bucket
            https:///no-host                   | has no host
            file:relative/path.mp3             | is not an absolute file path
            just a name                        | is not a valid URI
            """)
    void refusesUrisThatAreNotS3HttpsOrAbsoluteFiles(
            String uri, String problem, Acog acog, AcogFixtures fixtures, DSLContext db) {
        Episode episode = fixtures.episode().create();

        assertThatThrownBy(() -> acog.assets()
                        .add(NewAsset.builder(episode.id(), AssetType.AUDIO, uri)
                                .build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("asset.uri '" + uri + "' " + problem);
        assertThat(db.fetchCount(DSL.table("assets"))).isZero();
    }

    @Test
    void refusesMetadataOfTheWrongKindNegativeSizesAndMissingEpisodes(Acog acog, AcogFixtures fixtures) {
        Episode episode = fixtures.episode().create();
        UUID nowhere = UUID.randomUUID();

        assertThatThrownBy(() -> acog.assets()
                        .add(NewAsset.builder(episode.id(), AssetType.AUDIO, "s3://b-1/k")
                                .metadata(new ImageMetadata(1, 1, "png", null, null, null))
                                .build()))
                .hasMessage("asset.metadata is ImageMetadata, but a audio asset takes AudioMetadata");
        assertThatThrownBy(() -> acog.assets()
                        .add(NewAsset.builder(episode.id(), AssetType.AUDIO, "s3://b-1/k")
                                .fileSizeBytes(-1)
                                .build()))
                .hasMessage("asset.file_size_bytes is -1, must be 0 or more");
        assertThatThrownBy(() -> acog.assets()
                        .add(NewAsset.builder(episode.id(), AssetType.AUDIO, "s3://b-1/" + "k".repeat(1000))
                                .build()))
                .hasMessageContaining("asset.uri is 1009 characters, over the limit of 1000");
        assertThatThrownBy(() -> acog.assets()
                        .add(NewAsset.builder(nowhere, AssetType.AUDIO, "s3://b-1/k")
                                .build()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("episode with id " + nowhere + " not found");
    }

    @Test
    void makingAnotherAssetPrimarySwitchesAtomically(Acog acog, AcogFixtures fixtures) {
        Episode episode = fixtures.episode().create();
        Asset first = fixtures.asset(episode).primary(true).create();
        Asset second = fixtures.asset(episode).primary(true).create();
        Asset thumbnail =
                fixtures.asset(episode).type(AssetType.THUMBNAIL).primary(true).create();

        assertThat(acog.assets().get(first.id())).isNotPrimary();
        assertThat(acog.assets().primary(episode.id(), AssetType.AUDIO)).contains(second);

        Asset back = acog.assets().makePrimary(first.id());

        assertThat(back).isPrimary();
        assertThat(acog.assets().get(second.id())).isNotPrimary();
        assertThat(acog.assets().get(thumbnail.id())).isPrimary();
        assertThat(acog.episodes().getWithAssets(episode.id()))
                .hasPrimaryAsset(AssetType.AUDIO)
                .hasPrimaryAsset(AssetType.THUMBNAIL)
                .hasAssets(AssetType.AUDIO, 2);
    }

    @Test
    void concurrentPrimarySwitchesLeaveExactlyOnePrimary(Acog acog, AcogFixtures fixtures) throws Exception {
        Episode episode = fixtures.episode().create();
        List<Asset> assets = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            assets.add(fixtures.asset(episode).create());
        }

        Concurrently.run(8, i -> {
            for (int round = 0; round < 10; round++) {
                acog.assets()
                        .makePrimary(assets.get((i + round) % assets.size()).id());
                acog.assets()
                        .add(NewAsset.builder(episode.id(), AssetType.AUDIO, "s3://acog-test/extra-" + i + "-" + round)
                                .primary(round % 2 == 0)
                                .build());
            }
            return null;
        });

        assertThat(acog.episodes().getWithAssets(episode.id()))
                .hasPrimaryAsset(AssetType.AUDIO)
                .hasAssets(AssetType.AUDIO, 8 + 80);
    }

    @Test
    void softDeletingThePrimaryLeavesNone(Acog acog, AcogFixtures fixtures) {
        Episode episode = fixtures.episode().create();
        Asset primary = fixtures.asset(episode).primary(true).create();

        acog.assets().softDelete(primary.id());

        assertThat(acog.assets().find(primary.id())).isEmpty();
        assertThat(acog.episodes().getWithAssets(episode.id())).hasNoPrimaryAsset(AssetType.AUDIO);
        assertThatThrownBy(() -> acog.assets().softDelete(primary.id())).isInstanceOf(NotFoundException.class);
    }
}
