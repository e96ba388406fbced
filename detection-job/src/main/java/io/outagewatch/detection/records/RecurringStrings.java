package io.outagewatch.detection.records;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.types.StringValue;

/**
 * Reads a string that {@link StringValue#writeString} wrote, giving back one shared instance for a
 * value seen recently: service, vantage and region names recur in every record that crosses a
 * shuffle, and a shared instance has its hash computed already and compares equal by identity in
 * the maps and key groups downstream, where a fresh copy per record was hashed again each time.
 *
 * <p>The layout is {@code StringValue}'s, byte for byte, so what is written and what state holds do
 * not change. The cache is a fixed array of recent strings, direct-mapped by hash; a value is only
 * returned after its characters were compared, so collisions and the unsynchronised sharing between
 * threads (a slot may be read stale or be overwritten) can cost a miss, never a wrong value.
 * Strings are immutable, so one published through a race is whole.
 */
final class RecurringStrings {

    /** Slots of the cache; a power of two. Names outnumbering it just miss more often. */
    static final int SLOTS = 4096;

    /** Longer values (free text, URLs) are read but not cached. */
    static final int MAX_CACHED_LENGTH = 64;

    private static final int HIGH_BIT = 0x80;

    private static final String[] CACHE = new String[SLOTS];

    private RecurringStrings() {}

    /** The string, or null as {@code StringValue} writes null. */
    static String read(DataInputView source) throws IOException {
        int length = readVarLength(source, source.readUnsignedByte());
        if (length == 0) {
            return null;
        }
        length -= 1;
        char[] chars = new char[length];
        int hash = 0;
        for (int i = 0; i < length; i++) {
            char c = (char) readVarLength(source, source.readUnsignedByte());
            chars[i] = c;
            hash = 31 * hash + c;
        }
        if (length > MAX_CACHED_LENGTH) {
            return new String(chars);
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String cached = CACHE[slot];
        if (cached != null && cached.hashCode() == hash && sameChars(cached, chars)) {
            return cached;
        }
        String fresh = new String(chars);
        CACHE[slot] = fresh;
        return fresh;
    }

    /** {@code StringValue}'s variable-length number: seven bits a byte, low bits first. */
    private static int readVarLength(DataInputView source, int first) throws IOException {
        if (first < HIGH_BIT) {
            return first;
        }
        int value = first & (HIGH_BIT - 1);
        int shift = 7;
        int next;
        while ((next = source.readUnsignedByte()) >= HIGH_BIT) {
            value |= (next & (HIGH_BIT - 1)) << shift;
            shift += 7;
        }
        return value | (next << shift);
    }

    private static boolean sameChars(String cached, char[] chars) {
        if (cached.length() != chars.length) {
            return false;
        }
        for (int i = 0; i < chars.length; i++) {
            if (cached.charAt(i) != chars[i]) {
                return false;
            }
        }
        return true;
    }
}
