package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.AlertType;
import io.outagewatch.events.Severity;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class SinkConfigTest {

    private static final String FULL =
            """
            kafka:
              bootstrapServers: 127.0.0.1:9092
              groupId: sink-a
            deliveryLog:
              file: state/delivery-log
              retentionDays: 30
            retry:
              initialBackoff: 2s
              maxBackoff: 1m
              giveUpAfter: 2h
            history:
              db: jdbc:sqlite:history.db
            receivers:
              - name: oncall
                kind: pagerduty
                url: https://events.pagerduty.com/v2/enqueue
                secretEnv: PAGERDUTY_ROUTING_KEY
              - name: team-slack
                kind: slack
                url: https://hooks.slack.com/services/T0/B0/XYZ
              - name: hook
                kind: webhook
                url: https://example.com/hook
                secretFile: hook.secret
                options:
                  header: X-Team
            routes:
              - services: [chatgpt, openai-api]
                severities: [MAJOR]
                types: [OUTAGE_STARTED, OUTAGE_RECOVERED]
                receivers: [oncall]
                continue: true
              - receivers: [team-slack]
            defaultReceivers: [hook]
            """;

    @TempDir Path dir;

    @Test
    void readsEverySetting() throws Exception {
        Files.writeString(dir.resolve("hook.secret"), "s3cret\n");

        SinkConfig config = SinkConfig.parse(FULL, dir, Map.of("PAGERDUTY_ROUTING_KEY", "R0UTING"));

        assertThat(config.bootstrapServers()).contains("127.0.0.1:9092");
        assertThat(config.groupId()).isEqualTo("sink-a");
        assertThat(config.deliveryLog()).isEqualTo(dir.resolve("state/delivery-log"));
        assertThat(config.deliveryLogRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.retry())
                .isEqualTo(
                        new RetryPolicy(
                                Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofHours(2)));
        assertThat(config.historyDb()).contains("jdbc:sqlite:history.db");
        assertThat(config.receivers())
                .containsExactly(
                        new ReceiverConfig(
                                "oncall",
                                "pagerduty",
                                Optional.of(URI.create("https://events.pagerduty.com/v2/enqueue")),
                                Optional.of("R0UTING"),
                                Map.of()),
                        new ReceiverConfig(
                                "team-slack",
                                "slack",
                                Optional.of(
                                        URI.create("https://hooks.slack.com/services/T0/B0/XYZ")),
                                Optional.empty(),
                                Map.of()),
                        new ReceiverConfig(
                                "hook",
                                "webhook",
                                Optional.of(URI.create("https://example.com/hook")),
                                Optional.of("s3cret"),
                                Map.of("header", "X-Team")));
        assertThat(config.routes())
                .containsExactly(
                        new Route(
                                Set.of("chatgpt", "openai-api"),
                                Set.of(Severity.MAJOR),
                                Set.of(AlertType.OUTAGE_STARTED, AlertType.OUTAGE_RECOVERED),
                                List.of("oncall"),
                                true),
                        Route.all("team-slack"));
        assertThat(config.defaultReceivers()).containsExactly("hook");
        assertThat(config.receivers().get(0).toString())
                .doesNotContain("R0UTING")
                .contains("secret=***");
        assertThat(config.receivers().get(1).toString()).doesNotContain("XYZ");
    }

    @Test
    void defaultsApplyToAMinimalConfig() {
        SinkConfig config =
                SinkConfig.parse(
                        "receivers: [{name: out, kind: console}]\ndefaultReceivers: [out]\n",
                        dir,
                        Map.of());

        assertThat(config.bootstrapServers()).isEmpty();
        assertThat(config.groupId()).isEqualTo(AlertConsumer.DEFAULT_GROUP_ID);
        assertThat(config.deliveryLog()).isEqualTo(dir.resolve(SinkConfig.DEFAULT_DELIVERY_LOG));
        assertThat(config.deliveryLogRetention()).isEqualTo(FileDeliveryLog.DEFAULT_RETENTION);
        assertThat(config.retry()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(config.historyDb()).isEmpty();
    }

    @Test
    void badConfigsFailNamingTheSetting() {
        String receivers = "receivers: [{name: out, kind: console}]\n";
        Map<String, String> cases =
                Map.of(
                        receivers + "defaultReceivers: [out]\nkafka: {bootstrap: x}\n",
                        "kafka.bootstrap: unknown key; known are [bootstrapServers, groupId]",
                        "receivers: [{name: out, kind: console, colour: red}]\ndefaultReceivers: [out]\n",
                        "receivers[0].colour: unknown key",
                        receivers + "routes: [{receivers: [pager]}]\n",
                        "unknown receivers [pager]; configured are [out]",
                        receivers,
                        "give routes, defaultReceivers or both",
                        "receivers: [{name: pd, kind: pagerduty, url: 'https://x', secretEnv: PD_KEY}]\n",
                        "receivers[0].secretEnv: environment variable PD_KEY is not set",
                        "receivers: [{name: x, kind: email}]\n",
                        "receivers[0]: receiver x: kind 'email' is not one of",
                        receivers + "routes: [{severities: [HUGE], receivers: [out]}]\n",
                        "routes[0].severities: 'HUGE' is not one of [MAJOR, PARTIAL, DEGRADED]",
                        receivers + "defaultReceivers: [out]\nretry: {giveUpAfter: soon}\n",
                        "retry.giveUpAfter: ",
                        receivers + "defaultReceivers: [out]\ndefaultReceivers: [out]\n",
                        "not valid YAML: Duplicate field 'defaultReceivers'");
        cases.forEach(
                (yaml, message) ->
                        assertThatThrownBy(() -> SinkConfig.parse(yaml, dir, Map.of()))
                                .as(yaml)
                                .isInstanceOf(SinkConfigException.class)
                                .hasMessageContaining(message));
    }

    @Test
    void everyConfigKeyIsDefinedOnce() throws IllegalAccessException {
        Set<Object> values = new HashSet<>();
        int keys = 0;
        for (Field field : SinkConfig.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                keys++;
                assertThat(values.add(field.get(null))).as(field.getName()).isTrue();
            }
        }
        assertThat(values).hasSize(keys).contains("receivers", "defaultReceivers");
    }
}
