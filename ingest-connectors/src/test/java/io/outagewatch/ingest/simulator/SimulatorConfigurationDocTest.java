package io.outagewatch.ingest.simulator;

import io.outagewatch.ingest.ConfigurationDoc;
import org.junit.jupiter.api.Test;

class SimulatorConfigurationDocTest {

    @Test
    void everyOptionIsOnTheConfigurationPage() {
        ConfigurationDoc doc = ConfigurationDoc.section("Simulator");
        doc.listsOptions(SimulatorMain.OPTIONS);
    }
}
