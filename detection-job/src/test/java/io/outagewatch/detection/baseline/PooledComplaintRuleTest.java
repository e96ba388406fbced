package io.outagewatch.detection.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.detection.records.ServiceMinute;
import io.outagewatch.detection.windows.AuthorSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PooledComplaintRuleTest {

    private static final PooledComplaintRule RULE = PooledComplaintRule.DEFAULTS;
    private static final int POOL = PooledComplaintRule.DEFAULT_POOL_MINUTES;
    private static final Instant NIGHT = Instant.parse("2024-05-14T02:40:00Z");

    /** Bluesky at 03:00 UTC: about four ordinary complaints an hour. */
    private static final double NIGHT_PER_MINUTE = 0.06;

    /** ChatGPT in the European afternoon. */
    private static final double DAY_PER_MINUTE = 3.0;

    /** Bluesky in the European afternoon. */
    private static final double SMALL_SERVICE_DAY_PER_MINUTE = 0.7;

    /**
     * The pool's distinct authors after {@link #POOL} minutes of the given complaints, counted as
     * the detector counts them: through the ring of recent minutes and each minute's sample.
     */
    private static int pooledAuthors(List<List<String>> authorsPerMinute, double expected) {
        RecentComplainers ring = new RecentComplainers(POOL, List.of());
        Instant minute = NIGHT;
        for (int m = 0; m < authorsPerMinute.size() - 1; m++) {
            minute = NIGHT.plus(Duration.ofMinutes(m));
            List<String> authors = authorsPerMinute.get(m);
            ring.add(
                    new PooledMinute(
                            minute,
                            authors.size(),
                            expected,
                            AuthorSample.of(authors, ServiceMinute.AUTHOR_SAMPLE)));
        }
        Instant last = NIGHT.plus(Duration.ofMinutes(authorsPerMinute.size() - 1L));
        return RecentComplainers.distinctAuthors(
                ring.before(last),
                AuthorSample.of(
                        authorsPerMinute.get(authorsPerMinute.size() - 1),
                        ServiceMinute.AUTHOR_SAMPLE));
    }

    /** {@code perMinute} new authors every minute for the whole pool. */
    private static List<List<String>> distinctAuthors(int perMinute) {
        List<List<String>> minutes = new ArrayList<>();
        for (int m = 0; m < POOL; m++) {
            List<String> authors = new ArrayList<>();
            for (int a = 0; a < perMinute; a++) {
                authors.add("did:plc:user-" + m + "-" + a);
            }
            minutes.add(authors);
        }
        return minutes;
    }

    /** The same account every minute of the pool. */
    private static List<List<String>> oneAccountEveryMinute() {
        List<List<String>> minutes = new ArrayList<>();
        for (int m = 0; m < POOL; m++) {
            minutes.add(List.of("did:plc:00000000000000000badbad0"));
        }
        return minutes;
    }

    static Stream<Arguments> pools() {
        return Stream.of(
                Arguments.of(
                        "spammer posting every minute at night",
                        oneAccountEveryMinute(),
                        NIGHT_PER_MINUTE,
                        false),
                Arguments.of(
                        "2 distinct authors a minute for 10 minutes at night",
                        distinctAuthors(2),
                        NIGHT_PER_MINUTE,
                        true),
                Arguments.of(
                        "1 distinct author a minute for 10 minutes at night",
                        distinctAuthors(1),
                        NIGHT_PER_MINUTE,
                        true),
                Arguments.of(
                        "1 distinct author a minute before the baseline is warm (floor 1/min)",
                        distinctAuthors(1),
                        SeasonalRateBaseline.DEFAULT_PRIOR_FLOOR_PER_MINUTE,
                        false),
                Arguments.of(
                        "daytime noise of a big service: 4 a minute against 3",
                        distinctAuthors(4),
                        DAY_PER_MINUTE,
                        false),
                Arguments.of(
                        "daytime noise of a small service: 1 a minute against 0.7",
                        distinctAuthors(1),
                        SMALL_SERVICE_DAY_PER_MINUTE,
                        false),
                Arguments.of(
                        "a busy daytime minute of a small service: 2 a minute against 0.7",
                        distinctAuthors(2),
                        SMALL_SERVICE_DAY_PER_MINUTE,
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pools")
    void judgesDistinctAuthorsOverThePool(
            String name, List<List<String>> authorsPerMinute, double perMinute, boolean anomalous) {
        int authors = pooledAuthors(authorsPerMinute, perMinute);

        assertThat(RULE.isAnomalous(authors, POOL * perMinute)).as(name).isEqualTo(anomalous);
    }

    @Test
    void anAccountPostingEveryMinuteIsOneAuthorOfThePool() {
        assertThat(pooledAuthors(oneAccountEveryMinute(), NIGHT_PER_MINUTE)).isEqualTo(1);
        assertThat(pooledAuthors(distinctAuthors(2), NIGHT_PER_MINUTE)).isEqualTo(2 * POOL);
    }

    @Test
    void eachConditionCanRefuseOnItsOwn() {
        // Count: 7 people are improbable against 0.1 but too few to page for.
        assertThat(RULE.isAnomalous(7, 0.1)).isFalse();
        assertThat(RULE.isAnomalous(8, 0.1)).isTrue();
        // Score: 12 against 2.5 is 4.8x, but under the overdispersed tail only p ≈ 2e-3.
        assertThat(RULE.score(12, 2.5)).isLessThan(PooledComplaintRule.DEFAULT_MIN_SCORE);
        assertThat(RULE.isAnomalous(12, 2.5)).isFalse();
        // Ratio: with a lax score, 30 against 10 is only 3x.
        assertThat(new PooledComplaintRule(POOL, 8, 0, 4.0).isAnomalous(30, 10)).isFalse();
    }

    @Test
    void aPoolIsWorthKeepingOnlyWhileItCouldFire() {
        assertThat(RULE.canFire(NIGHT_PER_MINUTE, ServiceMinute.AUTHOR_SAMPLE)).isTrue();
        assertThat(RULE.canFire(SMALL_SERVICE_DAY_PER_MINUTE, ServiceMinute.AUTHOR_SAMPLE))
                .isTrue();
        assertThat(RULE.canFire(DAY_PER_MINUTE, ServiceMinute.AUTHOR_SAMPLE)).isFalse();
    }

    static Stream<Arguments> onsets() {
        return Stream.of(
                Arguments.of(
                        "an outage from the sixth minute",
                        new int[] {0, 0, 0, 0, 0, 2, 3, 2, 1, 3},
                        5),
                Arguments.of(
                        "a stray complaint five minutes before stays out",
                        new int[] {1, 0, 0, 0, 0, 2, 3, 2, 1, 3},
                        5),
                Arguments.of(
                        "an outage's quiet first minute: from its first complaint",
                        new int[] {0, 0, 0, 0, 0, 0, 2, 3, 0, 3},
                        6),
                Arguments.of(
                        "complaints over the whole pool",
                        new int[] {2, 1, 3, 2, 0, 2, 3, 2, 1, 3},
                        0),
                Arguments.of(
                        "all in the last minute", new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 9}, 9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onsets")
    void theExcessStartsWhereTheCountsRise(String name, int[] complaints, int start) {
        double[] expected = new double[complaints.length];
        Arrays.fill(expected, NIGHT_PER_MINUTE);

        assertThat(PooledComplaintRule.excessStart(complaints, expected)).as(name).isEqualTo(start);
    }

    @Test
    void badSettingsFailNamingTheSetting() {
        assertThatThrownBy(() -> new PooledComplaintRule(0, 8, 6, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("poolMinutes must be at least 1, got 0");
        assertThatThrownBy(() -> new PooledComplaintRule(POOL, -1, 6, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minCount");
    }
}
