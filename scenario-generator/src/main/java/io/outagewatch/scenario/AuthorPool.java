package io.outagewatch.scenario;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A large population of posters with stable, opaque ids shaped like Bluesky DIDs. Ids are hashed
 * from a salt and an index, so the pool costs no memory however large it is.
 */
final class AuthorPool {

    static final int DEFAULT_SIZE = 200_000;
    static final String ID_PREFIX = "did:plc:";

    private final long salt;
    private final int size;

    AuthorPool(long salt, int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("an author pool needs at least one author");
        }
        this.salt = salt;
        this.size = size;
    }

    String draw(SplittableRandom random) {
        return author(random.nextInt(size));
    }

    String author(int index) {
        long high = mix(salt + index * 0x9E3779B97F4A7C15L);
        long low = mix(high ^ salt);
        return ID_PREFIX + String.format(Locale.ROOT, "%016x%08x", high, low >>> 32);
    }

    /** The finaliser of MurmurHash3: spreads consecutive inputs over all 64 bits. */
    private static long mix(long value) {
        long mixed = (value ^ (value >>> 33)) * 0xff51afd7ed558ccdL;
        mixed = (mixed ^ (mixed >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return mixed ^ (mixed >>> 33);
    }
}
