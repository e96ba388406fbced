package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void topicNamesAreUnique() {
        assertThat(Topics.ALL).doesNotHaveDuplicates().hasSize(8);
    }

    @Test
    void topicNamesAreLegalKafkaNames() {
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(topic).matches("[a-z-]{1,249}"));
    }

    @Test
    void reasonCodesAreUniqueSnakeCase() {
        assertThat(InvalidReason.ALL)
                .doesNotHaveDuplicates()
                .hasSize(11)
                .allSatisfy(code -> assertThat(code).matches("[a-z][a-z0-9_]*"));
    }
}
