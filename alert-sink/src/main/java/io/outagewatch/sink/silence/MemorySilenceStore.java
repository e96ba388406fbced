package io.outagewatch.sink.silence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Silences in memory, for a sink without a history database; they end with the process. */
public final class MemorySilenceStore implements SilenceStore {

    private final Map<String, Silence> silences = new LinkedHashMap<>();

    @Override
    public synchronized void add(Silence silence) {
        if (silences.putIfAbsent(silence.id(), silence) != null) {
            throw new IllegalArgumentException("silence " + silence.id() + " exists already");
        }
    }

    @Override
    public synchronized void upsert(Silence silence) {
        silences.put(silence.id(), silence);
    }

    @Override
    public synchronized List<Silence> silences() {
        List<Silence> all = new ArrayList<>(silences.values());
        all.sort(Comparator.comparing(Silence::startsAt).thenComparing(Silence::id));
        return all;
    }

    @Override
    public synchronized Optional<Silence> silence(String id) {
        return Optional.ofNullable(silences.get(id));
    }

    @Override
    public synchronized Optional<Silence> expire(String id, Instant now) {
        Silence silence = silences.get(id);
        if (silence == null) {
            return Optional.empty();
        }
        Silence expired = silence.expiredAt(now);
        silences.put(id, expired);
        return Optional.of(expired);
    }
}
