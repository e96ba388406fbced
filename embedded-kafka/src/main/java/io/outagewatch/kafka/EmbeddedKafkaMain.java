package io.outagewatch.kafka;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs an {@link EmbeddedKafkaBroker} as its own process for the demo, with every OutageWatch topic
 * created.
 *
 * <p>Its stdout carries exactly one line, {@code bootstrap.servers=127.0.0.1:PORT}, printed once
 * the broker and topics are ready, so a launcher can wait for that line and parse it; all logging
 * goes to stderr. SIGINT or SIGTERM stops the broker cleanly.
 */
public final class EmbeddedKafkaMain {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE_ERROR = 2;

    static final String USAGE =
            """
            Usage: java -cp ... io.outagewatch.kafka.EmbeddedKafkaMain [options]

            Runs a single-node Kafka broker on 127.0.0.1, creates the OutageWatch topics and prints
            bootstrap.servers=127.0.0.1:PORT on stdout. Stop it with SIGINT or SIGTERM.

            Options:
              --port N          client port; 0 picks a free one (default 9092)
              --partitions N    partitions per OutageWatch topic (default 2)
              --data-dir DIR    keep the broker's data in DIR across runs (default: a temporary
                                directory, deleted on exit)
              --help            print this help
            """;

    // Long enough for a clean broker shutdown, short enough that a wedged one cannot keep the
    // process alive indefinitely after a signal.
    private static final long SHUTDOWN_GRACE_SECONDS = 30;

    private EmbeddedKafkaMain() {}

    public static void main(String[] args) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook =
                new Thread(
                        () -> {
                            stop.countDown();
                            try {
                                // The JVM halts as soon as the hooks return, so hold it until the
                                // broker has shut down and flushed its logs.
                                stopped.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "embedded-kafka-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int status;
        try {
            status = run(args, System.out, System.err, stop);
        } finally {
            stopped.countDown();
        }
        if (status != OK) {
            System.exit(status);
        }
    }

    /**
     * Parses the flags, then runs the broker until {@code stop} is released.
     *
     * @return the process exit status: {@link #OK}, {@link #FAILED} if the broker failed, or {@link
     *     #USAGE_ERROR} for bad flags
     */
    static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stop) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("embedded-kafka: " + e.getMessage());
            err.print(USAGE);
            err.flush();
            return USAGE_ERROR;
        }
        if (options.help()) {
            out.print(USAGE);
            out.flush();
            return OK;
        }

        EmbeddedKafkaBroker.Builder builder =
                EmbeddedKafkaBroker.builder().port(options.port()).guardExit(false);
        if (options.dataDir() != null) {
            builder.dataDir(options.dataDir());
        }
        try (EmbeddedKafkaBroker broker = builder.build()) {
            broker.start();
            broker.createOutageWatchTopics(options.partitions());
            out.println("bootstrap.servers=" + broker.bootstrapServers());
            out.flush();
            stop.await();
            return OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        } catch (RuntimeException e) {
            err.println("embedded-kafka: broker failed: " + e);
            e.printStackTrace(err);
            err.flush();
            return FAILED;
        }
    }

    /** The parsed command line. */
    record Options(int port, int partitions, Path dataDir, boolean help) {

        static final int DEFAULT_PORT = 9092;
        static final int DEFAULT_PARTITIONS = 2;

        /**
         * Accepts {@code --flag value} and {@code --flag=value}.
         *
         * @throws IllegalArgumentException with a message fit for the user
         */
        static Options parse(String[] args) {
            int port = DEFAULT_PORT;
            int partitions = DEFAULT_PARTITIONS;
            Path dataDir = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String flag = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    flag = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                switch (flag) {
                    case "--help", "-h" -> {
                        return new Options(port, partitions, dataDir, true);
                    }
                    case "--port", "--partitions", "--data-dir" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new IllegalArgumentException(flag + " needs a value");
                            }
                            value = args[++i];
                        }
                        switch (flag) {
                            case "--port" -> port = intValue(flag, value, 0, 65_535);
                            case "--partitions" -> partitions = intValue(flag, value, 1, 10_000);
                            default -> {
                                if (value.isBlank()) {
                                    throw new IllegalArgumentException(
                                            "--data-dir needs a directory");
                                }
                                dataDir = Path.of(value);
                            }
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            return new Options(port, partitions, dataDir, false);
        }

        private static int intValue(String flag, String value, int min, int max) {
            int parsed;
            try {
                parsed = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a number, got '" + value + "'");
            }
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(
                        flag + " must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        }
    }
}
