package io.outagewatch.ingest.jetstream;

import io.outagewatch.ingest.ConfigurationDoc;
import org.junit.jupiter.api.Test;

class JetstreamConfigurationDocTest {

    @Test
    void everyOptionIsOnTheConfigurationPage() {
        ConfigurationDoc doc = ConfigurationDoc.section("Bluesky Jetstream client");
        doc.listsOptions(JetstreamOption.keys());
    }
}
