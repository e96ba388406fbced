package io.outagewatch.scenario;

import io.outagewatch.events.CatalogException;
import io.outagewatch.events.ServiceCatalog;
import io.outagewatch.events.StatusUpdate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The named scenario suite. Each starts with at least a full day of normal history and ends a few
 * hours after its event, so baselines have something to learn from and recovery can be seen.
 */
public final class Scenarios {

    /** Services as in {@value #CATALOG_RESOURCE}; mentions use the catalog's aliases. */
    static final ServiceSpec CHATGPT =
            ServiceSpec.probedAndDiscussed("chatgpt", "ChatGPT")
                    .withMentions("ChatGPT", "chatgpt", "chat gpt", "OpenAI")
                    .withMedianLatencyMs(180)
                    .withAudienceScale(1.0)
                    .withTarget("https://chatgpt.com/backend-api/health");

    static final ServiceSpec GITHUB =
            ServiceSpec.probedAndDiscussed("github", "GitHub")
                    .withMentions("GitHub", "github", "gh actions")
                    .withMedianLatencyMs(120)
                    .withAudienceScale(0.5)
                    .withTarget("https://github.com/status");

    static final ServiceSpec SLACK =
            ServiceSpec.probedAndDiscussed("slack", "Slack")
                    .withMentions("Slack", "slack")
                    .withMedianLatencyMs(95)
                    .withAudienceScale(0.4)
                    .withTarget("https://slack.com/api/api.test");

    static final ServiceSpec DISCORD =
            ServiceSpec.probedAndDiscussed("discord", "Discord")
                    .withMentions("Discord", "discord")
                    .withMedianLatencyMs(110)
                    .withAudienceScale(0.6)
                    .withTarget("https://discord.com/api/v10/gateway");

    static final ServiceSpec BLUESKY_APP =
            ServiceSpec.socialOnly("bluesky-app", "Bluesky")
                    .withMentions("Bluesky", "bluesky", "bsky")
                    .withAudienceScale(0.3);

    static final ServiceSpec INTERNAL_API =
            ServiceSpec.probeOnly("internal-api", "Internal API")
                    .withMedianLatencyMs(40)
                    .withTarget("https://internal-api.example.com/healthz");

    public static final String CATALOG_RESOURCE = "/scenarios/catalog.json";

    /** The spamming account in {@link #spammer()}. */
    public static final String SPAMMER_AUTHOR = "did:plc:00000000000000000badbad0";

    public static final int SPAMMER_POSTS = 300;

    private static final Map<String, LongFunction<Scenario>> BY_NAME = byName();

    private Scenarios() {}

    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    public static Optional<Scenario> named(String name, long seed) {
        return Optional.ofNullable(BY_NAME.get(name)).map(factory -> factory.apply(seed));
    }

    /** Every scenario with the default seed, in suite order. */
    public static List<Scenario> all() {
        return BY_NAME.values().stream()
                .map(factory -> factory.apply(ScenarioBuilder.DEFAULT_SEED))
                .toList();
    }

