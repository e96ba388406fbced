package io.outagewatch.detection.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.reports.LabelledPosts.LabelledPost;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ComplaintClassifierTest {

    private static final List<String> LANGUAGES = List.of("en", "es", "de", "fr", "pt", "ja");

    private final ComplaintClassifier classifier = new ComplaintClassifier();

    static List<LabelledPost> complaints() {
        return LabelledPosts.complaints();
    }

    static List<LabelledPost> chatter() {
        return LabelledPosts.chatter();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("complaints")
    void recognisesComplaint(LabelledPost post) {
        assertThat(classifier.isComplaint(post.text())).as(post.text()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chatter")
    void ignoresChatter(LabelledPost post) {
        assertThat(classifier.isComplaint(post.text())).as(post.text()).isFalse();
    }

    @Test
    void classifiesEveryLabelledPostCorrectly() {
        List<LabelledPost> wrong =
                LabelledPosts.ALL.stream()
                        .filter(post -> classifier.isComplaint(post.text()) != post.complaint())
                        .toList();
        int total = LabelledPosts.ALL.size();
        int correct = total - wrong.size();
        System.out.printf(
                "ComplaintClassifier accuracy on the labelled table: %d/%d (%.1f%%)%n",
                correct, total, 100.0 * correct / total);

        assertThat(wrong).as("misclassified posts").isEmpty();
    }

    @Test
    void labelledTableCoversEveryLanguageAndBothLabels() {
        Map<String, Long> complaintsByLanguage =
                LabelledPosts.complaints().stream()
                        .collect(
                                Collectors.groupingBy(
                                        LabelledPost::language, Collectors.counting()));

        assertThat(LabelledPosts.complaints()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(LabelledPosts.chatter()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(complaintsByLanguage).containsOnlyKeys(LANGUAGES);
        assertThat(complaintsByLanguage.values()).allMatch(count -> count >= 3);
        assertThat(LabelledPosts.ALL).extracting(LabelledPost::text).doesNotHaveDuplicates();
    }
}
