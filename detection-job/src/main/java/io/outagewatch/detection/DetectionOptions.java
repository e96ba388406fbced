package io.outagewatch.detection;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.outagewatch.detection.baseline.PooledComplaintRule;
import io.outagewatch.detection.incident.IncidentPolicy;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.PipelineOptions;

/**
 * Every setting of the detection job, declared once with its default and description. A config file
 * ({@code --config}, YAML) sets them; docs/detection.md lists them.
 */
public final class DetectionOptions {

    public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS =
            key("outagewatch.kafka.bootstrap-servers")
                    .stringType()
                    .defaultValue("127.0.0.1:9092")
                    .withDescription("Kafka bootstrap servers of the live job.");

    public static final ConfigOption<String> KAFKA_GROUP_ID =
            key("outagewatch.kafka.group-id")
                    .stringType()
                    .defaultValue("outagewatch-detection")
                    .withDescription("Consumer group of the job's Kafka sources.");

    public static final ConfigOption<String> KAFKA_TRANSACTIONAL_ID_PREFIX =
            key("outagewatch.kafka.transactional-id-prefix")
                    .stringType()
                    .defaultValue("outagewatch-detection")
                    .withDescription(
                            "Transactional id prefix of the exactly-once alert sink; unique per"
                                    + " job on a cluster and stable across restarts.");

    public static final ConfigOption<Duration> KAFKA_TRANSACTION_TIMEOUT =
            key("outagewatch.kafka.transaction-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "Transaction timeout of the exactly-once sink. Must stay below the"
                                    + " broker's transaction.max.timeout.ms (15 min by default)"
                                    + " and well above checkpoint duration plus restart time.");

    public static final ConfigOption<String> KAFKA_PROPERTIES_FILE =
            key("outagewatch.kafka.properties-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Java properties file of extra Kafka client settings (TLS, SASL:"
                                    + " security.protocol, sasl.mechanism, sasl.jaas.config,"
                                    + " ssl.truststore.location, ...) given to every source and"
                                    + " sink; read where the job is built. Without it, the file"
                                    + " the environment variable OUTAGEWATCH_KAFKA_PROPERTIES_FILE"
                                    + " names, if set. Values are never logged.");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            key("outagewatch.checkpoint-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Checkpoint interval of the live job; alerts become visible to"
                                    + " read_committed consumers when a checkpoint completes.");

    public static final ConfigOption<Integer> MAX_PARALLELISM =
            key(PipelineOptions.MAX_PARALLELISM.key())
                    .intType()
                    .defaultValue(128)
                    .withDescription(
                            "Flink's maximum parallelism (key groups) of the live job, fixed so"
                                    + " that it does not depend on the first deployment's"
                                    + " parallelism: the most a savepoint can be rescaled to."
                                    + " Changing it makes existing savepoints unrestorable.");

