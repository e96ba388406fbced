package io.outagewatch.bench;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * Flink's own gauges of the job running in this JVM, read when asked rather than through the REST
 * API, whose metric fetcher refreshes only every few seconds: how far the Kafka sources have read.
 * A local cluster given {@link #CONFIG} reports to it.
 */
final class LiveGauges implements MetricReporter {

    /** The reporter setting a {@code LocalFlinkCluster} is started with. */
    static final Configuration CONFIG = new Configuration();

    static {
        CONFIG.setString("metrics.reporter.live.factory.class", Factory.class.getName());
    }

    private static final String SOURCE_READER_GROUP = "KafkaSourceReader";
    private static final String CURRENT_OFFSET = "currentOffset";

    private static final Map<String, Gauge<?>> SOURCE_OFFSETS = new ConcurrentHashMap<>();

    /**
     * Records the Kafka sources have emitted so far, over every partition: the offset of the last
     * record read plus one (a partition read from offset 0, as the benchmark's are).
     */
    static long recordsRead() {
        long read = 0;
        for (Gauge<?> offset : SOURCE_OFFSETS.values()) {
            read += Math.max(0, ((Number) offset.getValue()).longValue() + 1);
        }
        return read;
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {
        SOURCE_OFFSETS.clear();
    }

    @Override
    public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
        if (!(metric instanceof Gauge<?> gauge)) {
            return;
        }
        if (CURRENT_OFFSET.equals(metricName)
                && group.getMetricIdentifier(metricName).contains(SOURCE_READER_GROUP)) {
            SOURCE_OFFSETS.put(group.getMetricIdentifier(metricName), gauge);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
        SOURCE_OFFSETS.remove(group.getMetricIdentifier(metricName), metric);
    }

    /** Found by Flink through {@code META-INF/services}. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new LiveGauges();
        }
    }
}
