package io.outagewatch.ingest.probe;

import io.outagewatch.ingest.ConfigurationDoc;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProberConfigurationDocTest {

    @Test
    void everyOptionAndKeyIsOnTheConfigurationPage() {
        ConfigurationDoc doc = ConfigurationDoc.section("HTTP prober");
        doc.listsOptions(ProberArguments.OPTIONS);
        doc.listsOptions(List.of(ProberArguments.ALLOW_PRIVATE_TARGETS));
        Set<String> scalars = new HashSet<>(ProberConfigLoader.TOP_LEVEL_KEYS);
        scalars.removeAll(
                Set.of(
                        ProberConfigLoader.KAFKA,
                        ProberConfigLoader.DEFAULTS,
                        ProberConfigLoader.TARGETS));
        doc.listsKeys("", scalars);
        doc.listsKeys("kafka.", ProberConfigLoader.KAFKA_KEYS);
        doc.listsKeys("defaults.", ProberConfigLoader.DEFAULTS_KEYS);
        Set<String> ownTargetKeys = new HashSet<>(ProberConfigLoader.TARGET_KEYS);
        ownTargetKeys.removeAll(ProberConfigLoader.DEFAULTS_KEYS);
        doc.listsKeys("targets[].", ownTargetKeys);
    }
}
