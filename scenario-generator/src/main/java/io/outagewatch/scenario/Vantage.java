package io.outagewatch.scenario;

import io.outagewatch.events.Ids;
import java.util.List;

/** A probing location and the service region its probes reach. */
public record Vantage(String id, String region) {

    public Vantage {
        requireId("vantage id", id);
        requireId("vantage region", region);
    }

    /** Two vantages in each of the regions us, eu and ap. */
    public static List<Vantage> standardSix() {
        return List.of(
                new Vantage("us-east-1a", "us"),
                new Vantage("us-east-1b", "us"),
                new Vantage("eu-west-1a", "eu"),
                new Vantage("eu-west-1b", "eu"),
                new Vantage("ap-south-1a", "ap"),
                new Vantage("ap-south-1b", "ap"));
    }

    static void requireId(String what, String value) {
        if (!Ids.isValid(value)) {
            throw new IllegalArgumentException(
                    what + " \"" + value + "\" must match " + Ids.PATTERN);
        }
    }
}
