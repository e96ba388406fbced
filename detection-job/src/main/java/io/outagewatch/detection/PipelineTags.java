package io.outagewatch.detection;

import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.MinuteSignals;
import io.outagewatch.events.VantageHealth;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** The side outputs of the pipeline, declared once. */
public final class PipelineTags {

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    public static final OutputTag<VantageHealth> VANTAGE_HEALTH =
            new OutputTag<>("vantage-health", TypeInformation.of(VantageHealth.class));

    /** Each service minute the detector decides: its signals and verdict. */
    public static final OutputTag<MinuteSignals> SERVICE_SIGNALS =
            new OutputTag<>("service-signals", TypeInformation.of(MinuteSignals.class));

    private PipelineTags() {}
}
