package io.outagewatch.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds each suite scenario once per test run; building them all takes a few seconds. */
final class SuiteCache {

    private static final Map<String, Scenario> BUILT = new HashMap<>();

    private SuiteCache() {}

    static synchronized Scenario get(String name) {
        return BUILT.computeIfAbsent(
                name,
                missing ->
                        Scenarios.named(missing, ScenarioBuilder.DEFAULT_SEED)
                                .orElseThrow(
                                        () ->
                                                new IllegalArgumentException(
                                                        "no scenario " + missing)));
    }

    static List<Scenario> all() {
        return Scenarios.names().stream().map(SuiteCache::get).toList();
    }
}
