package io.outagewatch.detection.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which input topics have nothing to read when the job starts: in every partition the group's
 * committed offset (else the earliest, as the sources start) is at the end of what a {@code
 * read_committed} reader can read. Asked once, when the job is built; a topic it cannot tell about
 * (no broker, no topic, no answer in time) counts as having records, which is what the sources
 * assume without it.
 *
 * <p>A job restored from a savepoint older than the group's committed offsets starts from the
 * savepoint's offsets; a topic that has records after them is then still taken for read, and its
 * first records after the restart hold no watermark until their partition has a front.
 */
public final class UnreadRecords {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadRecords.class);

    private UnreadRecords() {}

    /**
     * The topics among {@code topics} with nothing for {@code group} to read now.
     *
     * @param timeout how long to wait for the broker's answers, all together
     */
    public static Set<String> noneToRead(
            Admin admin, String group, Collection<String> topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Map<String, TopicDescription> described =
                    admin.describeTopics(topics)
                            .allTopicNames()
                            .get(left(deadline), TimeUnit.NANOSECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : described.values()) {
                topic.partitions()
                        .forEach(
                                partition -> {
                                    TopicPartition key =
                                            new TopicPartition(topic.name(), partition.partition());
                                    earliest.put(key, OffsetSpec.earliest());
                                    latest.put(key, OffsetSpec.latest());
                                });
            }
            ListOffsetsOptions readCommitted =
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
            Map<TopicPartition, ListOffsetsResultInfo> starts =
                    admin.listOffsets(earliest, readCommitted)
                            .all()
                            .get(left(deadline), TimeUnit.NANOSECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest, readCommitted)
                            .all()
                            .get(left(deadline), TimeUnit.NANOSECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get(left(deadline), TimeUnit.NANOSECONDS);
            Set<String> none = new HashSet<>(described.keySet());
            for (TopicPartition partition : ends.keySet()) {
                OffsetAndMetadata groupOffset = committed.get(partition);
                long earliestOffset = starts.get(partition).offset();
                long from =
                        groupOffset == null
                                ? earliestOffset
                                : Math.max(groupOffset.offset(), earliestOffset);
                if (from < ends.get(partition).offset()) {
                    none.remove(partition.topic());
                }
            }
            return none;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn(
                    "cannot tell which of {} have records to read ({}); taking all for having some",
                    topics,
                    e.toString());
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }

    private static long left(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
