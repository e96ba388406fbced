package io.outagewatch.sink.history;

import io.outagewatch.events.Alert;
import java.util.Objects;

/**
 * An open incident's latest alert that a silence held back.
 *
 * @param alert the alert
 * @param silenceId the silence that held it back
 */
public record HeldAlert(Alert alert, String silenceId) {

    public HeldAlert {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(silenceId, "silenceId");
    }
}
