package io.outagewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchArgumentsTest {

    @Test
    void throughputDefaultsSweepThreeKeyCountsAndMeasureRatesAtTheMiddleOne() throws Exception {
        BenchArguments arguments = BenchArguments.parse("throughput");

        assertThat(arguments.events()).isEqualTo(1_000_000);
        assertThat(arguments.keys()).containsExactly(10, 1_000, 100_000);
        assertThat(arguments.rateKeys()).isEqualTo(1_000);
        assertThat(arguments.warmUps()).isEqualTo(WarmUps.UNTIL_LEVEL);
        assertThat(arguments.json()).isFalse();
    }

    @Test
    void throughputOptionsAndJsonInAnyOrder() throws Exception {
        BenchArguments arguments =
                BenchArguments.parse(
                        "throughput",
                        "--json",
                        "--events",
                        "5000",
                        "--keys",
                        "20",
                        "--warm-ups",
                        "1");

        assertThat(arguments.events()).isEqualTo(5_000);
        assertThat(arguments.warmUps()).isEqualTo(WarmUps.exactly(1));
        assertThat(arguments.keys()).containsExactly(20);
        assertThat(arguments.rateKeys()).isEqualTo(20);
        assertThat(arguments.json()).isTrue();
    }

    @Test
    void latencyDefaultsAreTwentyRunsAtTwentyThousandEventsASecond() throws Exception {
        BenchArguments arguments = BenchArguments.parse("latency", "--json");

        assertThat(arguments.runs()).isEqualTo(20);
        assertThat(arguments.rate()).isEqualTo(20_000);
        assertThat(arguments.json()).isTrue();
    }

    @Test
    void estimatesDefaultToTheBundledSplitAndTakeFiles(@TempDir Path directory) throws Exception {
        Path train = Files.writeString(directory.resolve("train.jsonl"), "");
        Path test = Files.writeString(directory.resolve("test.jsonl.gz"), "");

        BenchArguments defaults = BenchArguments.parse("estimates");
        BenchArguments files =
                BenchArguments.parse(
                        "estimates",
                        "--train",
                        train.toString(),
                        "--test",
                        test.toString(),
                        "--json");

        assertThat(defaults.train()).isNull();
        assertThat(defaults.test()).isNull();
        assertThat(files.train()).isEqualTo(train);
        assertThat(files.test()).isEqualTo(test);
        assertThat(files.json()).isTrue();
    }

    @Test
    void badCommandLinesNameTheirProblem() {
        List<List<String>> bad =
                List.of(
                        List.of(),
                        List.of("speed"),
                        List.of("latency", "--events", "10"),
                        List.of("scenarios", "--runs", "3"),
                        List.of("throughput", "--events"),
                        List.of("throughput", "--events", "0"),
                        List.of("throughput", "--events", "many"),
                        List.of("throughput", "--keys", "1000,10"),
                        List.of("estimates", "--train", "no/such/corpus.jsonl"),
                        List.of("estimates", "--runs", "3"));
        List<String> messages =
                List.of(
                        "which benchmark?",
                        "unknown benchmark: speed",
                        "bench latency has no option --events",
                        "bench scenarios has no option --runs",
                        "--events needs a value",
                        "--events must be a whole number from 1, got 0",
                        "--events must be a whole number from 1, got many",
                        "--keys must be increasing: 1000,10",
                        "--train must name a readable file, got no/such/corpus.jsonl",
                        "bench estimates has no option --runs");
        for (int i = 0; i < bad.size(); i++) {
            String[] args = bad.get(i).toArray(String[]::new);
            assertThatThrownBy(() -> BenchArguments.parse(args))
                    .as(String.join(" ", args))
                    .isInstanceOf(BenchArguments.UsageException.class)
                    .hasMessage(messages.get(i));
        }
    }
}
