package io.outagewatch.detection.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fits a synthetic corpus whose durations follow known effects and checks the model finds them: log
 * duration = log(1 h) + the impact's effect + 0.7 if the title says "delays" + the service's offset
 * + noise (σ = 0.8). One service also says "carrier" in every title, with 1.5 more.
 */
class DurationModelFitterTest {

    private static final Instant FIRST_POST = Instant.parse("2025-01-06T10:00:00Z");
    private static final double BASE_LOG_SECONDS = Math.log(3600);
    private static final double NOISE_SIGMA = 0.8;
    private static final double DELAYS_EFFECT = 0.7;
    private static final double CARRIER_EFFECT = 1.5;
    private static final int SERVICES = 8;
    private static final int INCIDENTS_PER_SERVICE = 150;
    private static final long SEED = 20_260_305L;

    private static final DurationModel MODEL = DurationModelFitter.fit(syntheticCorpus());

    @ParameterizedTest(
            name = "{0} \"{1}\": log ratio {2} against a minor incident titled \"Issue\"")
    @CsvSource({
        "MINOR, Issue, 0",
        "MAJOR, Issue, -0.5",
        "CRITICAL, Issue, -0.8",
        "MINOR, Message delays, 0.7",
        "CRITICAL, Message delays, -0.1",
        "MINOR, Issue with carrier, 0",
    })
    void theFitFindsTheEffectsOfImpactAndTitleWordsCommonToServices(
            ImpactLevel impact, String title, double expectedLogRatio) {
        double reference = medianSeconds(ImpactLevel.MINOR, "Issue");

        double logRatio = Math.log(medianSeconds(impact, title) / reference);

        assertThat(logRatio).isCloseTo(expectedLogRatio, within(0.15));
    }

    @Test
    void retroactiveRecordsAreNotFitted() {
        List<CorpusIncident> corpus = new ArrayList<>(syntheticCorpus());
        int withDuration = corpus.size();
        corpus.add(incident("S0", corpus.size(), ImpactLevel.MINOR, "Issue", Duration.ZERO, false));
        corpus.add(
                incident(
                        "S0",
                        corpus.size(),
                        ImpactLevel.MINOR,
                        "Issue",
                        Duration.ofHours(1),
                        true));

        assertThat(DurationModelFitter.fit(corpus).fittedIncidents()).isEqualTo(withDuration);
    }

    @Test
    void tooFewIncidentsIsAnError() {
        List<CorpusIncident> few =
                syntheticCorpus().subList(0, DurationModelFitter.MIN_INCIDENTS - 1);

        assertThatThrownBy(() -> DurationModelFitter.fit(few))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need at least 50 incidents with a duration, got 49");
    }

    /**
     * Services whose totals barely differ but whose times from {@code monitoring} to resolution
     * differ by a factor of up to e^1.5 either way: a service's own monitoring phases must count by
     * how much services' monitoring phases scatter, not by how little their totals do. Five past
     * monitoring phases each e^1 times the kind's should move the estimate most of the way.
     */
    @Test
    void aServicesOwnPhasesCountByHowMuchServicesPhasesScatter() {
        DurationModel model = DurationModelFitter.fit(phaseCorpus());
        Instant first = FIRST_POST.plus(Duration.ofDays(10_000));
        IncidentContext monitoring =
                new IncidentContext(
                        "Unseen",
                        ImpactLevel.MINOR,
                        0,
                        LeadingSignal.COMPLAINTS,
                        first,
                        first.plus(TIME_TO_MONITORING),
                        first,
                        null,
                        first.plus(TIME_TO_MONITORING),
                        "Issue");
        double kindsSeconds =
                model.estimate(monitoring, ServiceHistory.empty()).remaining().median().toSeconds();
        ServiceHistory history = ServiceHistory.empty();
        for (int i = 0; i < 5; i++) {
            Instant created = first.minus(Duration.ofDays(5 - i));
            Instant monitoringAt = created.plus(TIME_TO_MONITORING);
            Duration afterMonitoring = Duration.ofSeconds(Math.round(kindsSeconds * Math.E));
            CorpusIncident past =
                    new CorpusIncident(
                            "Unseen",
                            "past" + i,
                            "Issue",
                            ImpactLevel.MINOR,
                            created,
                            null,
                            monitoringAt,
                            monitoringAt.plus(afterMonitoring),
                            List.of(),
                            false);
            history = model.learn(history, past.contextAt(past.resolvedAt()), past.resolvedAt());
        }

        double ownSeconds = model.estimate(monitoring, history).remaining().median().toSeconds();

        assertThat(Math.log(ownSeconds / kindsSeconds)).isBetween(0.7, 1.0);
    }

