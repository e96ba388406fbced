package io.outagewatch.detection.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.detection.baseline.ProbeVerdict.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeQuorumTest {

    /** Six vantages, two in each of three regions. */
    private static final List<String[]> VANTAGES =
            List.of(
                    new String[] {"us-1", "us"},
                    new String[] {"us-2", "us"},
                    new String[] {"eu-1", "eu"},
                    new String[] {"eu-2", "eu"},
                    new String[] {"ap-1", "ap"},
                    new String[] {"ap-2", "ap"});

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "all fail, us-1 us-2 eu-1 eu-2 ap-1 ap-2, MAJOR_OUTAGE, ''",
        "none fail, '', HEALTHY, ''",
        "one fails, eu-1, NOISE, ''",
        "two in different regions, us-1 eu-2, NOISE, ''",
        "both eu, eu-1 eu-2, REGIONAL_OUTAGE, eu",
        "three across regions meets the half, us-1 eu-1 ap-1, MAJOR_OUTAGE, ''",
        "four of six, us-1 us-2 eu-1 ap-2, MAJOR_OUTAGE, ''",
        "both ap then, ap-2 ap-1, REGIONAL_OUTAGE, ap",
    })
    void sixVantagesInThreeRegions(String situation, String failing, Kind kind, String regions) {
        ProbeVerdict verdict = ProbeQuorum.DEFAULTS.judge(minute(VANTAGES, names(failing)));

        assertThat(verdict.kind()).isEqualTo(kind);
        assertThat(verdict.affectedRegions()).isEqualTo(names(regions));
        assertThat(verdict.failingVantages()).isEqualTo(names(failing).stream().sorted().toList());
        assertThat(verdict.failingVantages().size() + verdict.healthyVantages().size())
                .isEqualTo(VANTAGES.size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // vantage:region pairs; failing vantages; verdict; affected regions
        "lone vantage of a region fails, us-1:us us-2:us us-3:us eu-1:eu,"
                + " eu-1, REGIONAL_OUTAGE, eu",
        "one of three in a region, us-1:us us-2:us eu-1:eu eu-2:eu eu-3:eu," + " eu-1, NOISE, ''",
        "two of three in a region, us-1:us us-2:us us-3:us eu-1:eu eu-2:eu eu-3:eu,"
                + " eu-1 eu-2, REGIONAL_OUTAGE, eu",
        "two regions down one up, us-1:us us-2:us us-3:us us-4:us eu-1:eu ap-1:ap,"
                + " eu-1 ap-1, REGIONAL_OUTAGE, ap eu",
        "only unknown fails, us-1:us us-2:us us-3:us x-1: x-2:, x-1 x-2, NOISE, ''",
        "unknown is a healthy witness, eu-1:eu eu-2:eu x-1: x-2: x-3:,"
                + " eu-1 eu-2, REGIONAL_OUTAGE, eu",
        "a lone vantage region fails beside healthy ones, us-1:us eu-1:eu ap-1:ap ap-2:ap ap-3:ap,"
                + " us-1, REGIONAL_OUTAGE, us",
        "a single vantage everywhere, us-1:us, us-1, NOISE, ''",
    })
    void regionsOfOtherSizes(
            String situation, String vantages, String failing, Kind kind, String regions) {
        List<String[]> layout = names(vantages).stream().map(pair -> pair.split(":", -1)).toList();

        ProbeVerdict verdict = ProbeQuorum.DEFAULTS.judge(minute(layout, names(failing)));

        assertThat(verdict.kind()).isEqualTo(kind);
        assertThat(verdict.affectedRegions()).isEqualTo(names(regions));
    }

    @Test
    void failuresInEveryRegionBelowAStricterQuorumAreNoiseNotRegional() {
        ProbeQuorum strict = new ProbeQuorum(5, 0.9);
        List<String> usAndEu = names("us-1 us-2 eu-1 eu-2");
        List<String> oneInEach = names("us-1 us-2 eu-1 eu-2 ap-1");

        ProbeVerdict twoRegions = strict.judge(minute(VANTAGES, usAndEu));
        ProbeVerdict allRegions = strict.judge(minute(VANTAGES, oneInEach));

        assertThat(twoRegions.kind()).isEqualTo(Kind.REGIONAL_OUTAGE);
        assertThat(twoRegions.affectedRegions()).containsExactly("eu", "us");
        // ap has one of two failing: affected by the regional rule, so no region is healthy.
        assertThat(allRegions.kind()).isEqualTo(Kind.NOISE);
        assertThat(allRegions.affectedRegions()).isEmpty();
    }

    @Test
    void vantagesWithoutProbesDoNotReport() {
        List<VantageStatus> minute = new ArrayList<>(minute(VANTAGES, List.of("eu-1")));
        minute.add(new VantageStatus("eu-3", "eu", 0, 0, false));
        minute.add(new VantageStatus("eu-4", "eu", 0, 0, true));

        ProbeVerdict verdict = ProbeQuorum.DEFAULTS.judge(minute);

        assertThat(verdict.kind()).isEqualTo(Kind.NOISE);
        assertThat(verdict.healthyVantages()).hasSize(5).doesNotContain("eu-3", "eu-4");
        assertThat(ProbeQuorum.DEFAULTS.judge(List.of()).kind()).isEqualTo(Kind.NO_DATA);
        assertThat(ProbeQuorum.DEFAULTS.judge(minute.subList(6, 8)).kind()).isEqualTo(Kind.NO_DATA);
    }

    @Test
    void inputOrderDoesNotMatter() {
        List<VantageStatus> minute = new ArrayList<>(minute(VANTAGES, names("eu-2 eu-1")));
        ProbeVerdict expected = ProbeQuorum.DEFAULTS.judge(minute);
        Collections.reverse(minute);

        assertThat(ProbeQuorum.DEFAULTS.judge(minute)).isEqualTo(expected);
        assertThat(expected.failingVantages()).containsExactly("eu-1", "eu-2");
        assertThat(expected.healthyVantages()).containsExactly("ap-1", "ap-2", "us-1", "us-2");
    }

    /**
     * A week of six single-probe vantages with 0.5% scattered failures: each failure makes its
     * vantage failing for the minute, but no quorum forms, and no outage verdict lasts the two
     * minutes an incident needs to be confirmed.
     */
    @Test
    void aWeekOfScatteredSingleProbeFailuresNeverSustainsAnOutage() {
        ProbeQuorum quorum = ProbeQuorum.DEFAULTS;
        List<VantageFailureBaseline> baselines = new ArrayList<>();
        VANTAGES.forEach(
                v ->
                        baselines.add(
                                new VantageFailureBaseline(
                                        VantageFailureBaseline.Settings.DEFAULTS)));
        RandomGenerator random = new Well19937c(7L);
        int majorMinutes = 0;
        int outageMinutes = 0;
        int longestOutageRun = 0;
        int run = 0;
        int noiseMinutes = 0;
        for (int minute = 0; minute < 7 * 24 * 60; minute++) {
            List<VantageStatus> statuses = new ArrayList<>();
            for (int v = 0; v < VANTAGES.size(); v++) {
                long failures = random.nextDouble() < 0.005 ? 1 : 0;
                VantageFailureBaseline baseline = baselines.get(v);
                statuses.add(
                        new VantageStatus(
                                VANTAGES.get(v)[0],
                                VANTAGES.get(v)[1],
                                1,
                                failures,
                                baseline.isFailing(1, failures)));
                baseline.observe(1, failures, false);
            }
            Kind kind = quorum.judge(statuses).kind();
            majorMinutes += kind == Kind.MAJOR_OUTAGE ? 1 : 0;
            noiseMinutes += kind == Kind.NOISE ? 1 : 0;
            run = kind.isOutage() ? run + 1 : 0;
            outageMinutes += kind.isOutage() ? 1 : 0;
            longestOutageRun = Math.max(longestOutageRun, run);
        }

        assertThat(noiseMinutes).isGreaterThan(100);
        assertThat(majorMinutes).isZero();
        assertThat(outageMinutes).isLessThanOrEqualTo(3);
        assertThat(longestOutageRun).isLessThanOrEqualTo(1);
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertThatThrownBy(() -> new ProbeQuorum(0, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProbeQuorum(2, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<VantageStatus> minute(List<String[]> layout, List<String> failing) {
        Set<String> down = Set.copyOf(failing);
        return layout.stream()
                .map(
                        v -> {
                            boolean isDown = down.contains(v[0]);
                            return new VantageStatus(v[0], v[1], 2, isDown ? 2 : 0, isDown);
                        })
                .toList();
    }

    private static List<String> names(String spaceSeparated) {
        return spaceSeparated.isBlank()
                ? List.of()
                : Arrays.asList(spaceSeparated.trim().split("\\s+"));
    }
}
