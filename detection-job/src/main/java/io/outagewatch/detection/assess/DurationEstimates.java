package io.outagewatch.detection.assess;

import io.outagewatch.detection.estimate.DurationForecast;
import io.outagewatch.detection.estimate.DurationModel;
import io.outagewatch.detection.estimate.IncidentContext;
import io.outagewatch.detection.estimate.ServiceHistory;
import io.outagewatch.events.CatalogService;
import io.outagewatch.events.ServiceCatalog;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The detector's duration estimates: the model fitted to the bundled incident corpus, told each
 * service by the name people know it by, so an estimate says it rests on "41 past GitHub incidents"
 * rather than on a catalog id. A setting of the operator, never stored in state.
 */
public final class DurationEstimates implements Serializable {

    @Serial private static final long serialVersionUID = 1L;

    private final DurationModel model;
    private final Map<String, String> namesById;

    public DurationEstimates(DurationModel model, ServiceCatalog catalog) {
        this.model = Objects.requireNonNull(model, "model");
        this.namesById =
                catalog.services().stream()
                        .collect(
                                Collectors.toUnmodifiableMap(
                                        CatalogService::id, CatalogService::name));
    }

    /** The model fitted to the bundled corpus, naming the catalog's services. */
    public static DurationEstimates bundled(ServiceCatalog catalog) {
        return new DurationEstimates(DurationModel.bundled(), catalog);
    }

    public DurationForecast forecast(IncidentContext incident, ServiceHistory history) {
        return model.estimate(named(incident), history);
    }

    public ServiceHistory learn(
            ServiceHistory history, IncidentContext incident, Instant resolvedAt) {
        return model.learn(history, named(incident), resolvedAt);
    }

    /** The incident with its service's catalog name; an id not in the catalog stays as it is. */
    private IncidentContext named(IncidentContext incident) {
        String name = namesById.get(incident.service());
        if (name == null) {
            return incident;
        }
        return new IncidentContext(
                name,
                incident.impact(),
                incident.affectedRegions(),
                incident.leadingSignal(),
                incident.onset(),
                incident.now(),
                incident.officialPostAt(),
                incident.identifiedAt(),
                incident.monitoringAt(),
                incident.statusTitle());
    }
}
