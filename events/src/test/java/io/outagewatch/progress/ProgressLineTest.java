package io.outagewatch.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressLineTest {

    private static final String CLEAR = "\u001b[K";
    private static final String NL = System.lineSeparator();
    private static final int WIDE = 200;
    private static final Duration TICK = ProgressReporter.TICK;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicReference<String> status = new AtomicReference<>("1 / 3 done");

    @Test
    void onATerminalEachTickRewritesTheLineInPlaceAndTheFinishEndsIt() {
        ProgressLine line = line(Display.TERMINAL, WIDE);

        line.tick();
        status.set("2 / 3 done");
        advance(TICK);
        line.tick();
        status.set("3 / 3 done");
        advance(Duration.ofSeconds(1));
        line.finish();

        assertThat(written())
                .isEqualTo(
                        "\rwork: 1 / 3 done · 0:00 elapsed"
                                + CLEAR
                                + "\rwork: 2 / 3 done · 0:00 elapsed"
                                + CLEAR
                                + "\rwork: 3 / 3 done · 0:01 elapsed"
                                + CLEAR
                                + NL);
    }

    @Test
    void aTerminalLineIsNotRedrawnWhenItWouldNotChange() {
        ProgressLine line = line(Display.TERMINAL, WIDE);

        line.tick();
        advance(TICK);
        line.tick();

        assertThat(written()).isEqualTo("\rwork: 1 / 3 done · 0:00 elapsed" + CLEAR);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "32 | work: 1 / 3 done · 0:00 elapsed",
                "31 | 1 / 3 done · 0:00 elapsed",
                "26 | 1 / 3 done · 0:00 elapsed",
                "25 | 1 / 3 done · 0:00 elaps…",
                "2  | …"
            })
    void aTerminalLineLeavesTheLastColumnFreeDroppingTheTitleThenCutting(
            int columns, String shown) {
        ProgressLine line = line(Display.TERMINAL, columns);

        line.tick();

        assertThat(written()).isEqualTo("\r" + shown + CLEAR);
    }

    @Test
    void elsewhereWholeLinesComeEveryTenSecondsAndTheFinishPrintsTheLast() {
        ProgressLine line = line(Display.PLAIN, 10);

        for (int tick = 0; tick < 100; tick++) {
            status.set(tick + " / 100 done");
            line.tick();
            advance(TICK);
        }
        line.finish();

        assertThat(written())
                .isEqualTo(
                        "work: 40 / 100 done · 0:10 elapsed"
                                + NL
                                + "work: 80 / 100 done · 0:20 elapsed"
                                + NL
                                + "work: 99 / 100 done · 0:25 elapsed"
                                + NL);
    }

    @Test
    void plainLinesKeepToTheTensEvenWhenTicksComeLate() {
        ProgressLine line = line(Display.PLAIN, 10);

        advance(Duration.ofMillis(10_300));
        line.tick();
        advance(Duration.ofMillis(9_800));
        line.tick();
        advance(Duration.ofSeconds(25));
        line.tick();
        advance(Duration.ofSeconds(5));
        line.tick();

        assertThat(written())
                .isEqualTo(
                        "work: 1 / 3 done · 0:10 elapsed"
                                + NL
                                + "work: 1 / 3 done · 0:20 elapsed"
                                + NL
                                + "work: 1 / 3 done · 0:45 elapsed"
                                + NL
                                + "work: 1 / 3 done · 0:50 elapsed"
                                + NL);
    }

    @Test
    void linesAboveClearTheTerminalLineAndRedrawItAfterwards() {
        ProgressLine line = line(Display.TERMINAL, WIDE);
        ByteArrayOutputStream otherBytes = new ByteArrayOutputStream();
        PrintStream other = new PrintStream(otherBytes, true, StandardCharsets.UTF_8);
        line.tick();

        line.linesAbove(out).println("== OUTAGE STARTED == chatgpt is down");
        line.linesAbove(other).println("on stdout");

        String drawn = "\rwork: 1 / 3 done · 0:00 elapsed" + CLEAR;
        assertThat(written())
                .isEqualTo(
                        drawn
                                + "\r"
                                + CLEAR
                                + "== OUTAGE STARTED == chatgpt is down"
                                + NL
                                + drawn
                                + "\r"
                                + CLEAR
                                + drawn);
        assertThat(otherBytes.toString(StandardCharsets.UTF_8)).isEqualTo("on stdout" + NL);
    }

    @Test
    void aLineAboveWaitsForItsEndAndGoesOutWholeWithTheLinesBeforeIt() {
        ProgressLine line = line(Display.TERMINAL, WIDE);
        line.tick();
        String drawn = written();
        PrintStream above = line.linesAbove(out);

        above.print("first" + NL + "sec");
        above.flush();
        above.print("ond");
        above.flush();
        above.println();

        assertThat(written())
                .isEqualTo(
                        drawn + "\r" + CLEAR + "first" + NL + drawn + "\r" + CLEAR + "second" + NL
                                + drawn);
    }

    @Test
    void afterTheFinishLinesAboveGoStraightThroughAndTicksShowNothing() {
        ProgressLine line = line(Display.TERMINAL, WIDE);
        line.tick();
        line.finish();
        String finished = written();

        line.linesAbove(out).println("Summary");
        line.tick();
        line.finish();

        assertThat(written()).isEqualTo(finished + "Summary" + NL);
    }

    @Test
    void elsewhereLinesAboveArePrintedAsTheyAre() {
        ProgressLine line = line(Display.PLAIN, WIDE);
        line.tick();

        line.linesAbove(out).println("== OUTAGE STARTED ==");

        assertThat(written()).isEqualTo("== OUTAGE STARTED ==" + NL);
    }

    @Test
    void linesAboveFromManyThreadsAndTicksNeverCutIntoEachOther() {
        ProgressLine line = line(Display.TERMINAL, WIDE);
        int threads = 4;
        int linesEach = 200;
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            int id = thread;
            PrintStream above = line.linesAbove(out);
            writers.add(
                    CompletableFuture.runAsync(
                            () -> {
                                for (int i = 0; i < linesEach; i++) {
                                    above.println("line " + id + "-" + i);
                                }
                            }));
        }
        CompletableFuture<Void> ticker =
                CompletableFuture.runAsync(
                        () -> {
                            for (int i = 0; i < 2_000; i++) {
                                status.set(i + " done");
                                advance(TICK);
                                line.tick();
                            }
                        });
        writers.forEach(CompletableFuture::join);
        ticker.join();
        line.finish();

        String output = written();
        assertThat(output)
                .as("every redraw and clear starts at the beginning of a line")
                .doesNotContainPattern("[^\\nK]\\r")
                .as("no line is printed straight after a drawn progress line, uncleared")
                .doesNotContainPattern("[^\\r]\\u001b\\[K[^\\r\\n]");
        List<String> lines =
                output.replaceAll("\\r[^\\r\\n]*?\\u001b\\[K", "")
                        .lines()
                        .filter(text -> !text.isEmpty())
                        .toList();
        List<String> expected =
                IntStream.range(0, threads)
                        .boxed()
                        .flatMap(
                                t ->
                                        IntStream.range(0, linesEach)
                                                .mapToObj(i -> "line " + t + "-" + i))
                        .collect(Collectors.toList());
        assertThat(lines).containsExactlyInAnyOrderElementsOf(expected);
    }

    private ProgressLine line(Display display, int columns) {
        return new ProgressLine("work", status::get, out, display, columns, nanos::get);
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
