package io.outagewatch.ingest.jetstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.ingest.jetstream.RecentKeys.Key;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RecentKeysTest {

    private static final Key FIRST = Key.of("did:plc:a", "app.bsky.feed.post", "k1", "r1");
    private static final Key SECOND = Key.of("did:plc:a", "app.bsky.feed.post", "k2", "r1");
    private static final Key THIRD = Key.of("did:plc:b", "app.bsky.feed.post", "k1", "r1");

    @Test
    void aKeySeenBeforeIsARepeat() {
        RecentKeys keys = new RecentKeys(10);

        assertThat(keys.add(FIRST, 100)).isTrue();
        assertThat(keys.add(FIRST, 100)).isFalse();
        assertThat(keys.add(SECOND, 101)).isTrue();
    }

    @Test
    void everyPartOfTheKeyCounts() {
        assertThat(Key.of("did:plc:a", "app.bsky.feed.post", "k1", "r2")).isNotEqualTo(FIRST);
        assertThat(Key.of("did:plc:a", "app.bsky.feed.like", "k1", "r1")).isNotEqualTo(FIRST);
        assertThat(THIRD).isNotEqualTo(FIRST);
        assertThat(FIRST.digest()).doesNotContain("did:plc");
    }

    @Test
    void forgetsKeysOlderThanTheHorizon() {
        RecentKeys keys = new RecentKeys(10);
        keys.add(FIRST, 100);
        keys.add(SECOND, 200);
        keys.add(THIRD, 300);

        keys.forgetBefore(200);

        assertThat(keys.entries())
                .containsExactly(
                        new RecentKeys.Entry(SECOND, 200), new RecentKeys.Entry(THIRD, 300));
        assertThat(keys.add(FIRST, 100)).isTrue();
    }

    @Test
    void dropsTheOldestBeyondTheCap() {
        RecentKeys keys = new RecentKeys(2);
        keys.add(FIRST, 100);
        keys.add(SECOND, 200);
        keys.add(THIRD, 300);

        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.evictedForSpace()).isEqualTo(1);
        assertThat(keys.add(SECOND, 200)).isFalse();
        assertThat(keys.add(FIRST, 100)).isTrue();
    }
}
