package io.acog.testkit.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.acog.spi.AssetStorage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The storage kit passes a storage that keeps its rules, and fails one that breaks a rule in the
 * check for that rule.
 */
class AssetStorageTckTest {

    @Test
    void aWellBehavedStoragePassesEveryCheck() {
        EngineExecutionResults results = run(ToyStorage.Flaw.NONE, ToyStorageTck.class);
        assertThat(names(results.testEvents().failed().list())).isEmpty();
        assertThat(names(results.allEvents().aborted().list())).isEmpty();
        assertThat(results.testEvents().succeeded().count())
                .as("checks passed (a backend failure each for two)")
                .isEqualTo(20);
    }

    @Test
    void checksThatNeedAHookTheStorageLacksAreSkippedNotFailed() {
        EngineExecutionResults results = run(ToyStorage.Flaw.NONE, PlainToyStorageTck.class);
        assertThat(names(results.testEvents().failed().list())).isEmpty();
        assertThat(names(results.allEvents().aborted().list()))
                .containsExactly(
                        "aShareableUrlServesTheStoredBytesWithoutCredentials",
                        "backendFailuresAreIOExceptions",
                        "keepsSecretsOutOfMessagesAndLogs");
    }

    @ParameterizedTest
    @CsvSource({
        "NAMELESS, hasAName",
        "DROPS_THE_LAST_BYTE, storesAndReadsBackASmallText",
        "REFUSES_EMPTY_FILES, storesAndReadsBackAnEmptyFile",
        "TRUNCATES_AT_1_MIB, storesAndReadsBackALargeFile",
        "READS_A_MEDIA_OF_UNKNOWN_SIZE_AS_EMPTY, storesAndReadsBackALargeFileOfUnknownSize",
        "SERVES_STALE_AFTER_REPLACE, storingAgainReplacesTheContentAtTheSameUri",
        "CHANGES_URI_ON_REPLACE, storingAgainReplacesTheContentAtTheSameUri",
        "KEEPS_THE_OLD_TAIL, storingAgainReplacesTheContentAtTheSameUri",
        "KEYS_BY_FILE_NAME, distinctKeysDoNotCollide",
        "DELETE_DOES_NOTHING, aDeletedFileCannotBeOpened",
        "THROWS_ON_DOUBLE_DELETE, deletingTwiceIsNoError",
        "OPENS_MISSING_AS_EMPTY, openingAKeyNeverStoredFails",
        "HALF_WRITES, aMediaThatFailsMidwayLeavesNothingAtTheKey",
        "HALF_WRITES, aMediaThatFailsMidwayLeavesTheOlderVersion",
        "SWALLOWS_MEDIA_FAILURES, aMediaThatFailsMidwayLeavesTheOlderVersion",
        "NORMALIZES_KEYS, invalidKeysAreRefusedBeforeAnythingIsWritten",
        "OPENS_MEDIA_BEFORE_CHECKING_THE_KEY, invalidKeysAreRefusedBeforeAnythingIsWritten",
        "SHARES_A_URL_NEEDING_CREDENTIALS, aShareableUrlServesTheStoredBytesWithoutCredentials",
        "LOGS_THE_SHARED_URL, aShareableUrlServesTheStoredBytesWithoutCredentials",
        "SHARED_STAGING_BUFFER, concurrentStoresOpensAndDeletesKeepEveryFileIntact",
        "RELEASES_CONNECTIONS_ONLY_AT_THE_END, streamsClosedBeforeTheirEndLetGoOfWhatTheyHeld",
        "LEAVES_MEDIA_OPEN, closesEveryStreamItOpensOnTheMedia",
        "LEAKS_RUNTIME_EXCEPTIONS, backendFailuresAreIOExceptions",
        "IGNORES_FAILURES_ON_DELETE, backendFailuresAreIOExceptions",
        "LEAKS_SECRET_IN_MESSAGE, backendFailuresAreIOExceptions",
        "LEAKS_SECRET_IN_MESSAGE, keepsSecretsOutOfMessagesAndLogs",
        "LOGS_SECRET, keepsSecretsOutOfMessagesAndLogs",
        "SECRET_IN_TOSTRING, keepsSecretsOutOfMessagesAndLogs"
    })
    void aStorageThatBreaksARuleFailsItsCheck(ToyStorage.Flaw flaw, String check) {
        assertThat(names(run(flaw, ToyStorageTck.class).testEvents().failed().list()))
                .as("checks failed with %s", flaw)
                .contains(check);
    }

    @AfterAll
    static void wellBehavedAgain() {
        ToyStorage.flaw = ToyStorage.Flaw.NONE;
    }

    private static EngineExecutionResults run(ToyStorage.Flaw flaw, Class<?> kit) {
        ToyStorage.flaw = flaw;
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(kit)).execute();
    }

    /** The names of the checks the events are about: a check's method, or the factory of a dynamic check. */
    private static Set<String> names(List<Event> events) {
        Set<String> names = new TreeSet<>();
        for (Event event : events) {
            for (UniqueId.Segment segment :
                    event.getTestDescriptor().getUniqueId().getSegments()) {
                if (segment.getType().equals("method") || segment.getType().equals("test-factory")) {
                    names.add(segment.getValue().substring(0, segment.getValue().indexOf('(')));
                }
            }
        }
        return names;
    }

    /** The kit run against the toy storage, with every hook. */
    static class ToyStorageTck extends AssetStorageTck {

        static final String SECRET = "toy-storage-secret-0123456789";

        private ToyStorage last;

        @Override
        protected AssetStorage storage() {
            last = new ToyStorage(SECRET, true);
            return last;
        }

        @Override
        protected Map<String, String> settings() {
            return Map.of("toy.bucket", "bucket", "toy.secret-key", SECRET);
        }

        @Override
        protected List<String> backendFailures() {
            return List.of("unreachable", "refusing");
        }

        @Override
        protected void backendFails(String failure) {
            last.fail(failure);
        }

        @Override
        protected int largeFileSize() {
            return 2 * 1024 * 1024;
        }
    }

    /** The kit run against a toy storage that gives no shareable URLs, holds no secret and cannot be made to fail. */
    static class PlainToyStorageTck extends AssetStorageTck {

        @Override
        protected AssetStorage storage() {
            return new ToyStorage("", false);
        }

        @Override
        protected int largeFileSize() {
            return 2 * 1024 * 1024;
        }
    }
}
