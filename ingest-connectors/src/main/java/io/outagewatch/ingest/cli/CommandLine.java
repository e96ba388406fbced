package io.outagewatch.ingest.cli;

import io.outagewatch.events.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The connectors' command lines: {@code --name value} options and {@code --name} flags, each at
 * most once. Anything else is a {@link UsageException} with a message fit for the user.
 */
public final class CommandLine {

    private final Map<String, String> values;
    private final Set<String> flagsGiven;

    private CommandLine(Map<String, String> values, Set<String> flagsGiven) {
        this.values = values;
        this.flagsGiven = flagsGiven;
    }

    /**
     * @param options names (without {@code --}) that take a value
     * @param flags names that take none
     */
    public static CommandLine parse(String[] args, Set<String> options, Set<String> flags) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> given = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            int equals = name.indexOf('=');
            String inlineValue = null;
            if (equals >= 0) {
                inlineValue = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (values.containsKey(name) || given.contains(name)) {
                throw new UsageException("--" + name + " given twice");
            }
            if (flags.contains(name)) {
                if (inlineValue != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                given.add(name);
            } else if (options.contains(name)) {
                if (inlineValue == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    inlineValue = args[++i];
                }
                values.put(name, inlineValue);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return new CommandLine(values, Set.copyOf(given));
    }

    public boolean has(String flag) {
        return flagsGiven.contains(flag) || values.containsKey(flag);
    }

    public Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }

    public String required(String option) {
        return value(option).orElseThrow(() -> new UsageException("--" + option + " is required"));
    }

    public Optional<Long> longValue(String option) {
        return value(option)
                .map(
                        text -> {
                            try {
                                return Long.parseLong(text);
                            } catch (NumberFormatException e) {
                                throw new UsageException(
                                        "--" + option + " must be an integer, got '" + text + "'");
                            }
                        });
    }

    public Optional<Double> doubleValue(String option) {
        return value(option)
                .map(
                        text -> {
                            try {
                                double parsed = Double.parseDouble(text);
                                if (!Double.isFinite(parsed)) {
                                    throw new NumberFormatException();
                                }
                                return parsed;
                            } catch (NumberFormatException e) {
                                throw new UsageException(
                                        "--" + option + " must be a number, got '" + text + "'");
                            }
                        });
    }

    /**
     * A duration such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h} or ISO {@code PT30S}.
     */
    public Optional<Duration> durationValue(String option) {
        return value(option)
                .map(
                        text -> {
                            try {
                                return parseDuration(text);
                            } catch (IllegalArgumentException e) {
                                throw new UsageException("--" + option + ": " + e.getMessage());
                            }
                        });
    }

    /** See {@link DurationText#parse}. */
    public static Duration parseDuration(String text) {
        return DurationText.parse(text);
    }

    /** A command line the program cannot run; the message says why. Mains exit 2 on it. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
