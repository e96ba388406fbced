package io.outagewatch.ingest.statuspage;

import io.outagewatch.ingest.ConfigurationDoc;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusPageConfigurationDocTest {

    @Test
    void everyOptionAndKeyIsOnTheConfigurationPage() {
        ConfigurationDoc doc = ConfigurationDoc.section("Status-page poller");
        doc.listsOptions(
                List.of(
                        StatusPageMain.CONFIG,
                        StatusPageMain.OUTPUT,
                        StatusPageMain.ONCE,
                        StatusPageMain.HELP));
        Set<String> scalars = new HashSet<>(StatusPageConfigLoader.TOP_LEVEL_KEYS);
        scalars.removeAll(Set.of(StatusPageConfigLoader.PAGES, StatusPageConfigLoader.KAFKA));
        doc.listsKeys("", scalars);
        doc.listsKeys("kafka.", StatusPageConfigLoader.KAFKA_KEYS);
        doc.listsKeys("pages[].", StatusPageConfigLoader.PAGE_KEYS);
    }
}
