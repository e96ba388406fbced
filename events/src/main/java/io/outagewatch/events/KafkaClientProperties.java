package io.outagewatch.events;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Extra Kafka client settings read from a Java properties file, passed unchanged to every producer,
 * consumer and admin client of a process: {@code security.protocol}, {@code sasl.mechanism}, {@code
 * sasl.jaas.config}, {@code ssl.truststore.location}, {@code ssl.truststore.password} and the like.
 *
 * <p>The values often hold credentials, so this class never shows them: its {@link #toString()} and
 * every message it throws name only the file and the keys. Kafka's own config logging prints the
 * values of password-type settings as {@code [hidden]}.
 *
 * <p>A file may not set a key that OutageWatch sets itself for that client (its bootstrap servers,
 * serializers, group, isolation level, idempotence and transaction settings): that is refused with
 * a message naming the key, rather than letting one silently win.
 */
public final class KafkaClientProperties {

    /** The environment variable naming the file, {@value}. */
    public static final String ENV = KafkaEnvironment.PROPERTIES_FILE;

    private static final KafkaClientProperties NONE = new KafkaClientProperties(Map.of(), "none");

    private final Map<String, String> values;
    private final String source;

    private KafkaClientProperties(Map<String, String> values, String source) {
        this.values = Map.copyOf(values);
        this.source = source;
    }

    /** No extra settings. */
    public static KafkaClientProperties none() {
        return NONE;
    }

    /**
     * Reads a Java properties file ({@code key=value} lines, {@code #} comments).
     *
     * @throws IllegalArgumentException when the file cannot be read or sets a blank key, naming the
     *     file but not its content
     */
    public static KafkaClientProperties load(Path file) {
        Objects.requireNonNull(file, "file");
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            // The exception's message is left out: a malformed escape would quote the line.
            throw new IllegalArgumentException(
                    "cannot read Kafka properties file "
                            + file
                            + " ("
                            + e.getClass().getSimpleName()
                            + ")");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.isBlank()) {
                throw new IllegalArgumentException(
                        "Kafka properties file " + file + " has a line without a key");
            }
            values.put(key.strip(), properties.getProperty(key).strip());
        }
        return new KafkaClientProperties(values, file.toString());
    }

    /** The file named by {@code explicitFile} if given, else by {@link #ENV} in {@code env}. */
    public static KafkaClientProperties resolve(
            Optional<String> explicitFile, Map<String, String> env) {
        Optional<String> file =
                explicitFile
                        .filter(name -> !name.isBlank())
                        .or(() -> Optional.ofNullable(env.get(ENV)).filter(n -> !n.isBlank()));
        return file.map(name -> load(Path.of(name.strip()))).orElse(NONE);
    }

    /** The keys the file sets, sorted. */
    public Set<String> keys() {
        return new TreeSet<>(values.keySet());
    }

    /** The settings, for handing to a Kafka client; never log this map. */
    public Map<String, String> asMap() {
        return values;
    }

    /** These settings as a new mutable {@link Properties}; never log it. */
    public Properties toProperties() {
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }

    /**
     * The client's own settings plus these, in a new mutable map.
     *
     * @param own the settings OutageWatch gives this client
     * @throws IllegalArgumentException naming the first key both set
     */
    public Map<String, Object> mergedWith(Map<String, ?> own) {
        requireDisjoint(own.keySet());
        Map<String, Object> merged = new TreeMap<>(values);
        merged.putAll(own);
        return merged;
    }

    /**
     * @param ownKeys the keys OutageWatch sets itself for a client
     * @throws IllegalArgumentException naming the first of them this file also sets
     */
    public void requireDisjoint(Set<String> ownKeys) {
        for (String key : keys()) {
            if (ownKeys.contains(key)) {
                throw new IllegalArgumentException(
                        "Kafka properties file "
                                + source
                                + " sets '"
                                + key
                                + "', which OutageWatch sets itself for this client; remove it"
                                + " from the file (bootstrap servers have their own option)");
            }
        }
    }

    /** Names the file and the keys, never the values. */
    @Override
    public String toString() {
        return "KafkaClientProperties[" + source + ", keys=" + keys() + "]";
    }
}
