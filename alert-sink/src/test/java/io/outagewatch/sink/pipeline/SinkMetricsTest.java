package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.sink.pipeline.SinkMetrics.AlertResult;
import io.outagewatch.sink.pipeline.SinkMetrics.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SinkMetricsTest {

    @Test
    void rendersEveryCounterInTheTextFormatWithReceiversInNameOrder() {
        SinkMetrics metrics = new SinkMetrics();
        metrics.registerReceiver("slack");
        metrics.registerReceiver("oncall");
        metrics.attempted("oncall", 3);
        metrics.delivered("oncall");
        metrics.attempted("slack", 1);
        metrics.rejected("slack");
        metrics.alertProcessed();
        metrics.alertProcessed();
        metrics.alertInvalid();
        metrics.pending(7);

        assertThat(metrics.render())
                .isEqualTo(
                        """
                        # HELP outagewatch_sink_deliveries_total Deliveries per receiver: \
                        delivered, retried (attempts beyond the first), rejected (dead-lettered), \
                        silenced (held back by a silence).
                        # TYPE outagewatch_sink_deliveries_total counter
                        outagewatch_sink_deliveries_total{receiver="oncall",outcome="delivered"} 1
                        outagewatch_sink_deliveries_total{receiver="oncall",outcome="retried"} 2
                        outagewatch_sink_deliveries_total{receiver="oncall",outcome="rejected"} 0
                        outagewatch_sink_deliveries_total{receiver="oncall",outcome="silenced"} 0
                        outagewatch_sink_deliveries_total{receiver="slack",outcome="delivered"} 0
                        outagewatch_sink_deliveries_total{receiver="slack",outcome="retried"} 0
                        outagewatch_sink_deliveries_total{receiver="slack",outcome="rejected"} 1
                        outagewatch_sink_deliveries_total{receiver="slack",outcome="silenced"} 0
                        # HELP outagewatch_sink_alerts_total Alerts read: processed by the \
                        pipeline, or invalid (dead-lettered).
                        # TYPE outagewatch_sink_alerts_total counter
                        outagewatch_sink_alerts_total{result="processed"} 2
                        outagewatch_sink_alerts_total{result="invalid"} 1
                        # HELP outagewatch_sink_alerts_pending Alerts read from Kafka and not \
                        yet finished (at most max.poll.records).
                        # TYPE outagewatch_sink_alerts_pending gauge
                        outagewatch_sink_alerts_pending 7
                        """);
        assertThat(metrics.deliveries("oncall", Outcome.RETRIED)).isEqualTo(2);
        assertThat(metrics.deliveries("nobody", Outcome.DELIVERED)).isZero();
        assertThat(metrics.alerts(AlertResult.INVALID)).isEqualTo(1);
    }

    @Test
    void anEmptySinkStillDeclaresItsMetrics() {
        assertThat(new SinkMetrics().render())
                .contains("# TYPE outagewatch_sink_deliveries_total counter\n")
                .contains("outagewatch_sink_alerts_total{result=\"processed\"} 0\n")
                .doesNotContain("receiver=");
    }

    @Test
    void labelValuesAreEscapedAsTheExpositionFormatSays() {
        assertThat(SinkMetrics.escapeLabelValue("oncall")).isEqualTo("oncall");
        assertThat(SinkMetrics.escapeLabelValue("say \"hi\"")).isEqualTo("say \\\"hi\\\"");
        assertThat(SinkMetrics.escapeLabelValue("C:\\pager")).isEqualTo("C:\\\\pager");
        assertThat(SinkMetrics.escapeLabelValue("two\nlines")).isEqualTo("two\\nlines");
        assertThat(SinkMetrics.escapeLabelValue("ünïcødé, {x=1}")).isEqualTo("ünïcødé, {x=1}");
    }

    @Test
    void theMetricsAreDocumented() throws IOException {
        String doc = Files.readString(Path.of("../docs/alerting.md"));
        assertThat(doc)
                .contains(
                        "## Metrics",
                        "| `" + SinkMetrics.DELIVERIES + "` |",
                        "| `" + SinkMetrics.ALERTS + "` |",
                        "| `" + SinkMetrics.PENDING + "` |",
                        "--metrics-port");
    }

    @Test
    void aReceiverNameIsEscapedInTheOutput() {
        SinkMetrics metrics = new SinkMetrics();
        metrics.delivered("team \"a\"");
        assertThat(metrics.render())
                .contains(
                        "outagewatch_sink_deliveries_total{receiver=\"team \\\"a\\\"\","
                                + "outcome=\"delivered\"} 1\n");
    }
}
