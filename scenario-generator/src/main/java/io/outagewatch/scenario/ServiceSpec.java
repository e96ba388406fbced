package io.outagewatch.scenario;

import java.util.List;

/**
 * One service in a scenario: whether it is probed and discussed, and how it behaves on a normal
 * day.
 *
 * @param id the catalog id used in probes and expected incidents
 * @param displayName how people usually write the name
 * @param probed whether every vantage probes it
 * @param discussed whether people post about it
 * @param medianLatencyMs median latency of a healthy probe
 * @param audienceScale complaint and chatter volume relative to a big service such as ChatGPT
 * @param mentions the spellings posts use for it; each should contain a catalog alias
 * @param target the probed URL
 */
public record ServiceSpec(
        String id,
        String displayName,
        boolean probed,
        boolean discussed,
        double medianLatencyMs,
        double audienceScale,
        List<String> mentions,
        String target) {

    public static final double DEFAULT_MEDIAN_LATENCY_MS = 180;
    public static final double DEFAULT_AUDIENCE_SCALE = 1.0;

    public ServiceSpec {
        Vantage.requireId("service id", id);
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("service " + id + ": display name is blank");
        }
        if (!probed && !discussed) {
            throw new IllegalArgumentException(
                    "service " + id + " is neither probed nor discussed, so it leaves no trace");
        }
        if (!(medianLatencyMs > 0) || !(audienceScale > 0)) {
            throw new IllegalArgumentException(
                    "service " + id + ": median latency and audience scale must be positive");
        }
        mentions = List.copyOf(mentions);
        if (mentions.isEmpty() || mentions.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(
                    "service " + id + ": mentions must be a non-empty list of non-blank names");
        }
        if (target == null || !target.startsWith("https://")) {
            throw new IllegalArgumentException("service " + id + ": target must be an https URL");
        }
    }

    public static ServiceSpec probedAndDiscussed(String id, String displayName) {
        return create(id, displayName, true, true);
    }

    /** A service nobody posts about, such as an internal API. */
    public static ServiceSpec probeOnly(String id, String displayName) {
        return create(id, displayName, true, false);
    }

    /** A service no vantage probes: only complaints can reveal its outages. */
    public static ServiceSpec socialOnly(String id, String displayName) {
        return create(id, displayName, false, true);
    }

    public ServiceSpec withMedianLatencyMs(double latencyMs) {
        return new ServiceSpec(
                id, displayName, probed, discussed, latencyMs, audienceScale, mentions, target);
    }

    public ServiceSpec withAudienceScale(double scale) {
        return new ServiceSpec(
                id, displayName, probed, discussed, medianLatencyMs, scale, mentions, target);
    }

    public ServiceSpec withMentions(String... names) {
        return new ServiceSpec(
                id,
                displayName,
                probed,
                discussed,
                medianLatencyMs,
                audienceScale,
                List.of(names),
                target);
    }

    public ServiceSpec withTarget(String url) {
        return new ServiceSpec(
                id, displayName, probed, discussed, medianLatencyMs, audienceScale, mentions, url);
    }

    private static ServiceSpec create(
            String id, String displayName, boolean probed, boolean discussed) {
        return new ServiceSpec(
                id,
                displayName,
                probed,
                discussed,
                DEFAULT_MEDIAN_LATENCY_MS,
                DEFAULT_AUDIENCE_SCALE,
                List.of(displayName),
                "https://" + id + ".example.com/healthz");
    }
}
