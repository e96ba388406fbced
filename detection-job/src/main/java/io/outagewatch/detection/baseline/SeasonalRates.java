package io.outagewatch.detection.baseline;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a {@link SeasonalRateBaseline} has learned, as kept in Flink state: for every slot that has
 * seen a minute its decayed sum and minute count, and the same two for the global mean.
 *
 * <p>Slots that have seen no minute are left out, so a service watched for a day keeps 24 slots and
 * not {@link SeasonalRateBaseline#SLOTS}: bit {@code s % 64} of {@code occupied[s / 64]} says
 * whether slot {@code s} is kept, and {@code slotSums} and {@code slotMinutes} hold the kept slots
 * in slot order. Size with Flink's serializer: about 60 bytes plus 12 per kept slot, so at most
 * about 2.1 KB once every hour of the week has been seen.
 *
 * <p>A Flink POJO (a record), so its fields can be added or dropped between releases and savepoints
 * still restore (docs/operations.md, "Detector state"). Immutable by contract: nobody writes into
 * the arrays of a record once built.
 *
 * @param occupied one bit per slot: the slot has seen a minute
 * @param slotSums the decayed sums of the occupied slots, in slot order
 * @param slotMinutes the minute counts of the occupied slots, in slot order
 * @param globalSum the decayed sum of the global mean
 * @param observedMinutes minutes learned from
 */
public record SeasonalRates(
        long[] occupied,
        double[] slotSums,
        int[] slotMinutes,
        double globalSum,
        long observedMinutes) {

    static final int OCCUPIED_WORDS = (SeasonalRateBaseline.SLOTS + Long.SIZE - 1) / Long.SIZE;

    /** Nothing learned yet. */
    public static final SeasonalRates EMPTY =
            new SeasonalRates(new long[OCCUPIED_WORDS], new double[0], new int[0], 0, 0);

    public SeasonalRates {
        Objects.requireNonNull(occupied, "occupied");
        Objects.requireNonNull(slotSums, "slotSums");
        Objects.requireNonNull(slotMinutes, "slotMinutes");
        if (occupied.length != OCCUPIED_WORDS) {
            throw new IllegalArgumentException(
                    "occupied needs " + OCCUPIED_WORDS + " words, got " + occupied.length);
        }
        int kept = 0;
        for (long word : occupied) {
            kept += Long.bitCount(word);
        }
        if (slotSums.length != kept || slotMinutes.length != kept) {
            throw new IllegalArgumentException(
                    "occupied names "
                            + kept
                            + " slots, but there are "
                            + slotSums.length
                            + " sums and "
                            + slotMinutes.length
                            + " minute counts");
        }
    }

    /**
     * Packs per-slot arrays of length {@link SeasonalRateBaseline#SLOTS}, leaving out empty slots.
     */
    static SeasonalRates pack(
            double[] allSlotSums, int[] allSlotMinutes, double globalSum, long observedMinutes) {
        long[] occupied = new long[OCCUPIED_WORDS];
        int kept = 0;
        for (int slot = 0; slot < allSlotMinutes.length; slot++) {
            if (allSlotMinutes[slot] > 0) {
                occupied[slot / Long.SIZE] |= 1L << (slot % Long.SIZE);
                kept++;
            }
        }
        double[] sums = new double[kept];
        int[] minutes = new int[kept];
        int next = 0;
        for (int slot = 0; slot < allSlotMinutes.length; slot++) {
            if (allSlotMinutes[slot] > 0) {
                sums[next] = allSlotSums[slot];
                minutes[next] = allSlotMinutes[slot];
                next++;
            }
        }
        return new SeasonalRates(occupied, sums, minutes, globalSum, observedMinutes);
    }

    /** The decayed sum of every slot, 0 for slots left out. */
    double[] allSlotSums() {
        double[] all = new double[SeasonalRateBaseline.SLOTS];
        int next = 0;
        for (int slot = 0; slot < all.length; slot++) {
            if (isOccupied(slot)) {
                all[slot] = slotSums[next++];
            }
        }
        return all;
    }

    /** The minute count of every slot, 0 for slots left out. */
    int[] allSlotMinutes() {
        int[] all = new int[SeasonalRateBaseline.SLOTS];
        int next = 0;
        for (int slot = 0; slot < all.length; slot++) {
            if (isOccupied(slot)) {
                all[slot] = slotMinutes[next++];
            }
        }
        return all;
    }

    /** Slots that have seen a minute. */
    public int occupiedSlots() {
        return slotMinutes.length;
    }

    private boolean isOccupied(int slot) {
        return (occupied[slot / Long.SIZE] & (1L << (slot % Long.SIZE))) != 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SeasonalRates that
                && Arrays.equals(occupied, that.occupied)
                && Arrays.equals(slotSums, that.slotSums)
                && Arrays.equals(slotMinutes, that.slotMinutes)
                && Double.compare(globalSum, that.globalSum) == 0
                && observedMinutes == that.observedMinutes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                Arrays.hashCode(occupied),
                Arrays.hashCode(slotSums),
                Arrays.hashCode(slotMinutes),
                globalSum,
                observedMinutes);
    }

    @Override
    public String toString() {
        return "SeasonalRates[occupiedSlots="
                + occupiedSlots()
                + ", globalSum="
                + globalSum
                + ", observedMinutes="
                + observedMinutes
                + "]";
    }
}
