package io.outagewatch.ingest.intake;

import io.outagewatch.ingest.ConfigurationDoc;
import org.junit.jupiter.api.Test;

class IntakeConfigurationDocTest {

    @Test
    void everyOptionIsOnTheConfigurationPageWithItsDefault() {
        ConfigurationDoc doc = ConfigurationDoc.section("Social intake");
        doc.listsOptions(IntakeOption.names());
        for (IntakeOption option : IntakeOption.values()) {
            String defaultText = option.defaultText();
            doc.showsDefault(
                    option.optionName(),
                    defaultText.startsWith("the environment variable ")
                            ? defaultText.substring("the environment variable ".length())
                                    .split(",")[0]
                            : defaultText.split(" ")[0].replaceAll("[^A-Za-z0-9_.:/-]", ""));
        }
    }
}
