package io.outagewatch.sink.history;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One service's figures over one calendar period (UTC days and months, ISO weeks from Monday), what
 * {@code outages --by} prints. Incidents belong to the period they started in.
 *
 * @param start the period's first day
 * @param label {@code 2023-11-08}, {@code 2023-W45} or {@code 2023-11}
 * @param summary the figures; zero incidents for a period without any
 */
public record PeriodSummary(LocalDate start, String label, ServiceSummary summary) {

    /**
     * One row per service and period, service by service, each from the period of the first
     * incident to that of the last one (over all services), periods without incidents as zero.
     */
    public static List<PeriodSummary> of(List<Incident> incidents, OutagesArguments.Period by) {
        if (incidents.isEmpty()) {
            return List.of();
        }
        LocalDate first = null;
        LocalDate last = null;
        Map<String, Map<LocalDate, List<Incident>>> grouped = new TreeMap<>();
        for (Incident incident : incidents) {
            LocalDate period = periodStart(incident, by);
            first = first == null || period.isBefore(first) ? period : first;
            last = last == null || period.isAfter(last) ? period : last;
            grouped.computeIfAbsent(incident.service(), s -> new TreeMap<>())
                    .computeIfAbsent(period, p -> new ArrayList<>())
                    .add(incident);
        }
        List<PeriodSummary> rows = new ArrayList<>();
        for (Map.Entry<String, Map<LocalDate, List<Incident>>> service : grouped.entrySet()) {
            for (LocalDate period = first; !period.isAfter(last); period = next(period, by)) {
                List<Incident> inPeriod = service.getValue().getOrDefault(period, List.of());
                rows.add(
                        new PeriodSummary(
                                period,
                                label(period, by),
                                ServiceSummary.of(service.getKey(), inPeriod)));
            }
        }
        return rows;
    }

    static LocalDate periodStart(Incident incident, OutagesArguments.Period by) {
        LocalDate day = incident.startedAt().atZone(ZoneOffset.UTC).toLocalDate();
        return switch (by) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    static String label(LocalDate start, OutagesArguments.Period by) {
        return switch (by) {
            case DAY -> start.toString();
            case WEEK ->
                    String.format(
                            "%d-W%02d",
                            start.get(IsoFields.WEEK_BASED_YEAR),
                            start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> start.toString().substring(0, "2023-11".length());
        };
    }

    private static LocalDate next(LocalDate start, OutagesArguments.Period by) {
        return switch (by) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}
