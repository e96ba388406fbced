package io.outagewatch.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A JSON object written field by field, so a test can take a valid document and break exactly one
 * field. Values are raw JSON text.
 */
final class JsonDoc {
    private final Map<String, String> fields;

    private JsonDoc(Map<String, String> fields) {
        this.fields = fields;
    }

    static JsonDoc of(String... namesAndRawValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndRawValues.length; i += 2) {
            fields.put(namesAndRawValues[i], namesAndRawValues[i + 1]);
        }
        return new JsonDoc(fields);
    }

    static JsonDoc probe() {
        return of(
                "service", "\"chatgpt\"",
                "vantage", "\"fra-1\"",
                "region", "\"eu-west\"",
                "target", "\"https://chat.openai.com/\"",
                "timestamp", "\"2023-11-08T13:42:05Z\"",
                "success", "false",
                "latencyMs", "812.5",
                "statusCode", "503",
                "error", "\"HTTP 503\"");
    }

    static JsonDoc report() {
        return of(
                "timestamp", "\"2023-11-08T13:44:10Z\"",
                "text", "\"is chatgpt down?\"",
                "source", "\"bluesky\"",
                "author", "\"did:plc:abc\"",
                "lang", "\"en\"",
                "service", "\"chatgpt\"",
                "region", "\"eu-west\"");
    }

    static JsonDoc status() {
        return of(
                "service", "\"chatgpt\"",
                "timestamp", "\"2023-11-08T14:30:00Z\"",
                "incidentId", "\"yp8kx2y5ws2r\"",
                "status", "\"investigating\"",
                "impact", "\"major\"",
                "title", "\"Elevated error rates\"",
                "url", "\"https://status.openai.com/incidents/yp8kx2y5ws2r\"");
    }

    static JsonDoc evidence() {
        return of(
                "probeFailureRate", "0.9",
                "probeFailureBaseline", "0.01",
                "failingVantages", "[\"fra-1\",\"iad-2\"]",
                "healthyVantages", "[\"syd-1\"]",
                "reportRate", "40",
                "reportBaseline", "0.5",
                "score", "11.5");
    }

    static JsonDoc startedAlert() {
        return of(
                "incidentId", "\"chatgpt-1\"",
                "type", "\"OUTAGE_STARTED\"",
                "service", "\"chatgpt\"",
                "severity", "\"MAJOR\"",
                "regions", "[\"eu-west\"]",
                "startedAt", "\"2023-11-08T13:42:00Z\"",
                "detectedAt", "\"2023-11-08T13:43:30Z\"",
                "estimatedDurationSeconds", "5400",
                "estimatedDurationLowSeconds", "1800",
                "estimatedDurationHighSeconds", "10800",
                "evidence", evidence().json(),
                "officialStatus", status().json(),
                "leadSecondsOverAck", "2790",
                "version", "1");
    }

    static JsonDoc recoveredAlert() {
        return startedAlert()
                .with("type", "\"OUTAGE_RECOVERED\"")
                .with("recoveredAt", "\"2023-11-08T15:40:00Z\"")
                .with("durationSeconds", "7080")
                .with("version", "5");
    }

    static JsonDoc deadLetter() {
        return of(
                "origin", "\"probe-results-3-1042\"",
                "raw", "\"{\\\"service\\\":1}\"",
                "reason", "\"wrong_type: service must be a string, got number\"",
                "timestamp", "\"2023-11-08T13:42:07Z\"");
    }

    /** Replaces the field, or appends it when absent. */
    JsonDoc with(String name, String rawValue) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.put(name, rawValue);
        return new JsonDoc(copy);
    }

    JsonDoc without(String name) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.remove(name);
        return new JsonDoc(copy);
    }

    /** Replaces an object-valued field, typically with a variant of a nested document. */
    JsonDoc withNested(String name, JsonDoc nested) {
        return with(name, nested.json());
    }

    String json() {
        return fields.entrySet().stream()
                .map(field -> "\"" + field.getKey() + "\":" + field.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    @Override
    public String toString() {
        return json();
    }
}
