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
            List<ServiceSummary> summaries = ServiceSummary.byService(incidents);
            if (arguments.json()) {
                OutagesReport.jsonLines(incidents, summaries, out);
            } else {
                OutagesReport.table(incidents, summaries, out);
            }
            return 0;
        } catch (HistoryException e) {
            err.println("outages: " + e.getMessage());
            return 1;
        }
    }
}
