package io.outagewatch.detection.reports;

import io.outagewatch.events.AliasMatcher;
import io.outagewatch.events.CatalogService;
import io.outagewatch.events.NormalizedText;
import io.outagewatch.events.ServiceCatalog;
import io.outagewatch.events.SocialReport;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a social report into complaints, one per service it complains about.
 *
 * <p>A {@code service} the producer set wins when the catalog knows it: that is the only service,
 * whatever else the text names. An unknown {@code service} is ignored and the text's aliases
 * decide, so a producer's stale catalog costs precision, not the report. Either way the text itself
 * must read as a complaint.
 */
public final class ReportInterpreter implements Serializable {

    @Serial private static final long serialVersionUID = 1L;

    private final Set<String> catalogIds;
    private final AliasMatcher aliases;
    private final ComplaintClassifier classifier;

    public ReportInterpreter(ServiceCatalog catalog) {
        this.catalogIds =
                catalog.services().stream()
                        .map(CatalogService::id)
                        .collect(Collectors.toUnmodifiableSet());
        this.aliases = new AliasMatcher(catalog);
        this.classifier = new ComplaintClassifier();
    }

    /** The complaints in one report, in catalog order; empty when it is not a complaint. */
    public List<Complaint> complaintsIn(SocialReport report) {
        NormalizedText text = NormalizedText.of(report.text());
        Collection<String> services =
                report.service() != null && catalogIds.contains(report.service())
                        ? List.of(report.service())
                        : aliases.servicesMentioned(text);
        // Alias matching first: most posts name no service and never need classifying.
        if (services.isEmpty() || !classifier.isComplaint(text)) {
            return List.of();
        }
        String authorKey = AuthorKeys.of(report, text);
        List<Complaint> complaints = new ArrayList<>(services.size());
        for (String service : services) {
            complaints.add(new Complaint(service, report.region(), authorKey, report.timestamp()));
        }
        return List.copyOf(complaints);
    }
}