    public static final ConfigOption<String> CATALOG =
            key("outagewatch.catalog")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Path of the service catalog (JSON or YAML). Without it the built-in"
                                    + " default catalog is used.");

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            key("outagewatch.watermark.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "How far behind the newest record of its stream a record may arrive"
                                    + " and still count; later ones are dead-lettered as late.");

    public static final ConfigOption<Duration> IDLENESS =
            key("outagewatch.watermark.idleness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "A source split silent this long stops holding back the watermark.");

    public static final ConfigOption<Duration> INPUT_CHECK_TIMEOUT =
            key("outagewatch.kafka.input-check-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription(
                            "How long building the live job waits for the broker to say whether"
                                    + " status-updates has anything to read for the job's group;"
                                    + " if not, its partitions start idle instead of holding"
                                    + " the watermark for the idleness. A broker that has not"
                                    + " answered by then, or 0, leaves them holding it as usual.");

    public static final ConfigOption<Duration> MAX_AHEAD_OF_WRITE_TIME =
            key("outagewatch.watermark.max-ahead-of-write-time")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "How far a Kafka record's event time may be ahead of its Kafka"
                                    + " timestamp (when it was written); a record dated further"
                                    + " ahead is dead-lettered as ahead_of_write_time and never"
                                    + " moves a watermark.");

    public static final ConfigOption<Integer> QUORUM_MIN_FAILING_VANTAGES =
            key("outagewatch.probes.quorum.min-failing-vantages")
                    .intType()
                    .defaultValue(2)
                    .withDescription("Failing vantages an outage needs at least.");

    public static final ConfigOption<Double> QUORUM_MIN_FAILING_FRACTION =
            key("outagewatch.probes.quorum.min-failing-fraction")
                    .doubleType()
                    .defaultValue(0.5)
                    .withDescription("Share of the reporting vantages that must fail.");

    public static final ConfigOption<Integer> BROKEN_VANTAGE_MIN_SERVICES =
            key("outagewatch.probes.broken-vantage.min-services")
                    .intType()
                    .defaultValue(3)
                    .withDescription(
                            "Services a vantage must probe in a minute before it can be judged"
                                    + " broken.");

    public static final ConfigOption<Double> BROKEN_VANTAGE_FRACTION =
            key("outagewatch.probes.broken-vantage.fraction")
                    .doubleType()
                    .defaultValue(0.8)
                    .withDescription(
                            "Share of its services failing at once that marks a vantage broken.");

    public static final ConfigOption<Integer> REPORTS_MIN_COUNT =
            key("outagewatch.reports.min-count")
                    .intType()
                    .defaultValue(8)
                    .withDescription(
                            "Complaining authors a minute needs at least to be anomalous.");

    public static final ConfigOption<Double> REPORTS_MIN_RATIO =
            key("outagewatch.reports.min-ratio")
                    .doubleType()
                    .defaultValue(4.0)
                    .withDescription("Complaints must be at least this multiple of the baseline.");

    public static final ConfigOption<Double> REPORTS_MIN_SCORE =
            key("outagewatch.reports.min-score")
                    .doubleType()
                    .defaultValue(6.0)
                    .withDescription(
                            "Minimum -log10 p-value of the complaint count under the baseline's"
                                    + " negative binomial.");

    public static final ConfigOption<Integer> REPORTS_POOLED_MINUTES =
            key("outagewatch.reports.pooled.minutes")
                    .intType()
                    .defaultValue(PooledComplaintRule.DEFAULT_POOL_MINUTES)
                    .withDescription(
                            "Minutes whose complaints the pooled rule adds up: the minute decided"
                                    + " and those just before it. For services whose users post"
                                    + " fewer complaints a minute than the per-minute rule"
                                    + " needs, at night say.");

    public static final ConfigOption<Integer> REPORTS_POOLED_MIN_COUNT =
            key("outagewatch.reports.pooled.min-count")
                    .intType()
                    .defaultValue(PooledComplaintRule.DEFAULT_MIN_COUNT)
                    .withDescription(
                            "Distinct authors, each counted once over the pooled minutes, a pool"
                                    + " needs at least to be anomalous.");

    public static final ConfigOption<Double> REPORTS_POOLED_MIN_RATIO =
            key("outagewatch.reports.pooled.min-ratio")
                    .doubleType()
                    .defaultValue(PooledComplaintRule.DEFAULT_MIN_RATIO)
                    .withDescription(
                            "A pool's distinct authors must be at least this multiple of the"
                                    + " baseline summed over its minutes.");

    public static final ConfigOption<Double> REPORTS_POOLED_MIN_SCORE =
            key("outagewatch.reports.pooled.min-score")
                    .doubleType()
                    .defaultValue(PooledComplaintRule.DEFAULT_MIN_SCORE)
                    .withDescription(
                            "Minimum -log10 p-value of a pool's distinct authors under the"
                                    + " negative binomial of the baseline summed over its"
                                    + " minutes.");

    public static final ConfigOption<Integer> CONFIRM_MINUTES_ONE_SIGNAL =
            key("outagewatch.incident.confirm-minutes.one-signal")
                    .intType()
                    .defaultValue(2)
                    .withDescription(
                            "Consecutive anomalous minutes of one signal that confirm an outage.");

    public static final ConfigOption<Integer> CONFIRM_MINUTES_REPORTS_AGAINST_HEALTHY_PROBES =
            key("outagewatch.incident.confirm-minutes.reports-against-healthy-probes")
                    .intType()
                    .defaultValue(4)
                    .withDescription(
                            "Consecutive anomalous complaint minutes that confirm an outage the"
                                    + " probes do not see.");

    public static final ConfigOption<Integer> CONFIRM_MINUTES_DEGRADED =
            key("outagewatch.incident.confirm-minutes.degraded")
                    .intType()
                    .defaultValue(3)
                    .withDescription("Consecutive brownout minutes that confirm DEGRADED.");

    public static final ConfigOption<Duration> MERGE_GAP =
            key("outagewatch.incident.merge-gap")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "Continuous health needed before recovery; a relapse inside it"
                                    + " continues the same incident.");

    public static final ConfigOption<Duration> UPDATE_EVERY =
            key("outagewatch.incident.update-every")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(15))
                    .withDescription(
                            "Interval of OUTAGE_UPDATED alerts with a fresh duration estimate.");

    public static final ConfigOption<Double> ESTIMATE_CHANGE =
            key("outagewatch.incident.estimate-change")
                    .doubleType()
                    .defaultValue(IncidentPolicy.DEFAULT_ESTIMATE_CHANGE)
                    .withDescription(
                            "An OUTAGE_UPDATED is sent at once when the estimated median total"
                                    + " duration moves by more than this share (0.25: a quarter"
                                    + " more or a fifth less) from the last one sent, or when the"
                                    + " official status phase changes.");

    public static final ConfigOption<Duration> REPORT_AFTERGLOW =
            key("outagewatch.incident.report-afterglow")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(60))
                    .withDescription(
                            "After a probe-led recovery, complaints against healthy probes are"
                                    + " not evidence for this long.");

    public static final ConfigOption<Double> ONSET_RISE =
            key("outagewatch.incident.onset.rise")
                    .doubleType()
                    .defaultValue(IncidentPolicy.DEFAULT_ONSET_RISE)
                    .withDescription(
                            "The rise of the failed-probe share above its baseline that the"
                                    + " onset's CUSUM looks for: an incident starts where that sum"
                                    + " last left zero. Smaller follows a slow ramp back further"
                                    + " but lets a lone failure just before a sudden outage move"
                                    + " its onset more often.");

    public static final ConfigOption<Duration> ONSET_LOOKBACK =
            key("outagewatch.incident.onset.lookback")
                    .durationType()
                    .defaultValue(IncidentPolicy.DEFAULT_ONSET_LOOKBACK)
                    .withDescription(
                            "An incident's onset is moved back to where its probes' failure"
                                    + " share began to rise, at most this far before its first"
                                    + " anomalous minute.");

    public static final ConfigOption<Integer> REPLAY_PARALLELISM =
            key("outagewatch.replay.parallelism")
                    .intType()
                    .defaultValue(1)
                    .withDescription("Parallelism of replay runs.");

    public static final ConfigOption<Integer> FRONT_WINDOW =
            key("outagewatch.watermark.front-window")
                    .intType()
                    .defaultValue(64)
                    .withDescription(
                            "Records each stream's front (where the bulk of a partition or file"
                                    + " is in event time; watermarks and replay order follow it)"
                                    + " is taken over, at least 16. It moves only when four"
                                    + " fifths of them are ahead: 64 is safe against a third of"
                                    + " the records (one vantage in three) running ahead; the front"
                                    + " of a dense stream trails its newest records by four fifths"
                                    + " of it (docs/event-time.md).");

    public static final ConfigOption<Duration> ALIGNMENT_MAX_DRIFT =
            key("outagewatch.watermark.alignment.max-drift")
                    .durationType()
                    .noDefaultValue()
                    .withDescription(
                            "If set, Flink's split-level watermark alignment for each Kafka"
                                    + " source: a partition whose watermark runs further ahead of"
                                    + " the source's slowest one is paused until the others catch"
                                    + " up (docs/event-time.md). Unset: no alignment.");

    public static final ConfigOption<Duration> CLOCK_AHEAD_REPORT =
            key("outagewatch.watermark.clock-ahead-report")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription(
                            "A vantage whose clock is estimated to run further ahead than this in"
                                    + " a minute is reported on vantage-health with"
                                    + " clockAheadSeconds. The estimate is its probes' smallest"
                                    + " lead over the watermark, less the out-of-orderness"
                                    + " (docs/detection.md).");

    public static final ConfigOption<Duration> REPLAY_MAX_DISORDER =
            key("outagewatch.replay.max-disorder")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "How far out of order a replayed line may be and still take its place"
                                    + " in event-time order; lines further behind their file's"
                                    + " front are dead-lettered as late.");

    public static final ConfigOption<Duration> REPLAY_MAX_AHEAD =
            key("outagewatch.replay.max-ahead")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(30))
                    .withDescription(
                            "How far ahead of its file's front a replayed line may be; one further"
                                    + " ahead, and still so two windows of lines later, is"
                                    + " dead-lettered as ahead_of_stream. More than"
                                    + " outagewatch.replay.max-disorder.");

    public static final ConfigOption<Integer> REPLAY_REORDER_CAPACITY =
            key("outagewatch.replay.reorder-capacity")
                    .intType()
                    .defaultValue(200_000)
                    .withDescription(
                            "Most lines of one replayed file held for reordering; beyond it the"
                                    + " earliest are released at once and lines that arrive later"
                                    + " with an earlier time are dead-lettered as late.");

    private DetectionOptions() {}

    /** All options declared above, found by reflection so a new one cannot be forgotten. */
    public static List<ConfigOption<?>> all() {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Field field : DetectionOptions.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && ConfigOption.class.isAssignableFrom(field.getType())) {
                try {
                    options.add((ConfigOption<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return options;
    }
}
