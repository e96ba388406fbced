package io.outagewatch.bench.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One NAB application profile: the weights of a true positive, a false positive and a false
 * negative (NAB's {@code config/profiles.json} cost matrix; the true-negative weight is unused).
 */
public record NabProfile(String name, double tpWeight, double fpWeight, double fnWeight) {

    /** NAB's three profiles as shipped in {@code config/profiles.json}. */
    public static final List<NabProfile> DEFAULTS =
            List.of(
                    new NabProfile("standard", 1.0, 0.11, 1.0),
                    new NabProfile("reward_low_FP_rate", 1.0, 0.22, 1.0),
                    new NabProfile("reward_low_FN_rate", 1.0, 0.11, 2.0));

    /** Reads the profiles of a NAB {@code profiles.json}, in file order. */
    public static List<NabProfile> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": not a JSON object of profiles");
        }
        List<NabProfile> profiles = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode costs = e.getValue().path("CostMatrix");
            profiles.add(
                    new NabProfile(
                            e.getKey(),
                            weight(file, e.getKey(), costs, "tpWeight"),
                            weight(file, e.getKey(), costs, "fpWeight"),
                            weight(file, e.getKey(), costs, "fnWeight")));
        }
        return profiles;
    }

    private static double weight(Path file, String profile, JsonNode costs, String key)
            throws IOException {
        JsonNode value = costs.get(key);
        if (value == null || !value.isNumber()) {
            throw new IOException(file + ": profile " + profile + " lacks CostMatrix." + key);
        }
        return value.asDouble();
    }
}
