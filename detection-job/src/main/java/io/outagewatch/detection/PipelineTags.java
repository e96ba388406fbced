package io.outagewatch.detection;

import io.outagewatch.detection.serde.CodecTypeInfo;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.DeadLetterSerde;
import io.outagewatch.events.VantageHealth;
import io.outagewatch.events.VantageHealthSerde;
import org.apache.flink.util.OutputTag;

/** The side outputs of the pipeline, declared once. */
public final class PipelineTags {

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>(
                    "dead-letters", CodecTypeInfo.wire(DeadLetter.class, DeadLetterSerde.INSTANCE));

    public static final OutputTag<VantageHealth> VANTAGE_HEALTH =
            new OutputTag<>(
                    "vantage-health",
                    CodecTypeInfo.wire(VantageHealth.class, VantageHealthSerde.INSTANCE));

    private PipelineTags() {}
}
