package io.outagewatch.detection.functions;

import io.outagewatch.detection.assess.ServiceDetectionState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The detector's logic objects of the services it decided most recently, kept between timers so a
 * minute need not rebuild every baseline from keyed state. Keyed state stays the truth: each object
 * is saved back after every timer, and a new operator instance (start, restore, failover) starts
 * empty and rebuilds from state. Bounded; the least recently used service is dropped first.
 */
final class LiveDetections {

    /** Services kept per subtask: enough for a large catalog, a few MB of heap at most. */
    static final int DEFAULT_CAPACITY = 10_000;

    private final LinkedHashMap<String, ServiceDetectionState> byService;

    LiveDetections(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        byService =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(
                            Map.Entry<String, ServiceDetectionState> eldest) {
                        return size() > capacity;
                    }
                };
    }

    /** The service's logic objects if kept, else null. */
    ServiceDetectionState get(String service) {
        return byService.get(service);
    }

    void keep(ServiceDetectionState state) {
        byService.put(state.service(), state);
    }

    int size() {
        return byService.size();
    }
}
