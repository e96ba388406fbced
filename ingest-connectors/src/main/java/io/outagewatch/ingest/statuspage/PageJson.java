package io.outagewatch.ingest.statuspage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outagewatch.events.InvalidEventException;
import io.outagewatch.events.Timestamps;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.regex.Pattern;

/** JSON helpers shared by the page parsers. */
final class PageJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Ids safe to put in a URL path unescaped. */
    private static final Pattern URL_SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private PageJson() {}

    static JsonNode read(byte[] body) throws MalformedPageException {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw new MalformedPageException("the document is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new MalformedPageException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedPageException("unreadable: " + e, e);
        }
    }

    static JsonNode array(JsonNode root, String field) throws MalformedPageException {
        JsonNode array = root.get(field);
        if (array == null || !array.isArray()) {
            throw new MalformedPageException("no '" + field + "' array");
        }
        return array;
    }

    /** A non-blank string, or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        return value.asText();
    }

    /**
     * @throws InvalidEventException when the text is not an in-range timestamp
     */
    static Instant time(String field, String text) {
        if (text == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return Timestamps.parse(field, text);
    }

    /** {@code <base>/incidents/<id>}, or null when the id would need escaping. */
    static String incidentPage(URI base, String id) {
        return URL_SAFE_ID.matcher(id).matches() ? base + "/incidents/" + id : null;
    }

    /** The text when it is an http(s) URL, else null. */
    static String httpUrl(String text) {
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            return null;
        }
        return null;
    }
}