    /** The catalog that knows every service the suite uses. */
    public static ServiceCatalog catalog() {
        try (InputStream in = Scenarios.class.getResourceAsStream(CATALOG_RESOURCE)) {
            if (in == null) {
                throw new CatalogException(
                        "classpath resource " + CATALOG_RESOURCE + " is missing");
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ServiceCatalog.parse(json, ServiceCatalog.Format.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + CATALOG_RESOURCE, e);
        }
    }

    public static Scenario chatgpt20231108() {
        return chatgpt20231108(ScenarioBuilder.DEFAULT_SEED);
    }

    /** ChatGPT down 13:42–16:00 UTC; acknowledged at 14:30. GitHub and Slack stay healthy. */
    public static Scenario chatgpt20231108(long seed) {
        String incident = "chatgpt-2023-11-08";
        String title = "Elevated error rates on ChatGPT and the API";
        String url = "https://status.openai.com/incidents/chatgpt-2023-11-08";
        return ScenarioBuilder.named("chatgpt-2023-11-08")
                .seed(seed)
                .from(at("2023-11-07T00:00:00Z"))
                .until(at("2023-11-08T20:00:00Z"))
                .service(CHATGPT)
                .service(GITHUB)
                .service(SLACK)
                .outage(
                        Outage.of(
                                "chatgpt", at("2023-11-08T13:42:00Z"), at("2023-11-08T16:00:00Z")))
                .statusUpdate(
                        new StatusUpdate(
                                "chatgpt",
                                at("2023-11-08T14:30:00Z"),
                                incident,
                                StatusUpdate.Status.INVESTIGATING,
                                StatusUpdate.Impact.MAJOR,
                                title,
                                url))
                .statusUpdate(
                        new StatusUpdate(
                                "chatgpt",
                                at("2023-11-08T15:10:00Z"),
                                incident,
                                StatusUpdate.Status.IDENTIFIED,
                                StatusUpdate.Impact.MAJOR,
                                title,
                                url))
                .statusUpdate(
                        new StatusUpdate(
                                "chatgpt",
                                at("2023-11-08T16:00:00Z"),
                                incident,
                                StatusUpdate.Status.RESOLVED,
                                StatusUpdate.Impact.MAJOR,
                                title,
                                url))
                .build();
    }

    public static Scenario regionalOutage() {
        return regionalOutage(ScenarioBuilder.DEFAULT_SEED);
    }

    /** GitHub fails for 40 minutes from the eu vantages only. */
    public static Scenario regionalOutage(long seed) {
        return ScenarioBuilder.named("regional-outage")
                .seed(seed)
                .from(at("2024-03-11T00:00:00Z"))
                .until(at("2024-03-12T14:00:00Z"))
                .service(GITHUB)
                .service(SLACK)
                .outage(
                        Outage.of("github", at("2024-03-12T10:20:00Z"), at("2024-03-12T11:00:00Z"))
                                .regions("eu"))
                .statusUpdate(
                        new StatusUpdate(
                                "github",
                                at("2024-03-12T10:41:00Z"),
                                "github-2024-03-12-eu",
                                StatusUpdate.Status.INVESTIGATING,
                                StatusUpdate.Impact.MINOR,
                                "Degraded availability for Git operations in Europe",
                                "https://www.githubstatus.com/incidents/github-2024-03-12-eu"))
                .build();
    }

    public static Scenario brownout() {
        return brownout(ScenarioBuilder.DEFAULT_SEED);
    }

    /** Slack answers eight times slower for 45 minutes, with some timeouts. */
    public static Scenario brownout(long seed) {
        return ScenarioBuilder.named("brownout")
                .seed(seed)
                .from(at("2024-01-15T00:00:00Z"))
                .until(at("2024-01-16T19:00:00Z"))
                .service(SLACK)
                .service(GITHUB)
                .brownout(
                        Brownout.of(
                                "slack", at("2024-01-16T15:05:00Z"), at("2024-01-16T15:50:00Z")))
                .statusUpdate(
                        new StatusUpdate(
                                "slack",
                                at("2024-01-16T15:32:00Z"),
                                "slack-2024-01-16-latency",
                                StatusUpdate.Status.INVESTIGATING,
                                StatusUpdate.Impact.MINOR,
                                "Slower message delivery for some users",
                                "https://slack-status.com/2024-01/slack-2024-01-16-latency"))
                .build();
    }

    public static Scenario nightOutage() {
        return nightOutage(ScenarioBuilder.DEFAULT_SEED);
    }

    /** Discord down 03:10–03:22 UTC, when few people are awake to complain. */
    public static Scenario nightOutage(long seed) {
        return ScenarioBuilder.named("night-outage")
                .seed(seed)
                .from(at("2024-02-20T00:00:00Z"))
                .until(at("2024-02-21T07:00:00Z"))
                .service(DISCORD)
                .service(SLACK)
                .outage(
                        Outage.of(
                                "discord", at("2024-02-21T03:10:00Z"), at("2024-02-21T03:22:00Z")))
                .build();
    }

    public static Scenario flapping() {
        return flapping(ScenarioBuilder.DEFAULT_SEED);
    }

    /** ChatGPT alternates 4 minutes down and 3 minutes up for 50 minutes: one incident. */
    public static Scenario flapping(long seed) {
        return ScenarioBuilder.named("flapping")
                .seed(seed)
                .from(at("2024-04-08T00:00:00Z"))
                .until(at("2024-04-09T21:00:00Z"))
                .service(CHATGPT)
                .service(GITHUB)
                .flapping(
                        Flapping.of(
                                "chatgpt",
                                at("2024-04-09T17:00:00Z"),
                                at("2024-04-09T17:50:00Z"),
                                Duration.ofMinutes(3),
                                Duration.ofMinutes(4)))
                .build();
    }

    public static Scenario socialOnly() {
        return socialOnly(ScenarioBuilder.DEFAULT_SEED);
    }

    /** Bluesky, which no vantage probes, is down for an hour: only complaints show it. */
    public static Scenario socialOnly(long seed) {
        return ScenarioBuilder.named("social-only")
                .seed(seed)
                .from(at("2024-05-13T00:00:00Z"))
                .until(at("2024-05-14T23:00:00Z"))
                .service(BLUESKY_APP)
                .service(CHATGPT)
                .outage(
                        Outage.of(
                                "bluesky-app",
                                at("2024-05-14T18:30:00Z"),
                                at("2024-05-14T19:30:00Z")))
                .build();
    }

    public static Scenario probeOnly() {
        return probeOnly(ScenarioBuilder.DEFAULT_SEED);
    }

    /** An internal API nobody posts about fails for 30 minutes: only probes show it. */
    public static Scenario probeOnly(long seed) {
        return ScenarioBuilder.named("probe-only")
                .seed(seed)
                .from(at("2024-06-03T00:00:00Z"))
                .until(at("2024-06-04T13:00:00Z"))
                .service(INTERNAL_API)
                .service(GITHUB)
                .outage(
                        Outage.of(
                                "internal-api",
                                at("2024-06-04T09:00:00Z"),
                                at("2024-06-04T09:30:00Z")))
                .build();
    }

    public static Scenario brokenVantage() {
        return brokenVantage(ScenarioBuilder.DEFAULT_SEED);
    }

    /** One vantage loses its network for 90 minutes and sees every service fail: no incident. */
    public static Scenario brokenVantage(long seed) {
        return ScenarioBuilder.named("broken-vantage")
                .seed(seed)
                .from(at("2024-07-01T00:00:00Z"))
                .until(at("2024-07-02T11:00:00Z"))
                .service(CHATGPT)
                .service(GITHUB)
                .service(SLACK)
                .brokenVantage(
                        BrokenVantage.of(
                                "ap-south-1b",
                                at("2024-07-02T06:00:00Z"),
                                at("2024-07-02T07:30:00Z")))
                .build();
    }

    public static Scenario spammer() {
        return spammer(ScenarioBuilder.DEFAULT_SEED);
    }

    /** One account posts 300 complaints about a healthy ChatGPT in 20 minutes: no incident. */
    public static Scenario spammer(long seed) {
        return ScenarioBuilder.named("spammer")
                .seed(seed)
                .from(at("2024-08-19T00:00:00Z"))
                .until(at("2024-08-20T15:00:00Z"))
                .service(CHATGPT)
                .service(SLACK)
                .spammer(
                        Spammer.of(
                                SPAMMER_AUTHOR,
                                "chatgpt",
                                at("2024-08-20T11:00:00Z"),
                                SPAMMER_POSTS,
                                Duration.ofSeconds(4)))
                .build();
    }

    public static Scenario newsBurst() {
        return newsBurst(ScenarioBuilder.DEFAULT_SEED);
    }

    /** Headlines and reactions about ChatGPT flood in after an announcement: no incident. */
    public static Scenario newsBurst(long seed) {
        return ScenarioBuilder.named("news-burst")
                .seed(seed)
                .from(at("2024-09-11T00:00:00Z"))
                .until(at("2024-09-12T21:00:00Z"))
                .service(CHATGPT)
                .service(GITHUB)
                .newsBurst(
                        NewsBurst.of(
                                "chatgpt", at("2024-09-12T17:00:00Z"), 600, Duration.ofMinutes(45)))
                .build();
    }

    public static Scenario scatteredProbeFailures() {
        return scatteredProbeFailures(ScenarioBuilder.DEFAULT_SEED);
    }

    /** 40 lone GitHub probe failures spread over a working day: no incident. */
    public static Scenario scatteredProbeFailures(long seed) {
        return ScenarioBuilder.named("scattered-probe-failures")
                .seed(seed)
                .from(at("2024-10-07T00:00:00Z"))
                .until(at("2024-10-08T19:00:00Z"))
                .service(GITHUB)
                .service(SLACK)
                .scatteredFailures(
                        ScatteredFailures.of(
                                "github",
                                at("2024-10-08T08:00:00Z"),
                                at("2024-10-08T16:00:00Z"),
                                40))
                .build();
    }

    public static Scenario ordinaryDays() {
        return ordinaryDays(ScenarioBuilder.DEFAULT_SEED);
    }

    /** Friday to Sunday with four healthy services: nothing should be reported. */
    public static Scenario ordinaryDays(long seed) {
        return ScenarioBuilder.named("ordinary-days")
                .seed(seed)
                .from(at("2024-11-01T00:00:00Z"))
                .until(at("2024-11-04T00:00:00Z"))
                .service(CHATGPT)
                .service(GITHUB)
                .service(SLACK)
                .service(DISCORD)
                .build();
    }

    private static Map<String, LongFunction<Scenario>> byName() {
        Map<String, LongFunction<Scenario>> byName = new LinkedHashMap<>();
        byName.put("chatgpt-2023-11-08", Scenarios::chatgpt20231108);
        byName.put("regional-outage", Scenarios::regionalOutage);
        byName.put("brownout", Scenarios::brownout);
        byName.put("night-outage", Scenarios::nightOutage);
        byName.put("flapping", Scenarios::flapping);
        byName.put("social-only", Scenarios::socialOnly);
        byName.put("probe-only", Scenarios::probeOnly);
        byName.put("broken-vantage", Scenarios::brokenVantage);
        byName.put("spammer", Scenarios::spammer);
        byName.put("news-burst", Scenarios::newsBurst);
        byName.put("scattered-probe-failures", Scenarios::scatteredProbeFailures);
        byName.put("ordinary-days", Scenarios::ordinaryDays);
        return Collections.unmodifiableMap(byName);
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
