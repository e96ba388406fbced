package io.outagewatch.bench.estimates;

import io.outagewatch.detection.estimate.CorpusIncident;
import java.util.Comparator;
import java.util.List;

/**
 * The bundled corpus split by time: the earlier {@link #TRAIN_SHARE} of the incidents that carry a
 * duration to fit on, the rest to test on. Records without a duration are neither fitted nor
 * scored, so they do not move the cut.
 *
 * @param train the earlier incidents
 * @param test the later incidents
 */
record CorpusSplit(List<CorpusIncident> train, List<CorpusIncident> test) {

    /** Three quarters to fit on; with the bundled corpus the test part starts in January 2026. */
    static final double TRAIN_SHARE = 0.75;

    static CorpusSplit byTime(List<CorpusIncident> incidents) {
        List<CorpusIncident> ordered =
                incidents.stream()
                        .filter(CorpusIncident::carriesDuration)
                        .sorted(Comparator.comparing(CorpusIncident::createdAt))
                        .toList();
        int cut = (int) Math.round(ordered.size() * TRAIN_SHARE);
        return new CorpusSplit(ordered.subList(0, cut), ordered.subList(cut, ordered.size()));
    }
}
