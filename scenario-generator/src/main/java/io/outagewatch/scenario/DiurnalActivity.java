package io.outagewatch.scenario;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * How many ordinary complaints a big service draws per minute at a given UTC time, when nothing is
 * wrong: people blaming the service for their own Wi-Fi, browser or account trouble.
 */
final class DiurnalActivity {

    /**
     * At the start of each UTC hour, for a ChatGPT-sized audience. Quiet while the Americas and
     * Europe sleep, peaking in the European afternoon when the Americas come online too.
     */
    private static final double[] COMPLAINTS_PER_MINUTE_AT_UTC_HOUR = {
        0.35, 0.25, 0.20, 0.20, 0.20, 0.25, 0.40, 0.70, 1.10, 1.60, 2.00, 2.30, 2.60, 2.80, 3.00,
        3.00, 2.90, 2.60, 2.20, 1.80, 1.40, 1.00, 0.70, 0.50
    };

    private DiurnalActivity() {}

    /** Interpolated between hours so the rate has no steps a detector could mistake for spikes. */
    static double complaintsPerMinute(Instant at, double weekendFactor) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        int hour = utc.getHour();
        double intoHour = (utc.getMinute() * 60 + utc.getSecond()) / 3600.0;
        double here = COMPLAINTS_PER_MINUTE_AT_UTC_HOUR[hour];
        double next = COMPLAINTS_PER_MINUTE_AT_UTC_HOUR[(hour + 1) % 24];
        double rate = here + (next - here) * intoHour;
        return isWeekend(utc.getDayOfWeek()) ? rate * weekendFactor : rate;
    }

    private static boolean isWeekend(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
