package io.outagewatch.ingest.probe;

import io.outagewatch.ingest.cli.CommandLine;
import io.outagewatch.ingest.cli.CommandLine.UsageException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code probe} command line: a config file, or one {@code --target} for the quick mode.
 *
 * @param config the prober's settings and targets
 * @param checksPerTarget stop after this many checks of each target; 0 to run until stopped
 * @param output where results go
 */
public record ProberArguments(ProberConfig config, long checksPerTarget, Output output) {

    /** Where results go. */
    public enum Output {
        KAFKA,
        STDOUT
    }

    public static final String USAGE =
            String.join(
                    "\n",
                    "usage: bin/outagewatch probe --config probes.yaml [options]",
                    "       bin/outagewatch probe --target URL --service S --vantage V [options]",
                    "",
                    "Probes HTTP targets and publishes one probe result per check to the",
                    "probe-results topic, keyed by service.",
                    "",
                    "  --config FILE              targets and settings (YAML), see docs/connectors.md",
                    "  --target URL               quick mode: probe this one http(s) URL",
                    "  --service ID               quick mode: the probed service's catalog id",
                    "  --method GET|HEAD          quick mode: default GET",
                    "  --timeout D                quick mode: per check, default 10s",
                    "  --interval D               quick mode: between checks, default 30s",
                    "  --expect-body REGEX        quick mode: the body must contain a match",
                    "  --vantage ID               this prober's location (or OUTAGEWATCH_VANTAGE)",
                    "  --region ID                this prober's region (or OUTAGEWATCH_REGION)",
                    "  --count N                  stop after N checks per target; default: run until",
                    "                             SIGTERM or Ctrl-C",
                    "  --output kafka|stdout      default kafka; stdout prints JSON lines",
                    "  --bootstrap-servers HOSTS  Kafka brokers (or OUTAGEWATCH_KAFKA_BOOTSTRAP_SERVERS,",
                    "                             default 127.0.0.1:9092)",
                    "  --allow-private-targets    allow loopback, private and link-local addresses",
                    "  --help                     this text",
                    "",
                    "Durations: 500ms, 30s, 5m, 2h. Exit status: 0 done, 1 failed, 2 bad usage.");

    static final String CONFIG = "config";
    static final String TARGET = "target";
    static final String SERVICE = "service";
    static final String METHOD = "method";
    static final String TIMEOUT = "timeout";
    static final String INTERVAL = "interval";
    static final String EXPECT_BODY = "expect-body";
    static final String VANTAGE = "vantage";
    static final String REGION = "region";
    static final String COUNT = "count";
    static final String OUTPUT = "output";
    static final String BOOTSTRAP_SERVERS = "bootstrap-servers";
    static final String ALLOW_PRIVATE_TARGETS = "allow-private-targets";

    static final Set<String> OPTIONS =
            Set.of(
                    CONFIG,
                    TARGET,
                    SERVICE,
                    METHOD,
                    TIMEOUT,
                    INTERVAL,
                    EXPECT_BODY,
                    VANTAGE,
                    REGION,
                    COUNT,
                    OUTPUT,
                    BOOTSTRAP_SERVERS);
    private static final List<String> QUICK_ONLY =
            List.of(SERVICE, METHOD, TIMEOUT, INTERVAL, EXPECT_BODY);

    /**
     * @param env the environment, for vantage and region
     * @throws UsageException for a bad command line
     * @throws IllegalArgumentException for a bad config file or target
     */
    public static ProberArguments parse(String[] args, Map<String, String> env) {
        CommandLine line = CommandLine.parse(args, OPTIONS, Set.of(ALLOW_PRIVATE_TARGETS));
        long count = line.longValue(COUNT).orElse(0L);
        if (count < 0 || (line.has(COUNT) && count == 0)) {
            throw new UsageException("--count must be at least 1, got " + count);
        }
        Output output = output(line);
        ProberConfig config;
        if (line.has(CONFIG) == line.has(TARGET)) {
            throw new UsageException("give either --config FILE or --target URL");
        } else if (line.has(CONFIG)) {
            for (String option : QUICK_ONLY) {
                if (line.has(option)) {
                    throw new UsageException(
                            "--" + option + " only applies with --target; set it in the file");
                }
            }
            config =
                    ProberConfigLoader.load(
                            Path.of(line.required(CONFIG)),
                            new ProberConfigLoader.Overrides(
                                    line.value(VANTAGE).orElse(null),
                                    line.value(REGION).orElse(null),
                                    line.has(ALLOW_PRIVATE_TARGETS),
                                    line.value(BOOTSTRAP_SERVERS).orElse(null)),
                            env);
        } else {
            config = quickConfig(line, env);
        }
        return new ProberArguments(config, count, output);
    }

    private static ProberConfig quickConfig(CommandLine line, Map<String, String> env) {
        String service =
                line.value(SERVICE)
                        .orElseThrow(
                                () -> new UsageException("--service is required with --target"));
        Pattern expectBody = null;
        if (line.has(EXPECT_BODY)) {
            try {
                expectBody = Pattern.compile(line.required(EXPECT_BODY));
            } catch (PatternSyntaxException e) {
                throw new UsageException(
                        "--expect-body is not a regular expression: " + e.getMessage());
            }
        }
        ProbeTarget target =
                new ProbeTarget(
                        service,
                        TargetPolicy.requireHttpUrl(line.required(TARGET)),
                        line.value(METHOD).orElse(ProberConfig.DEFAULT_METHOD),
                        ProberConfig.DEFAULT_EXPECTED_STATUS,
                        line.durationValue(TIMEOUT).orElse(ProberConfig.DEFAULT_TIMEOUT),
                        line.durationValue(INTERVAL).orElse(ProberConfig.DEFAULT_INTERVAL),
                        expectBody,
                        null);
        return new ProberConfig(
                line.value(VANTAGE).orElse(env.get(ProberConfig.VANTAGE_ENV)),
                line.value(REGION).orElse(env.get(ProberConfig.REGION_ENV)),
                line.has(ALLOW_PRIVATE_TARGETS),
                line.value(BOOTSTRAP_SERVERS).orElse(null),
                1,
                List.of(target));
    }

    private static Output output(CommandLine line) {
        String value = line.value(OUTPUT).orElse("kafka");
        try {
            return Output.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--output must be kafka or stdout, got '" + value + "'");
        }
    }
}
