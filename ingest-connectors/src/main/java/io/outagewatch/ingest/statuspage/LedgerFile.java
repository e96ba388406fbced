package io.outagewatch.ingest.statuspage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outagewatch.events.StatusUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps an {@link IncidentLedger} in a JSON file, written to a temporary file and moved into place
 * so a crash never leaves half a file.
 *
 * <p>Format: {@code {"version":1,"pages":{"<page>":{"<incident id>":{"updatedAt":"…",
 * "status":"identified","impact":"major","title":"…","url":"…","services":["…"]}}}}}.
 */
public final class LedgerFile {

    static final int VERSION = 1;

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path path;

    public LedgerFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /**
     * An empty ledger when the file does not exist yet.
     *
     * @throws StatusPageConfigException naming the file when it cannot be read
     */
    public IncidentLedger load() {
        IncidentLedger ledger = new IncidentLedger();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return ledger;
        } catch (IOException e) {
            throw new StatusPageConfigException("state file " + path + " is unreadable: " + e, e);
        }
        try {
            if (root == null || root.path("version").asInt() != VERSION) {
                throw new IllegalArgumentException("version is not " + VERSION);
            }
            Iterator<Map.Entry<String, JsonNode>> pages = root.path("pages").fields();
            while (pages.hasNext()) {
                Map.Entry<String, JsonNode> page = pages.next();
                Iterator<Map.Entry<String, JsonNode>> incidents = page.getValue().fields();
                while (incidents.hasNext()) {
                    Map.Entry<String, JsonNode> incident = incidents.next();
                    ledger.put(page.getKey(), incident.getKey(), entry(incident.getValue()));
                }
            }
        } catch (RuntimeException e) {
            throw new StatusPageConfigException(
                    "state file "
                            + path
                            + " is not a poller state: "
                            + e.getMessage()
                            + "; move it away to start afresh",
                    e);
        }
        return ledger;
    }

    /** Writes the whole ledger. */
    public synchronized void save(IncidentLedger ledger) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ObjectNode pages = root.putObject("pages");
        ledger.copy()
                .forEach(
                        (page, incidents) -> {
                            ObjectNode pageNode = pages.putObject(page);
                            incidents.forEach((id, entry) -> pageNode.set(id, node(entry)));
                        });
        try {
            Files.createDirectories(path.getParent());
            Path temp = Files.createTempFile(path.getParent(), ".statuspage-state-", ".tmp");
            try {
                JSON.writeValue(temp.toFile(), root);
                try {
                    Files.move(
                            temp,
                            path,
                            StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write state file " + path, e);
        }
    }

    private static ObjectNode node(IncidentLedger.Entry entry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("updatedAt", entry.updatedAt().toString());
        node.put("status", entry.status().wireName());
        node.put("impact", entry.impact() == null ? null : entry.impact().wireName());
        node.put("title", entry.title());
        node.put("url", entry.url());
        ArrayNode services = node.putArray("services");
        entry.services().forEach(services::add);
        return node;
    }

    private static IncidentLedger.Entry entry(JsonNode node) {
        List<String> services = new ArrayList<>();
        node.path("services").forEach(service -> services.add(service.asText()));
        return new IncidentLedger.Entry(
                Instant.parse(node.path("updatedAt").asText()),
                StatusUpdate.Status.valueOf(node.path("status").asText().toUpperCase(Locale.ROOT)),
                node.path("impact").isTextual()
                        ? StatusUpdate.Impact.valueOf(
                                node.path("impact").asText().toUpperCase(Locale.ROOT))
                        : null,
                node.path("title").isTextual() ? node.path("title").asText() : null,
                node.path("url").isTextual() ? node.path("url").asText() : null,
                services);
    }
}
