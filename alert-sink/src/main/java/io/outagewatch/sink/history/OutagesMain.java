package io.outagewatch.sink.history;

import java.io.PrintStream;
import java.util.List;

/** {@code bin/outagewatch outages}: queries the outage history the sink records. */
public final class OutagesMain {

    private OutagesMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(OutagesArguments.USAGE);
            return 0;
        }
        OutagesArguments arguments;
        try {
            arguments = OutagesArguments.parse(args);
        } catch (OutagesArguments.UsageException e) {
            err.println("outages: " + e.getMessage());
            err.println(OutagesArguments.USAGE);
            return 2;
        }
        try (OutageHistory history = HistoryStore.open(arguments.db())) {
            List<Incident> incidents = history.incidents(arguments.filter());
            if (arguments.by().isPresent()) {
                List<PeriodSummary> periods = PeriodSummary.of(incidents, arguments.by().get());
                switch (arguments.format()) {
                    case TABLE -> OutagesReport.periodTable(periods, out);
                    case CSV -> OutagesReport.periodCsv(periods, out);
                    case JSON -> OutagesReport.periodJsonLines(periods, out);
                }
                return 0;
            }
            List<ServiceSummary> summaries = ServiceSummary.byService(incidents);
            switch (arguments.format()) {
                case TABLE -> OutagesReport.table(incidents, summaries, out);
                case CSV -> OutagesReport.incidentsCsv(incidents, out);
                case JSON -> OutagesReport.jsonLines(incidents, summaries, out);
            }
            return 0;
        } catch (HistoryException e) {
            err.println("outages: " + e.getMessage());
            return 1;
        }
    }
}