    private static final Duration TIME_TO_MONITORING = Duration.ofHours(10);

    /**
     * Minor incidents titled "Issue": 10 h to {@code monitoring} (times e^noise, σ = 0.8), then 20
     * min times the service's phase offset (−1.5 to 1.5, evenly spread) times e^noise (σ = 0.5).
     */
    private static List<CorpusIncident> phaseCorpus() {
        Random random = new Random(SEED);
        List<CorpusIncident> corpus = new ArrayList<>();
        for (int s = 0; s < SERVICES; s++) {
            double phaseOffset = -1.5 + 3.0 * s / (SERVICES - 1);
            for (int i = 0; i < INCIDENTS_PER_SERVICE; i++) {
                Instant created = FIRST_POST.plus(Duration.ofHours(7L * corpus.size()));
                Instant monitoringAt =
                        created.plus(
                                Duration.ofSeconds(
                                        Math.round(
                                                TIME_TO_MONITORING.getSeconds()
                                                        * Math.exp(0.8 * random.nextGaussian()))));
                Duration afterMonitoring =
                        Duration.ofSeconds(
                                Math.round(
                                        20
                                                * 60
                                                * Math.exp(
                                                        phaseOffset
                                                                + 0.5 * random.nextGaussian())));
                corpus.add(
                        new CorpusIncident(
                                "S" + s,
                                String.valueOf(corpus.size()),
                                "Issue",
                                ImpactLevel.MINOR,
                                created,
                                null,
                                monitoringAt,
                                monitoringAt.plus(afterMonitoring),
                                List.of(),
                                false));
            }
        }
        return corpus;
    }

    private static double medianSeconds(ImpactLevel impact, String title) {
        IncidentContext context =
                new IncidentContext(
                        "Unseen",
                        impact,
                        0,
                        LeadingSignal.COMPLAINTS,
                        FIRST_POST,
                        FIRST_POST,
                        FIRST_POST,
                        null,
                        null,
                        title);
        return MODEL.estimate(context, ServiceHistory.empty()).remaining().median().toSeconds();
    }

    private static List<CorpusIncident> syntheticCorpus() {
        Random random = new Random(SEED);
        NormalDistribution noise = new NormalDistribution(null, 0, NOISE_SIGMA);
        ImpactLevel[] impacts = {ImpactLevel.MINOR, ImpactLevel.MAJOR, ImpactLevel.CRITICAL};
        double[] impactEffects = {0, -0.5, -0.8};
        List<CorpusIncident> corpus = new ArrayList<>();
        for (int s = 0; s < SERVICES; s++) {
            double offset = (s - (SERVICES - 1) / 2.0) * 0.15;
            List<Double> noises = new ArrayList<>();
            for (int i = 0; i < INCIDENTS_PER_SERVICE; i++) {
                noises.add(noise.inverseCumulativeProbability((i + 0.5) / INCIDENTS_PER_SERVICE));
            }
            Collections.shuffle(noises, random);
            for (int i = 0; i < INCIDENTS_PER_SERVICE; i++) {
                int kind = i % impacts.length;
                boolean delays = (i / impacts.length) % 2 == 0;
                boolean carrier = s == 0;
                double log =
                        BASE_LOG_SECONDS
                                + impactEffects[kind]
                                + (delays ? DELAYS_EFFECT : 0)
                                + (carrier ? CARRIER_EFFECT : 0)
                                + offset
                                + noises.get(i);
                String title =
                        (delays ? "Message delays" : "Issue") + (carrier ? " with carrier" : "");
                corpus.add(
                        incident(
                                "S" + s,
                                corpus.size(),
                                impacts[kind],
                                title,
                                Duration.ofSeconds(Math.round(Math.exp(log))),
                                false));
            }
        }
        return corpus;
    }

    private static CorpusIncident incident(
            String service,
            int number,
            ImpactLevel impact,
            String title,
            Duration duration,
            boolean retroactive) {
        Instant created = FIRST_POST.plus(Duration.ofHours(7L * number));
        return new CorpusIncident(
                service,
                String.valueOf(number),
                title,
                impact,
                created,
                null,
                null,
                created.plus(duration),
                List.of(),
                retroactive);
    }
}
