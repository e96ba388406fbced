package io.outagewatch.detection.functions;

import io.outagewatch.detection.assess.ServiceDetectionState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The detector's logic objects of the services it decided most recently, kept between timers so a
 * minute need not rebuild every baseline from keyed state. Bounded; the least recently used service
 * is dropped first, and handed to the eviction listener on its way out so that what it learned
 * since its last write reaches keyed state. A new operator instance (start, restore, failover)
 * starts empty and rebuilds from state.
 */
final class LiveDetections {

    /** Services kept per subtask: enough for a large catalog, a few MB of heap at most. */
    static final int DEFAULT_CAPACITY = 10_000;

    private final LinkedHashMap<String, ServiceDetectionState> byService;

    LiveDetections(int capacity, Consumer<ServiceDetectionState> onEviction) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        byService =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(
                            Map.Entry<String, ServiceDetectionState> eldest) {
                        if (size() <= capacity) {
                            return false;
                        }
                        onEviction.accept(eldest.getValue());
                        return true;
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
