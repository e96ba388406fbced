package io.outagewatch.status;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code bin/outagewatch status}: serves the status page until stopped (Ctrl-C). */
public final class StatusPageMain {

    private StatusPageMain() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.getenv(), System.out, System.err, new CountDownLatch(1)));
    }

    /**
     * @param stop the page serves until this is counted down (or the JVM stops)
     */
    public static int run(
            String[] args,
            Map<String, String> env,
            PrintStream out,
            PrintStream err,
            CountDownLatch stop)
            throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(StatusPageArguments.USAGE);
            return 0;
        }
        StatusPageArguments arguments;
        try {
            arguments = StatusPageArguments.parse(args, env);
        } catch (StatusPageArguments.UsageException e) {
            err.println("status: " + e.getMessage());
            err.println(StatusPageArguments.USAGE);
            return 2;
        }
        try (StatusPage page = StatusPage.start(arguments, env, Clock.systemUTC(), err)) {
            out.println("Status page  " + page.url());
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        }
        return 0;
    }
}
