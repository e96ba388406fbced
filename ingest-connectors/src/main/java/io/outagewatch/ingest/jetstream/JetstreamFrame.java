package io.outagewatch.ingest.jetstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One Jetstream v1 frame as the client sees it: a post created, a frame it skips, or one it cannot
 * read. {@link #parse} never throws.
 */
sealed interface JetstreamFrame {

    String POST_COLLECTION = "app.bsky.feed.post";

    ObjectMapper MAPPER = new ObjectMapper();

    /**
     * A new post.
     *
     * @param timeUs the server's indexing time in microseconds: the cursor, and the report's time
     * @param langs the post's {@code langs} entries that are strings, in order; may be empty
     */
    record PostCreate(
            String did, long timeUs, String rkey, String rev, String text, List<String> langs)
            implements JetstreamFrame {
        public PostCreate {
            Objects.requireNonNull(did, "did");
            Objects.requireNonNull(rkey, "rkey");
            Objects.requireNonNull(rev, "rev");
            Objects.requireNonNull(text, "text");
            langs = List.copyOf(langs);
        }

        /** Identifies the post version across replays: did, collection, rkey and rev. */
        RecentKeys.Key key() {
            return RecentKeys.Key.of(did, POST_COLLECTION, rkey, rev);
        }
    }

    /**
     * A well-formed frame that is not a new post (identity, account, update, delete, another
     * collection, a future kind). It still moves the cursor.
     *
     * @param what e.g. {@code identity} or {@code commit update}, for logs
     */
    record Skipped(long timeUs, String what) implements JetstreamFrame {}

    /** A frame the client cannot read; it is counted and dropped. */
    record Malformed(String reason) implements JetstreamFrame {}

    static JetstreamFrame parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return new Malformed("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return new Malformed("not a JSON object");
        }
        JsonNode timeUs = root.get("time_us");
        if (timeUs == null || !timeUs.canConvertToExactIntegral() || !timeUs.canConvertToLong()) {
            return new Malformed("time_us is missing or not an integer");
        }
        long time = timeUs.longValue();
        if (time <= 0) {
            return new Malformed("time_us " + time + " is not positive");
        }
        String kind = text(root, "kind");
        if (kind == null) {
            return new Malformed("kind is missing or not a string");
        }
        if (!kind.equals("commit")) {
            return new Skipped(time, kind);
        }
        JsonNode commit = root.get("commit");
        if (commit == null || !commit.isObject()) {
            return new Malformed("commit frame without a commit object");
        }
        String operation = text(commit, "operation");
        String collection = text(commit, "collection");
        if (operation == null || collection == null) {
            return new Malformed("commit.operation or commit.collection is missing");
        }
        if (!operation.equals("create") || !collection.equals(POST_COLLECTION)) {
            return new Skipped(time, "commit " + operation + " " + collection);
        }
        String did = text(root, "did");
        String rkey = text(commit, "rkey");
        String rev = text(commit, "rev");
        if (did == null || rkey == null || rev == null) {
            return new Malformed("post create without did, commit.rkey or commit.rev");
        }
        JsonNode record = commit.get("record");
        String postText = record == null ? null : text(record, "text");
        if (postText == null) {
            return new Malformed("post create without commit.record.text");
        }
        return new PostCreate(did, time, rkey, rev, postText, langs(record.get("langs")));
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    private static List<String> langs(JsonNode node) {
        List<String> langs = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode lang : node) {
                if (lang.isTextual()) {
                    langs.add(lang.textValue());
                }
            }
        }
        return langs;
    }
}
