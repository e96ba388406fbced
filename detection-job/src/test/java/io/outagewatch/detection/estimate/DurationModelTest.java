package io.outagewatch.detection.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.duration.DurationEstimate;
import io.outagewatch.events.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The model fitted to the bundled corpus, as the detector will call it. */
class DurationModelTest {

    private static final DurationModel MODEL = DurationModel.bundled();

    /** The ChatGPT outage of 2023-11-08 (public-incidents.json), as the detector first saw it. */
    private static final Instant ONSET = Instant.parse("2023-11-08T13:42:00Z");

    private static final IncidentContext CHATGPT_DOWN =
            IncidentContext.detected(
                    "ChatGPT", ImpactLevel.of(Severity.MAJOR), 3, LeadingSignal.PROBES, ONSET);

    private static final Duration ONE_SECOND_OF_ROUNDING = Duration.ofSeconds(1);

    @Test
    void theModelIsFittedToEveryBundledIncidentWithADuration() {
        assertThat(MODEL.fittedIncidents()).isEqualTo(9_135);
    }

    @ParameterizedTest(name = "{0} past incidents: \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "0 | typical of major outages",
                "1 | typical of major outages, and 1 past ChatGPT incident",
                "3 | typical of major outages, and 3 past ChatGPT incidents",
                "40 | from 40 past ChatGPT incidents",
            })
    void theBasisSaysWhetherTheServicesOwnHistoryOutweighsItsKind(int incidents, String basis) {
        ServiceHistory history = learned(incidents, Duration.ofMinutes(40));

        assertThat(MODEL.estimate(CHATGPT_DOWN, history).basis()).isEqualTo(basis);
    }

    @ParameterizedTest(name = "{0} past incidents of {1} min: median {2} than with none")
    @CsvSource({
        "3, 10, shorter",
        "30, 10, shorter",
        "3, 1000, longer",
        "30, 1000, longer",
    })
    void aServicesOwnIncidentsPullItsEstimateTowardThem(
            int incidents, int minutes, String direction) {
        Duration none = MODEL.estimate(CHATGPT_DOWN, ServiceHistory.empty()).total().median();

        Duration own =
                MODEL.estimate(CHATGPT_DOWN, learned(incidents, Duration.ofMinutes(minutes)))
                        .total()
                        .median();

        if (direction.equals("shorter")) {
            assertThat(own).isLessThan(none);
        } else {
            assertThat(own).isGreaterThan(none);
        }
    }

    @Test
    void moreOfTheServicesOwnIncidentsPullHarder() {
        Duration few = remainingMedian(learned(3, Duration.ofMinutes(10)));
        Duration many = remainingMedian(learned(30, Duration.ofMinutes(10)));

        assertThat(many).isLessThan(few);
    }

    @Test
    void probesLeadTheStatusPageSoTheirOutagesHaveItsPostingDelayMoreLeft() {
        DurationEstimate byProbes =
                MODEL.estimate(CHATGPT_DOWN, ServiceHistory.empty()).remaining();
        IncidentContext byComplaints =
                IncidentContext.detected(
                        "ChatGPT",
                        ImpactLevel.of(Severity.MAJOR),
                        3,
                        LeadingSignal.COMPLAINTS,
                        ONSET);
        DurationEstimate fromComplaints =
                MODEL.estimate(byComplaints, ServiceHistory.empty()).remaining();
        Duration delay = LeadingSignal.PROBES.statusPostDelay();

        assertThat(byProbes.low().minus(fromComplaints.low()))
                .isBetween(delay.minus(ONE_SECOND_OF_ROUNDING), delay.plus(ONE_SECOND_OF_ROUNDING));
        assertThat(byProbes.median().minus(fromComplaints.median()))
                .isBetween(delay.minus(ONE_SECOND_OF_ROUNDING), delay.plus(ONE_SECOND_OF_ROUNDING));
        assertThat(byProbes.high().minus(fromComplaints.high()))
                .isBetween(delay.minus(ONE_SECOND_OF_ROUNDING), delay.plus(ONE_SECOND_OF_ROUNDING));
    }

    @ParameterizedTest(name = "an hour in, {0}: median left shorter than with no phase")
    @CsvSource({"identified", "monitoring"})
    void anOfficialPhaseShortensTheTimeLeft(String phase) {
        Instant hourIn = ONSET.plus(Duration.ofHours(1));
        IncidentContext posted =
                CHATGPT_DOWN.at(hourIn).withOfficialPost(ONSET.plus(Duration.ofMinutes(20)), null);
        IncidentContext inPhase =
                phase.equals("identified")
                        ? posted.withIdentifiedAt(hourIn)
                        : posted.withMonitoringAt(hourIn);

        DurationForecast noPhase = MODEL.estimate(posted, ServiceHistory.empty());
        DurationForecast withPhase = MODEL.estimate(inPhase, ServiceHistory.empty());

        assertThat(withPhase.remaining().median()).isLessThan(noPhase.remaining().median());
        assertThat(withPhase.basis()).isEqualTo("typical of major outages, in " + phase);
    }

    @Test
    void monitoringLeavesLessTimeThanIdentified() {
        Instant hourIn = ONSET.plus(Duration.ofHours(1));
        IncidentContext identified =
                CHATGPT_DOWN
                        .at(hourIn)
                        .withOfficialPost(ONSET.plus(Duration.ofMinutes(20)), null)
                        .withIdentifiedAt(hourIn);

        Duration afterIdentified =
                MODEL.estimate(identified, ServiceHistory.empty()).remaining().median();
        Duration afterMonitoring =
                MODEL.estimate(identified.withMonitoringAt(hourIn), ServiceHistory.empty())
                        .remaining()
                        .median();

        assertThat(afterMonitoring).isLessThan(afterIdentified);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"none", "identified", "monitoring"})
    void everyEstimateIsOrderedAndItsTotalIsElapsedPlusRemaining(String phase) {
        for (long minutes = 0; minutes <= 3 * 24 * 60; minutes += 37) {
            Instant now = ONSET.plus(Duration.ofMinutes(minutes));
            IncidentContext context = CHATGPT_DOWN.at(now);
            if (!phase.equals("none")) {
                context = context.withOfficialPost(ONSET, "Elevated errors on ChatGPT");
                context =
                        phase.equals("identified")
                                ? context.withIdentifiedAt(now)
                                : context.withMonitoringAt(now);
            }

            DurationForecast forecast = MODEL.estimate(context, learned(5, Duration.ofHours(2)));

            DurationEstimate remaining = forecast.remaining();
            assertThat(remaining.low()).isLessThanOrEqualTo(remaining.median());
            assertThat(remaining.median()).isLessThanOrEqualTo(remaining.high());
            assertThat(remaining.high()).isLessThanOrEqualTo(DurationModel.MAX_REMAINING);
            assertThat(forecast.total().median())
                    .isEqualTo(context.elapsed().plus(remaining.median()));
            assertThat(forecast.total().low()).isEqualTo(context.elapsed().plus(remaining.low()));
            assertThat(forecast.total().high()).isEqualTo(context.elapsed().plus(remaining.high()));
        }
    }

    @Test
    void withNoNewsTheTotalNeverShrinksAsTheOutageGoesOn() {
        DurationEstimate previous = null;
        for (long minutes = 0; minutes <= 14 * 24 * 60; minutes += 13) {
            DurationEstimate total =
                    MODEL.estimate(
                                    CHATGPT_DOWN.at(ONSET.plus(Duration.ofMinutes(minutes))),
                                    ServiceHistory.empty())
                            .total();
            if (previous != null) {
                assertThat(total.low())
                        .as("low at %d min", minutes)
                        .isGreaterThanOrEqualTo(previous.low());
                assertThat(total.median())
                        .as("median at %d min", minutes)
                        .isGreaterThanOrEqualTo(previous.median());
                assertThat(total.high())
                        .as("high at %d min", minutes)
                        .isGreaterThanOrEqualTo(previous.high());
            }
            previous = total;
        }
    }

    @Test
    void aMajorOutageWithNothingKnownIsExpectedToTakeAnHourOrTwoAtTheStart() {
        DurationEstimate total = MODEL.estimate(CHATGPT_DOWN, ServiceHistory.empty()).total();

        assertThat(total.median()).isBetween(Duration.ofMinutes(45), Duration.ofHours(3));
        assertThat(total.low()).isLessThan(Duration.ofMinutes(45));
        assertThat(total.high()).isGreaterThan(Duration.ofHours(4));
    }

    @Test
    void learningCountsEveryIncidentAndKeepsPhasesApart() {
        Instant resolved = ONSET.plus(Duration.ofHours(2));
        IncidentContext ended =
                CHATGPT_DOWN
                        .at(resolved)
                        .withOfficialPost(ONSET.plus(Duration.ofMinutes(10)), "ChatGPT unavailable")
                        .withMonitoringAt(ONSET.plus(Duration.ofMinutes(90)));

        ServiceHistory history = MODEL.learn(ServiceHistory.empty(), ended, resolved);

        assertThat(history.incidents()).isEqualTo(1);
        assertThat(history.total().weight()).isEqualTo(1);
        assertThat(history.afterMonitoring().weight()).isEqualTo(1);
        assertThat(history.afterIdentified().weight()).isZero();
    }

    @Test
    void aMonitoringUpdatePostedWithTheResolutionTeachesNothingAboutTheTimeLeft() {
        Instant resolved = ONSET.plus(Duration.ofHours(2));
        IncidentContext ended = CHATGPT_DOWN.at(resolved).withMonitoringAt(resolved);

        ServiceHistory history = MODEL.learn(ServiceHistory.empty(), ended, resolved);

        assertThat(history.afterMonitoring()).isEqualTo(ResidualStats.none());
        assertThat(history.total().weight()).isEqualTo(1);
    }

    @Test
    void survivesJavaSerializationAsFlinkShipsOperators() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(MODEL);
        }
        DurationModel copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (DurationModel) in.readObject();
        }
        IncidentContext hourIn = CHATGPT_DOWN.at(ONSET.plus(Duration.ofHours(1)));
        ServiceHistory history = learned(4, Duration.ofMinutes(50));

        assertThat(copy.estimate(hourIn, history)).isEqualTo(MODEL.estimate(hourIn, history));
    }

    private static Duration remainingMedian(ServiceHistory history) {
        return MODEL.estimate(CHATGPT_DOWN, history).remaining().median();
    }

    /** A history of {@code incidents} outages of the service, each {@code duration} long. */
    private static ServiceHistory learned(int incidents, Duration duration) {
        ServiceHistory history = ServiceHistory.empty();
        for (int i = 0; i < incidents; i++) {
            Instant onset = ONSET.minus(Duration.ofDays(incidents - i));
            IncidentContext past =
                    IncidentContext.detected(
                                    "ChatGPT",
                                    ImpactLevel.of(Severity.MAJOR),
                                    3,
                                    LeadingSignal.PROBES,
                                    onset)
                            .at(onset.plus(duration));
            history = MODEL.learn(history, past, onset.plus(duration));
        }
        return history;
    }
}
