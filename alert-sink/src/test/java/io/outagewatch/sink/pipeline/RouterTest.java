package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Severity;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(10)
class RouterTest {

    /** chatgpt MAJOR pages on-call and continues; recoveries go to slack only; rest: default. */
    private static final Router ROUTER =
            new Router(
                    List.of(
                            new Route(
                                    Set.of("chatgpt", "openai-api"),
                                    Set.of(Severity.MAJOR),
                                    Set.of(),
                                    List.of("oncall"),
                                    true),
                            new Route(
                                    Set.of(),
                                    Set.of(),
                                    Set.of(AlertType.OUTAGE_RECOVERED),
                                    List.of("slack"),
                                    false),
                            new Route(
                                    Set.of("chatgpt"),
                                    Set.of(),
                                    Set.of(),
                                    List.of("slack", "oncall", "webhook"),
                                    false),
                            new Route(Set.of(), Set.of(), Set.of(), List.of("never"), false)),
                    List.of("default"));

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(
                        "continue, then the next match; repeats dropped",
                        alert("chatgpt", Severity.MAJOR, AlertType.OUTAGE_STARTED),
                        List.of("oncall", "slack", "webhook")),
                Arguments.of(
                        "continue, then first match stops",
                        alert("chatgpt", Severity.MAJOR, AlertType.OUTAGE_RECOVERED),
                        List.of("oncall", "slack")),
                Arguments.of(
                        "severity filter skips the paging route",
                        alert("chatgpt", Severity.DEGRADED, AlertType.OUTAGE_UPDATED),
                        List.of("slack", "oncall", "webhook")),
                Arguments.of(
                        "type-only route",
                        alert("github", Severity.PARTIAL, AlertType.OUTAGE_RECOVERED),
                        List.of("slack")),
                Arguments.of(
                        "catch-all route",
                        alert("github", Severity.PARTIAL, AlertType.OUTAGE_STARTED),
                        List.of("never")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void routes(String description, Alert alert, List<String> expected) {
        assertThat(ROUTER.receiversFor(alert)).containsExactlyElementsOf(expected);
    }

    @Test
    void unmatchedAlertsGoToTheDefaultReceivers() {
        Router router =
                new Router(
                        List.of(
                                new Route(
                                        Set.of("chatgpt"),
                                        Set.of(),
                                        Set.of(),
                                        List.of("oncall"),
                                        false)),
                        List.of("slack", "slack"));

        assertThat(router.receiversFor(alert("github", Severity.MAJOR, AlertType.OUTAGE_STARTED)))
                .containsExactly("slack");
        assertThat(router.referencedReceivers()).containsExactly("slack", "oncall");
    }

    @Test
    void aRouteNeedsAReceiver() {
        assertThatThrownBy(() -> new Route(Set.of(), Set.of(), Set.of(), List.of(), false))
                .hasMessage("a route needs at least one receiver");
    }

    private static Alert alert(String service, Severity severity, AlertType type) {
        return TestAlerts.alert("inc-" + service, service, severity, type, 1);
    }
}
