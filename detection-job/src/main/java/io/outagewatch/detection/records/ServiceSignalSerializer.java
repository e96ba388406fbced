package io.outagewatch.detection.records;

import io.outagewatch.detection.reports.Complaint;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * A {@link ServiceSignal} on the wire to its service's window: a tag, then the probe minute or the
 * complaint field by field. Every probe minute and complaint crosses that shuffle, so it is written
 * by hand rather than by Flink's reflective record serializer.
 *
 * <p>Signals are never kept in state, but unaligned checkpoints can hold some in flight; a changed
 * layout therefore gets a new {@link Snapshot} version.
 */
public final class ServiceSignalSerializer extends ImmutableSerializer<ServiceSignal> {

    public static final ServiceSignalSerializer INSTANCE = new ServiceSignalSerializer();

    private static final long serialVersionUID = 1L;

    private static final byte PROBE_MINUTE = 0;
    private static final byte COMPLAINT = 1;

    private static final byte VANTAGE_BROKEN = 1;
    private static final byte HAS_REGION = 2;

    @Override
    ServiceSignal empty() {
        return ServiceSignal.of(new Complaint("", null, "", Instant.EPOCH));
    }

    @Override
    public void serialize(ServiceSignal signal, DataOutputView target) throws IOException {
        if (signal.probeMinute() != null) {
            ProbeMinute minute = signal.probeMinute();
            target.writeByte(PROBE_MINUTE);
            StringValue.writeString(minute.service(), target);
            StringValue.writeString(minute.vantage(), target);
            target.writeByte(
                    (minute.vantageBroken() ? VANTAGE_BROKEN : 0)
                            | (minute.region() != null ? HAS_REGION : 0));
            if (minute.region() != null) {
                StringValue.writeString(minute.region(), target);
            }
            writeInstant(minute.minuteStart(), target);
            target.writeInt(minute.probes());
            target.writeInt(minute.failures());
            target.writeInt(minute.timeouts());
            double[] latencies = minute.latenciesMs();
            target.writeInt(latencies.length);
            for (double latency : latencies) {
                target.writeDouble(latency);
            }
        } else {
            Complaint complaint = signal.complaint();
            target.writeByte(COMPLAINT);
            StringValue.writeString(complaint.service(), target);
            StringValue.writeString(complaint.authorKey(), target);
            target.writeBoolean(complaint.region() != null);
            if (complaint.region() != null) {
                StringValue.writeString(complaint.region(), target);
            }
            writeInstant(complaint.timestamp(), target);
        }
    }

    @Override
    public ServiceSignal deserialize(DataInputView source) throws IOException {
        byte tag = source.readByte();
        if (tag == PROBE_MINUTE) {
            String service = RecurringStrings.read(source);
            String vantage = RecurringStrings.read(source);
            byte flags = source.readByte();
            String region = (flags & HAS_REGION) != 0 ? RecurringStrings.read(source) : null;
            Instant minuteStart = readInstant(source);
            int probes = source.readInt();
            int failures = source.readInt();
            int timeouts = source.readInt();
            double[] latencies = new double[source.readInt()];
            for (int i = 0; i < latencies.length; i++) {
                latencies[i] = source.readDouble();
            }
            return ServiceSignal.of(
                    new ProbeMinute(
                            service,
                            vantage,
                            region,
                            minuteStart,
                            probes,
                            failures,
                            timeouts,
                            latencies,
                            (flags & VANTAGE_BROKEN) != 0));
        }
        if (tag == COMPLAINT) {
            String service = RecurringStrings.read(source);
            String authorKey = StringValue.readString(source);
            String region = source.readBoolean() ? RecurringStrings.read(source) : null;
            return ServiceSignal.of(new Complaint(service, region, authorKey, readInstant(source)));
        }
        throw new IOException("unknown service signal tag " + tag);
    }

    @Override
    public TypeSerializerSnapshot<ServiceSignal> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Version 1: the layout above. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ServiceSignal> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /**
     * Named by {@link ServiceSignal}'s {@code @TypeInfo}, so type extraction finds this serializer.
     */
    public static final class Factory extends TypeInfoFactory<ServiceSignal> {
        @Override
        public TypeInformation<ServiceSignal> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return new HandWrittenTypeInfo<>(ServiceSignal.class, INSTANCE);
        }
    }
}
