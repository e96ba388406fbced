package io.outagewatch.scenario;

import io.outagewatch.events.CatalogException;
import io.outagewatch.events.ServiceCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The named scenario suite: the files in the repository's {@code scenarios/} directory, which the
 * build puts on the classpath under {@value #RESOURCE_DIR}. Each starts with at least a full day of
 * normal history and ends a few hours after its event, so baselines have something to learn from
 * and recovery can be seen.
 */
public final class Scenarios {

    public static final String RESOURCE_DIR = "/scenarios/";
    public static final String CATALOG_RESOURCE = RESOURCE_DIR + "catalog.json";
    public static final String SERVICES_RESOURCE = RESOURCE_DIR + "services.yaml";

    /** Suite order: the incidents first, then the baits that must not raise one. */
    private static final List<String> NAMES =
            List.of(
                    "chatgpt-2023-11-08",
                    "regional-outage",
                    "regional-cloud-failure",
                    "brownout",
                    "night-outage",
                    "flapping",
                    "social-only",
                    "social-only-night",
                    "probe-only",
                    "status-before-symptom",
                    "slow-burn",
                    "broken-vantage",
                    "probers-offline",
                    "spammer",
                    "news-burst",
                    "scattered-probe-failures",
                    "ordinary-days");

    private Scenarios() {}

    public static List<String> names() {
        return NAMES;
    }

    public static Optional<Scenario> named(String name, long seed) {
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        String origin = RESOURCE_DIR + name + ".yaml";
        return Optional.of(
                ScenarioFile.parse(resource(origin), origin, services(), OptionalLong.of(seed))
                        .build());
    }

    /**
     * @throws IllegalArgumentException when there is no scenario of that name
     */
    public static Scenario named(String name) {
        return named(name, ScenarioBuilder.DEFAULT_SEED)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "no scenario named " + name + "; the suite has " + NAMES));
    }

    /** Every scenario with the default seed, in suite order. */
    public static List<Scenario> all() {
        return NAMES.stream().map(Scenarios::named).toList();
    }

    /** The services the suite's files name by id. */
    public static ServiceLibrary services() {
        return ServiceLibrary.parse(
                ScenarioFile.tree(resource(SERVICES_RESOURCE), SERVICES_RESOURCE),
                SERVICES_RESOURCE);
    }

    /**
     * @throws IllegalArgumentException when the library has no such service
     */
    public static ServiceSpec service(String id) {
        return services()
                .byId(id)
                .orElseThrow(
                        () -> new IllegalArgumentException(SERVICES_RESOURCE + " has no " + id));
    }

    /** The catalog that knows every service the suite uses. */
    public static ServiceCatalog catalog() {
        return ServiceCatalog.parse(catalogJson(), ServiceCatalog.Format.JSON);
    }

    /** {@link #catalog()} as its file, for a job that reads the catalog from disk. */
    public static String catalogJson() {
        try {
            return resource(CATALOG_RESOURCE);
        } catch (UncheckedIOException e) {
            throw new CatalogException(
                    "could not read " + CATALOG_RESOURCE + ": " + e.getMessage());
        }
    }

    private static String resource(String name) {
        try (InputStream in = Scenarios.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new UncheckedIOException(
                        new IOException("classpath resource " + name + " is missing"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }
}
