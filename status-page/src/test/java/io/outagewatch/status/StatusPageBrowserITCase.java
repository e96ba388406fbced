package io.outagewatch.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.replay.ReplayMain;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Evidence;
import io.outagewatch.events.Severity;
import io.outagewatch.events.StatusUpdateSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.Await;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.scenario.Scenario;
import io.outagewatch.scenario.Scenarios;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The status page in a real browser over a real replay: the ChatGPT outage of 8 Nov 2023 runs
 * through the detection pipeline (replay), its alerts, service signals and status updates go to a
 * real Kafka broker, and the page, started on loopback, rebuilds its window from there. Headless
 * Chromium then checks what a person would see.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusPageBrowserITCase {

    private static final String SCENARIO = "chatgpt-2023-11-08";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Path SCREENSHOT = SCREENSHOTS.resolve("status-page-chatgpt.png");
    private static final Instant LATE_ONSET = Instant.parse("2023-11-08T19:40:00Z");

    @TempDir static Path dir;
    private static EmbeddedKafkaBroker kafka;
    private static StatusPage page;
    private static ChromeDriver browser;

    @BeforeAll
    static void replayAndServe() throws Exception {
        browser = ChromiumBrowser.start(1280, 1300);
        Scenario scenario = Scenarios.named(SCENARIO);
        scenario.writeJsonl(dir);
        Path catalog = Files.writeString(dir.resolve("catalog.json"), Scenarios.catalogJson());
        replay(catalog);

        kafka = EmbeddedKafkaBroker.startDefault();
        kafka.createOutageWatchTopics(2);
        // Every send is checked: a record the broker refused must fail here with its cause, not
        // show up a minute later as a page that never read everything.
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (String line : Files.readAllLines(dir.resolve("signals.jsonl"))) {
                sent.add(producer.send(record(Topics.SERVICE_SIGNALS, line)));
            }
            for (String line : Files.readAllLines(dir.resolve("alerts.jsonl"))) {
                sent.add(producer.send(record(Topics.OUTAGE_ALERTS, line)));
            }
            for (var update : scenario.statusUpdates()) {
                sent.add(
                        producer.send(
                                new ProducerRecord<>(
                                        Topics.STATUS_UPDATES,
                                        update.service(),
                                        StatusUpdateSerde.INSTANCE.toBytes(update))));
            }
            producer.flush();
            for (Future<RecordMetadata> record : sent) {
                record.get(1, TimeUnit.MINUTES);
            }
        }
        page =
                StatusPage.start(
                        StatusPageArguments.parse(
                                new String[] {
                                    "--port",
                                    "0",
                                    "--bootstrap-servers",
                                    kafka.bootstrapServers(),
                                    "--catalog",
                                    catalog.toString(),
                                    "--db",
                                    "jdbc:sqlite:" + dir.resolve("no-history.db")
                                },
                                Map.of()),
                        Map.of(),
                        Clock.systemUTC(),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        long signals = Files.readAllLines(dir.resolve("signals.jsonl")).size();
        Await.until(
                "the page has read every replayed record from Kafka",
                WAIT,
                () ->
                        page.board().services().stream().mapToLong(s -> s.minutes().size()).sum()
                                        == signals
                                && page
                                        .board()
                                        .service("chatgpt")
                                        .orElseThrow()
                                        .incidents()
                                        .stream()
                                        .anyMatch(i -> !i.open())
                                && page.board()
                                                .service("chatgpt")
                                                .orElseThrow()
                                                .statusUpdates()
                                                .size()
                                        == scenario.statusUpdates().size());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (page != null) {
            page.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void theOverviewListsEveryServiceWithItsState() {
        browser.get(page.url() + "/");

        WebDriverWait wait = waiting();
        // The outage has recovered by the end of the replay: ChatGPT is back to ok.
        wait.until(
                ExpectedConditions.attributeToBe(
                        By.cssSelector("#services li[data-service-id='chatgpt']"),
                        "data-state",
                        "ok"));
        assertThat(attributes("#services li", "data-service-id"))
                .containsExactlyInAnyOrderElementsOf(
                        Scenarios.catalog().services().stream().map(s -> s.id()).toList());
        assertThat(attributes("#services li", "data-state")).containsOnly("ok");
        assertThat(textOf("#open-incidents")).contains("None: every service looks normal.");
        assertThat(paintedPixels("#services li[data-service-id='chatgpt'] canvas"))
                .as("the ChatGPT row's 24 h chart")
                .isPositive();
    }

    @Test
    @Order(2)
    void theServicePageDrawsItsChartsAndShowsTheIncident() throws Exception {
        browser.get(page.url() + "/service/chatgpt");

        WebDriverWait wait = waiting();
        wait.until(
                ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#incidents tbody tr[data-incident-id]")));
        wait.until(driver -> seriesPixels("#complaints-chart canvas") > 100);

        assertThat(textOf("#service-name")).isEqualTo("ChatGPT");
        String incident = "#incidents tbody tr[data-incident-id]";
        assertThat(attributes(incident, "class")).containsExactly("recovered");
        assertThat(textOf(incident)).contains("2023-11-08 13:4", "ahead");
        assertThat(attributes(incident + " [data-state]", "data-state")).containsExactly("down");
        assertThat(textOf("#status-updates")).contains("investigating", "resolved");
        assertThat(paintedPixels("#probes-chart canvas")).isPositive();

        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Order(3)
    void aNewAlertAppearsWithoutAReload() throws Exception {
        browser.get(page.url() + "/");
        WebDriverWait wait = waiting();
        wait.until(
                ExpectedConditions.attributeToBe(
                        By.cssSelector("#services li[data-service-id='github']"),
                        "data-state",
                        "ok"));
        browser.executeScript("window.loadedOnce = true;");

        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(
                    new ProducerRecord<>(
                            Topics.OUTAGE_ALERTS,
                            "github",
                            AlertSerde.INSTANCE.toBytes(githubDown())));
        }

        wait.until(
                ExpectedConditions.attributeToBe(
                        By.cssSelector("#services li[data-service-id='github']"),
                        "data-state",
                        "down"));
        assertThat(browser.executeScript("return window.loadedOnce === true;"))
                .as("the same page, not a reload")
                .isEqualTo(true);
        assertThat(textOf("#open-incidents li[data-service-id='github']"))
                .contains("GitHub", "since 2023-11-08 19:40 UTC", "expected to last about");
        assertThat(attributes("#services li", "data-service-id").get(0))
                .as("open incidents come first")
                .isEqualTo("github");
        Files.write(
                SCREENSHOTS.resolve("status-page-overview.png"),
                browser.getScreenshotAs(OutputType.BYTES));
    }

    /** Waits that outlast the page redrawing itself: a redraw replaces the elements read. */
    private static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The text of the first element the selector finds, read again if a redraw replaced it. */
    private static String textOf(String selector) {
        return waiting().until(driver -> driver.findElement(By.cssSelector(selector)).getText());
    }

    /** An attribute of every element the selector finds, read again if a redraw replaced them. */
    private static List<String> attributes(String selector, String attribute) {
        return waiting()
                .until(
                        driver ->
                                driver.findElements(By.cssSelector(selector)).stream()
                                        .map(element -> element.getAttribute(attribute))
                                        .toList());
    }

    private static void replay(Path catalog) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit =
                ReplayMain.run(
                        new String[] {
                            "--probes", dir.resolve(Scenario.PROBES_FILE).toString(),
                            "--reports", dir.resolve(Scenario.REPORTS_FILE).toString(),
                            "--status", dir.resolve(Scenario.STATUS_FILE).toString(),
                            "--catalog", catalog.toString(),
                            "--out", dir.resolve("alerts.jsonl").toString(),
                            "--signals", dir.resolve("signals.jsonl").toString()
                        },
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static KafkaProducer<String, byte[]> producer() {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // One batch in flight: a slow broker answer retried behind a later batch is what breaks
        // the idempotent producer's sequence (OutOfOrderSequenceException) and loses records.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 60_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<String, byte[]> record(String topic, String json) {
        int at = json.indexOf("\"service\":\"") + "\"service\":\"".length();
        String service = json.substring(at, json.indexOf('"', at));
        return new ProducerRecord<>(topic, service, json.getBytes(StandardCharsets.UTF_8));
    }

    private static Alert githubDown() {
        return new Alert(
                "github-late",
                AlertType.OUTAGE_STARTED,
                "github",
                Severity.MAJOR,
                List.of(),
                LATE_ONSET,
                LATE_ONSET.plus(Duration.ofMinutes(3)),
                null,
                null,
                Duration.ofMinutes(50).toSeconds(),
                Duration.ofMinutes(20).toSeconds(),
                Duration.ofHours(3).toSeconds(),
                new Evidence(0.95, 0.01, List.of(), List.of(), 30.0, 1.0, 10.0),
                null,
                null,
                1,
                null,
                null,
                null,
                "typical of major outages",
                LATE_ONSET.plus(Duration.ofMinutes(3)));
    }

    /** Pixels of the canvas anything was drawn on. */
    private static long paintedPixels(String canvas) {
        return pixels(canvas, "a > 0");
    }

    /** Opaque, strongly red pixels: the complaints line, not the axes or the pale shading. */
    private static long seriesPixels(String canvas) {
        return pixels(canvas, "a > 200 && r > 150 && g < 90 && b < 90");
    }

    private static long pixels(String canvas, String condition) {
        Object count =
                browser.executeScript(
                        "const c = document.querySelector(arguments[0]);"
                                + "if (!c) return 0;"
                                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                                + "let n = 0;"
                                + "for (let i = 0; i < d.length; i += 4) {"
                                + "  const r = d[i], g = d[i + 1], b = d[i + 2], a = d[i + 3];"
                                + "  if ("
                                + condition
                                + ") n++;"
                                + "}"
                                + "return n;",
                        canvas);
        return ((Number) count).longValue();
    }
}
