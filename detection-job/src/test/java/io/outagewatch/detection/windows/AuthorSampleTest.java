package io.outagewatch.detection.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AuthorSampleTest {

    private static final long SEED = 19;
    private static final long PINNED_SPAMMER_HASH = -960147222888298196L;

    private static List<String> authors(int n) {
        List<String> authors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            authors.add("did:plc:author-" + i);
        }
        return authors;
    }

    @Test
    void keepsTheSmallestHashesAscendingWhateverTheOrder() {
        List<String> authors = authors(30);
        List<String> shuffled = new ArrayList<>(authors);
        Collections.shuffle(shuffled, new Random(SEED));

        long[] sample = AuthorSample.of(authors, 8);

        assertThat(sample).hasSize(8).isSorted();
        assertThat(AuthorSample.of(shuffled, 8)).containsExactly(sample);
        long largestKept = sample[7];
        assertThat(authors.stream().mapToLong(AuthorSample::hash).filter(h -> h <= largestKept))
                .hasSize(8);
    }

    @Test
    void keepsEveryAuthorOfAQuietMinute() {
        assertThat(AuthorSample.of(authors(3), 8)).hasSize(3);
        assertThat(AuthorSample.of(List.of(), 8)).isEmpty();
    }

    @Test
    void theHashIsStableAcrossRunsAndReleases() {
        // Pinned: a changed hash would make minutes decided before and after an upgrade disagree
        // about who complained.
        assertThat(AuthorSample.hash("did:plc:00000000000000000badbad0"))
                .isEqualTo(AuthorSample.hash("did:plc:00000000000000000badbad0"))
                .isEqualTo(PINNED_SPAMMER_HASH);
        assertThat(AuthorSample.hash("a")).isNotEqualTo(AuthorSample.hash("b"));
    }
}
