package io.outagewatch.detection.windows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * A small, order-independent sample of a minute's complaining authors as 64-bit hashes: the
 * smallest {@code max} hashes of the minute's distinct author keys, in ascending order. Taking the
 * smallest rather than the first to arrive makes the sample the same however the complaints
 * interleave, so a replay with disorder decides exactly as one in order.
 */
public final class AuthorSample {

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private AuthorSample() {}

    /** The smallest {@code max} hashes of {@code authorKeys}, ascending. */
    public static long[] of(Collection<String> authorKeys, int max) {
        long[] hashes = new long[authorKeys.size()];
        int i = 0;
        for (String key : authorKeys) {
            hashes[i++] = hash(key);
        }
        Arrays.sort(hashes);
        return Arrays.copyOf(hashes, Math.min(max, hashes.length));
    }

    /**
     * FNV-1a over the key's UTF-8 bytes, then MurmurHash3's 64-bit finaliser so that every bit of
     * the key moves every bit of the hash: the smallest hashes are then a uniform sample. Stable
     * across JVMs and releases, unlike {@link String#hashCode()}, which has only 32 bits.
     */
    public static long hash(String authorKey) {
        long h = FNV_OFFSET_BASIS;
        for (byte b : authorKey.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
