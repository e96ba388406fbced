package io.outagewatch.sink.silence;

import io.outagewatch.events.Maintenance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Turns a maintenance a status page announced into the silence that stands for it. */
public final class AnnouncedMaintenances {

    /** Who an announced maintenance's silence is made by. */
    public static final String CREATED_BY = "status page";

    private static final int ID_HASH_HEX_DIGITS = 16;

    private AnnouncedMaintenances() {}

    /**
     * The silence of a maintenance: its window, for its service. The id depends only on the service
     * and the page's maintenance id, so a changed or repeated announcement replaces the silence.
     */
    public static Silence silence(Maintenance maintenance) {
        String comment =
                (maintenance.title() == null ? "maintenance" : maintenance.title())
                        + " (announced, "
                        + maintenance.status().wireName()
                        + (maintenance.url() == null ? "" : ", " + maintenance.url())
                        + ")";
        return new Silence(
                id(maintenance.service(), maintenance.maintenanceId()),
                maintenance.service(),
                Optional.empty(),
                Optional.empty(),
                maintenance.startsAt(),
                maintenance.endsAt(),
                CREATED_BY,
                comment.length() > Silence.COMMENT_MAX_CHARS
                        ? comment.substring(0, Silence.COMMENT_MAX_CHARS)
                        : comment,
                maintenance.timestamp(),
                Silence.Source.ANNOUNCED);
    }

    static String id(String service, String maintenanceId) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(maintenanceId.getBytes(StandardCharsets.UTF_8));
            return "announced-"
                    + service
                    + "-"
                    + HexFormat.of().formatHex(digest).substring(0, ID_HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
