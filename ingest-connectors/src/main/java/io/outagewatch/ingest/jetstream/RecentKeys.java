package io.outagewatch.ingest.jetstream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The posts recently published, so that a rewound reconnect does not publish them twice. Keys are
 * kept in arrival order with the frame's time, forgotten once older than the rewind window can
 * reach, and capped at a maximum count (the oldest go first).
 */
final class RecentKeys {

    /** Enough for hours of matching posts; only posts that produced reports are remembered. */
    static final int DEFAULT_MAX_KEYS = 100_000;

    /**
     * A post version: SHA-256 of did, collection, rkey and rev, so the key (which is also saved in
     * the cursor file) does not hold the DID.
     */
    record Key(String digest) {
        Key {
            Objects.requireNonNull(digest, "digest");
        }

        static Key of(String did, String collection, String rkey, String rev) {
            String joined = did + '\n' + collection + '\n' + rkey + '\n' + rev;
            return new Key(AuthorIds.sha256Hex(joined.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** One remembered key and the time_us of the frame that carried it. */
    record Entry(Key key, long timeUs) {}

    private final int maxKeys;
    private final LinkedHashMap<Key, Long> timeByKey = new LinkedHashMap<>();
    private long evictedForSpace;

    RecentKeys(int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1, got " + maxKeys);
        }
        this.maxKeys = maxKeys;
    }

    /** Remembers the key; false when it was already remembered (a repeat). */
    boolean add(Key key, long timeUs) {
        if (timeByKey.containsKey(key)) {
            return false;
        }
        timeByKey.put(key, timeUs);
        if (timeByKey.size() > maxKeys) {
            Iterator<Key> eldest = timeByKey.keySet().iterator();
            eldest.next();
            eldest.remove();
            evictedForSpace++;
        }
        return true;
    }

    /**
     * Forgets keys older than {@code timeUs}, from the oldest arrival on; stops at the first newer
     * one, so a key that arrived out of order may stay until the cap removes it.
     */
    void forgetBefore(long timeUs) {
        Iterator<Map.Entry<Key, Long>> entries = timeByKey.entrySet().iterator();
        while (entries.hasNext() && entries.next().getValue() < timeUs) {
            entries.remove();
        }
    }

    int size() {
        return timeByKey.size();
    }

    long evictedForSpace() {
        return evictedForSpace;
    }

    List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(timeByKey.size());
        timeByKey.forEach((key, time) -> entries.add(new Entry(key, time)));
        return entries;
    }
}
