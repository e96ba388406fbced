package io.outagewatch.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ConsoleNotifierTest {

    @Test
    void printsAReadableBlockPerAlert() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleNotifier console =
                new ConsoleNotifier(
                        "console", new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(console.deliver(TestAlerts.started()))
                .isEqualTo(new Delivery.Delivered("printed"));
        assertThat(console.deliver(TestAlerts.recovered())).isInstanceOf(Delivery.Delivered.class);

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "== OUTAGE STARTED == chatgpt is down: major outage in eu-west, us-east"
                                + " since 2023-11-08T13:42:00Z, expected to last about 1 h 30 min"
                                + " (30 min to 3 h)\n"
                                + "   Evidence: probes failing 92% (usual 1%); failing at fra-1,"
                                + " iad-2, sin-1; healthy at syd-1; error reports 47.5/min (usual"
                                + " 0.8/min); anomaly score 12.3\n"
                                + "   Incident chatgpt-20231108-1342, alert 1, detected 2023-11-08T13:43:30Z\n"
                                + "== OUTAGE RECOVERED == chatgpt has recovered: it was down for 2 h"
                                + " 18 min (major outage in eu-west, us-east from"
                                + " 2023-11-08T13:42:00Z to 2023-11-08T16:00:00Z)\n"
                                + "   Evidence: probes failing 92% (usual 1%); failing at fra-1,"
                                + " iad-2, sin-1; healthy at syd-1; error reports 47.5/min (usual"
                                + " 0.8/min); anomaly score 12.3\n"
                                + "   Official status: investigating, major impact: \"Elevated"
                                + " error rates on ChatGPT & the <API>\""
                                + " <https://status.openai.com/incidents/yp8kx2y5ws2r>"
                                + " (2023-11-08T14:30:00Z)\n"
                                + "   Detected 47 min before the official acknowledgement\n"
                                + "   Incident chatgpt-20231108-1342, alert 3, detected 2023-11-08T13:43:30Z\n");
        assertThat(console.kind()).isEqualTo("console");
    }

    @Test
    void printsTheTimeLeftAndWhatTheEstimateRestsOn() {
        assertThat(ConsoleNotifier.format(TestAlerts.updatedWithTimeLeft()))
                .isEqualTo(
                        "== OUTAGE UPDATED == chatgpt is still down: major outage in eu-west,"
                                + " us-east since 2023-11-08T13:42:00Z, now expected to last about"
                                + " 2 h (1 h to 4 h), about 40 min left — from 41 past ChatGPT"
                                + " incidents, in monitoring\n"
                                + "   Time left: about 40 min (10 min to 2 h 30 min)\n"
                                + "   Evidence: probes failing 92% (usual 1%); failing at fra-1,"
                                + " iad-2, sin-1; healthy at syd-1; error reports 47.5/min (usual"
                                + " 0.8/min); anomaly score 12.3\n"
                                + "   Official status: investigating, major impact: \"Elevated"
                                + " error rates on ChatGPT & the <API>\""
                                + " <https://status.openai.com/incidents/yp8kx2y5ws2r>"
                                + " (2023-11-08T14:30:00Z)\n"
                                + "   Detected 47 min before the official acknowledgement\n"
                                + "   Incident chatgpt-20231108-1342, alert 2, detected"
                                + " 2023-11-08T13:43:30Z\n");
    }

    @Test
    void aBrokenStreamIsRetryable() {
        OutputStream broken =
                new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        throw new IOException("broken pipe");
                    }
                };
        ConsoleNotifier console = new ConsoleNotifier("console", new PrintStream(broken));
        assertThat(console.deliver(TestAlerts.minimal())).isInstanceOf(Delivery.Retryable.class);
    }
}
