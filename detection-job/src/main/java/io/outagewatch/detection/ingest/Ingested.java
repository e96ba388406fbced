package io.outagewatch.detection.ingest;

import io.outagewatch.events.DeadLetter;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.types.Either;

/**
 * The type every input has as it enters the job: {@code Either<DeadLetter, T>}, the valid record on
 * the right, its dead letter on the left. Both sides are types Flink serializes itself (records
 * that its type extraction takes as POJOs), so nothing falls back to a generic serializer.
 */
public final class Ingested {

    static final int MAX_CODE_CHARS = 40;
    static final String OTHER_REASON = "other";

    private Ingested() {}

    public static <T> TypeInformation<Either<DeadLetter, T>> typeOf(Class<T> valueType) {
        return new EitherTypeInfo<>(
                TypeInformation.of(DeadLetter.class), TypeInformation.of(valueType));
    }

    /** A dead letter's reason code: what {@code Parsed.Invalid#reason()} puts before the colon. */
    public static String reasonCode(DeadLetter deadLetter) {
        String reason = deadLetter.reason() == null ? "" : deadLetter.reason();
        int colon = reason.indexOf(':');
        // Metric labels must stay a small fixed set: anything else is one label.
        return colon > 0 && colon <= MAX_CODE_CHARS ? reason.substring(0, colon) : OTHER_REASON;
    }
}
