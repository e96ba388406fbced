package io.outagewatch.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Invalid documents with the reason code each must get. Shared by the serde tests and the schema
 * tests so both are held to the same table.
 */
final class BadInputs {

    /**
     * @param name what is wrong
     * @param serde the serde that must reject the input
     * @param schema the schema file for the same contract
     * @param json the input
     * @param code the expected reason code
     * @param fieldInDetail text the detail must contain, normally the field's name
     * @param schemaGap null when the schema must reject the document too; otherwise why a JSON
     *     Schema cannot express the rule
     */
    record BadInput(
            String name,
            EventSerde<?> serde,
            String schema,
            String json,
            String code,
            String fieldInDetail,
            String schemaGap) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String PROBE_SCHEMA = "probe-result.schema.json";
    static final String REPORT_SCHEMA = "social-report.schema.json";
    static final String STATUS_SCHEMA = "status-update.schema.json";
    static final String ALERT_SCHEMA = "alert.schema.json";
    static final String DEAD_LETTER_SCHEMA = "dead-letter.schema.json";

    private static final String NOT_A_DOCUMENT =
            "not a JSON document, so there is nothing to validate against a schema";
    private static final String CROSS_FIELD = "JSON Schema cannot compare two fields' values";

    private BadInputs() {}

    static List<BadInput> all() {
        List<BadInput> cases = new ArrayList<>();
        cases.addAll(structural());
        cases.addAll(missingRequiredFields());
        cases.addAll(wrongTypes());
        cases.addAll(timestamps());
        cases.addAll(values());
        cases.addAll(ids());
        cases.addAll(alertInvariants());
        return cases;
    }

    static List<BadInput> schemaExpressible() {
        return all().stream().filter(bad -> bad.schemaGap() == null).toList();
    }

    private static BadInput probe(
            String name, JsonDoc doc, String code, String fieldInDetail, String schemaGap) {
        return new BadInput(
                name,
                ProbeResultSerde.INSTANCE,
                PROBE_SCHEMA,
                doc.json(),
                code,
                fieldInDetail,
                schemaGap);
    }

    private static BadInput probe(String name, JsonDoc doc, String code, String fieldInDetail) {
        return probe(name, doc, code, fieldInDetail, null);
    }

    private static BadInput raw(
            String name, String json, String code, String inDetail, String gap) {
        return new BadInput(
                name, ProbeResultSerde.INSTANCE, PROBE_SCHEMA, json, code, inDetail, gap);
    }

    private static BadInput report(String name, JsonDoc doc, String code, String fieldInDetail) {
        return new BadInput(
                name,
                SocialReportSerde.INSTANCE,
                REPORT_SCHEMA,
                doc.json(),
                code,
                fieldInDetail,
                null);
    }

    private static BadInput status(String name, JsonDoc doc, String code, String fieldInDetail) {
        return new BadInput(
                name,
                StatusUpdateSerde.INSTANCE,
                STATUS_SCHEMA,
                doc.json(),
                code,
                fieldInDetail,
                null);
    }

    private static BadInput alert(
            String name, JsonDoc doc, String code, String fieldInDetail, String schemaGap) {
        return new BadInput(
                name,
                AlertSerde.INSTANCE,
                ALERT_SCHEMA,
                doc.json(),
                code,
                fieldInDetail,
                schemaGap);
    }

    private static BadInput alert(String name, JsonDoc doc, String code, String fieldInDetail) {
        return alert(name, doc, code, fieldInDetail, null);
    }

    private static List<BadInput> structural() {
        String valid = JsonDoc.probe().json();
        String deeplyNested = "[".repeat(40) + "]".repeat(40);
        return List.of(
                raw(
                        "truncated document",
                        "{\"service\":",
                        InvalidReason.MALFORMED_JSON,
                        "line 1",
                        NOT_A_DOCUMENT),
                raw(
                        "empty input",
                        "",
                        InvalidReason.MALFORMED_JSON,
                        "no JSON value",
                        NOT_A_DOCUMENT),
                raw(
                        "single-quoted strings",
                        "{'service':'chatgpt'}",
                        InvalidReason.MALFORMED_JSON,
                        "line 1",
                        NOT_A_DOCUMENT),
                raw(
                        "trailing garbage",
                        valid + " x",
                        InvalidReason.MALFORMED_JSON,
                        "'x'",
                        NOT_A_DOCUMENT),
                raw(
                        "second document",
                        valid + valid,
                        InvalidReason.MALFORMED_JSON,
                        "Trailing token",
                        NOT_A_DOCUMENT),
                raw(
                        "duplicate key",
                        valid.replace("{", "{\"service\":\"github\","),
                        InvalidReason.MALFORMED_JSON,
                        "service",
                        "a parsed tree keeps one value per key, so a schema never sees duplicates"),
                probe(
                        "NaN literal",
                        JsonDoc.probe().with("latencyMs", "NaN"),
                        InvalidReason.MALFORMED_JSON,
                        "NaN",
                        NOT_A_DOCUMENT),
                probe(
                        "nesting deeper than 32",
                        JsonDoc.probe().with("extra", deeplyNested),
                        InvalidReason.TOO_LARGE,
                        "nesting depth",
                        "nesting depth is a parser limit, not a schema rule"),
                probe(
                        "number longer than 100 digits",
                        JsonDoc.probe().with("extra", "1".repeat(101)),
                        InvalidReason.TOO_LARGE,
                        "Number value length",
                        "number length is a parser limit, not a schema rule"),
                raw(
                        "array instead of object",
                        "[" + valid + "]",
                        InvalidReason.NOT_AN_OBJECT,
                        "got array",
                        null),
                raw(
                        "number instead of object",
                        "42",
                        InvalidReason.NOT_AN_OBJECT,
                        "got number",
                        null),
                raw(
                        "string instead of object",
                        "\"chatgpt\"",
                        InvalidReason.NOT_AN_OBJECT,
                        "got string",
                        null),
                raw(
                        "null instead of object",
                        "null",
                        InvalidReason.NOT_AN_OBJECT,
                        "got null",
                        null),
                probe(
                        "over 64 KiB",
                        JsonDoc.probe().with("error", "\"" + "x".repeat(70_000) + "\""),
                        InvalidReason.TOO_LARGE,
                        "65536",
                        "size limits apply to bytes on the wire; a schema sees a parsed tree"));
    }

    private static List<BadInput> missingRequiredFields() {
        List<BadInput> cases = new ArrayList<>();
        Map<String, List<String>> required =
                Map.of(
                        PROBE_SCHEMA, List.of("service", "vantage", "timestamp", "success"),
                        REPORT_SCHEMA, List.of("timestamp", "text"),
                        STATUS_SCHEMA, List.of("service", "timestamp", "incidentId", "status"),
                        ALERT_SCHEMA,
                                List.of(
                                        "incidentId",
                                        "type",
                                        "service",
                                        "severity",
                                        "startedAt",
                                        "detectedAt",
                                        "evidence",
                                        "version"),
                        DEAD_LETTER_SCHEMA, List.of("origin", "raw", "reason", "timestamp"));
        for (String schema :
                List.of(
                        PROBE_SCHEMA,
                        REPORT_SCHEMA,
                        STATUS_SCHEMA,
                        ALERT_SCHEMA,
                        DEAD_LETTER_SCHEMA)) {
            JsonDoc valid = validDoc(schema);
            EventSerde<?> serde = serdeFor(schema);
            for (String field : required.get(schema)) {
                cases.add(
                        new BadInput(
                                schema + " without " + field,
                                serde,
                                schema,
                                valid.without(field).json(),
                                InvalidReason.MISSING_FIELD,
                                field,
                                null));
                cases.add(
                        new BadInput(
                                schema + " with null " + field,
                                serde,
                                schema,
                                valid.with(field, "null").json(),
                                InvalidReason.MISSING_FIELD,
                                field + " is null",
                                null));
            }
        }
        cases.add(
                alert(
                        "evidence without score",
                        JsonDoc.startedAlert()
                                .withNested("evidence", JsonDoc.evidence().without("score")),
                        InvalidReason.MISSING_FIELD,
                        "evidence.score"));
        cases.add(
                alert(
                        "officialStatus without status",
                        JsonDoc.startedAlert()
                                .withNested("officialStatus", JsonDoc.status().without("status")),
                        InvalidReason.MISSING_FIELD,
                        "officialStatus.status"));
        return cases;
    }

    private static List<BadInput> wrongTypes() {
        return List.of(
                probe(
                        "string for boolean",
                        JsonDoc.probe().with("success", "\"true\""),
                        InvalidReason.WRONG_TYPE,
                        "success must be a boolean, got string"),
                probe(
                        "number for boolean",
                        JsonDoc.probe().with("success", "1"),
                        InvalidReason.WRONG_TYPE,
                        "success must be a boolean, got number"),
                probe(
                        "number for string",
                        JsonDoc.probe().with("service", "42"),
                        InvalidReason.WRONG_TYPE,
                        "service must be a string, got number"),
                probe(
                        "object for string",
                        JsonDoc.probe().with("vantage", "{}"),
                        InvalidReason.WRONG_TYPE,
                        "vantage must be a string, got object"),
                probe(
                        "float statusCode",
                        JsonDoc.probe().with("statusCode", "200.5"),
                        InvalidReason.WRONG_TYPE,
                        "statusCode must be an integer"),
                probe(
                        "float statusCode with zero fraction",
                        JsonDoc.probe().with("statusCode", "200.0"),
                        InvalidReason.WRONG_TYPE,
                        "statusCode must be an integer",
                        "JSON Schema counts 200.0 as an integer"),
                probe(
                        "string statusCode",
                        JsonDoc.probe().with("statusCode", "\"200\""),
                        InvalidReason.WRONG_TYPE,
                        "statusCode must be a number, got string"),
                probe(
                        "string latency",
                        JsonDoc.probe().with("latencyMs", "\"12\""),
                        InvalidReason.WRONG_TYPE,
                        "latencyMs must be a number, got string"),
                probe(
                        "boolean timestamp",
                        JsonDoc.probe().with("timestamp", "true"),
                        InvalidReason.WRONG_TYPE,
                        "timestamp must be an ISO-8601 string"),
                report(
                        "number for text",
                        JsonDoc.report().with("text", "404"),
                        InvalidReason.WRONG_TYPE,
                        "text must be a string, got number"),
                alert(
                        "string for regions",
                        JsonDoc.startedAlert().with("regions", "\"eu-west\""),
                        InvalidReason.WRONG_TYPE,
                        "regions must be an array, got string"),
                alert(
                        "number in regions",
                        JsonDoc.startedAlert().with("regions", "[1]"),
                        InvalidReason.WRONG_TYPE,
                        "regions[0] must be a string, got number"),
                alert(
                        "null in regions",
                        JsonDoc.startedAlert().with("regions", "[\"eu-west\",null]"),
                        InvalidReason.INVALID_VALUE,
                        "regions[1] is null"),
                alert(
                        "array for evidence",
                        JsonDoc.startedAlert().with("evidence", "[]"),
                        InvalidReason.WRONG_TYPE,
                        "evidence must be an object, got array"),
                alert(
                        "float version",
                        JsonDoc.startedAlert().with("version", "1.5"),
                        InvalidReason.WRONG_TYPE,
                        "version must be an integer"),
                alert(
                        "string duration estimate",
                        JsonDoc.startedAlert().with("estimatedDurationSeconds", "\"5400\""),
                        InvalidReason.WRONG_TYPE,
                        "estimatedDurationSeconds must be a number"),
                alert(
                        "string time left",
                        withTimeLeft(JsonDoc.startedAlert(), "3600", "600", "7200")
                                .with("estimatedRemainingSeconds", "\"3600\""),
                        InvalidReason.WRONG_TYPE,
                        "estimatedRemainingSeconds must be a number"),
                alert(
                        "fractional time left",
                        withTimeLeft(JsonDoc.startedAlert(), "3600", "600.5", "7200"),
                        InvalidReason.WRONG_TYPE,
                        "estimatedRemainingLowSeconds must be an integer"),
                alert(
                        "number for estimate basis",
                        JsonDoc.startedAlert().with("estimateBasis", "41"),
                        InvalidReason.WRONG_TYPE,
                        "estimateBasis must be a string, got number"));
    }

    private static List<BadInput> timestamps() {
        return List.of(
                probe(
                        "timestamp in 1999",
                        JsonDoc.probe().with("timestamp", "\"1999-12-31T23:59:59Z\""),
                        InvalidReason.TIMESTAMP_OUT_OF_RANGE,
                        "timestamp 1999-12-31T23:59:59Z is before 2000-01-01"),
                probe(
                        "timestamp in 2101",
                        JsonDoc.probe().with("timestamp", "\"2101-01-01T00:00:00Z\""),
                        InvalidReason.TIMESTAMP_OUT_OF_RANGE,
                        "timestamp 2101-01-01T00:00:00Z is after 2100-12-31"),
                probe(
                        "offset moves the instant into 1999",
                        JsonDoc.probe().with("timestamp", "\"2000-01-01T00:30:00+01:00\""),
                        InvalidReason.TIMESTAMP_OUT_OF_RANGE,
                        "timestamp 1999-12-31T23:30:00Z",
                        "the schema checks the written year, not the instant after the offset"),
                probe(
                        "epoch zero",
                        JsonDoc.probe().with("timestamp", "0"),
                        InvalidReason.TIMESTAMP_OUT_OF_RANGE,
                        "timestamp 1970-01-01T00:00:00Z is before 2000-01-01"),
                probe(
                        "epoch seconds instead of millis",
                        JsonDoc.probe().with("timestamp", "1699450920"),
                        InvalidReason.TIMESTAMP_OUT_OF_RANGE,
                        "timestamp 1970-01-20"),
                probe(
                        "far-future epoch millis",
                        JsonDoc.probe().with("timestamp", "4133980800000"),
                        InvalidReason.TIMESTAMP_OUT_OF_RANGE,
                        "timestamp 2101-01-01T00:00:00Z is after 2100-12-31"),
                probe(
                        "epoch millis beyond a long",
                        JsonDoc.probe().with("timestamp", "99999999999999999999999"),
                        InvalidReason.TIMESTAMP_OUT_OF_RANGE,
                        "timestamp"),
                probe(
                        "fractional epoch millis",
                        JsonDoc.probe().with("timestamp", "1699450920000.5"),
                        InvalidReason.INVALID_TIMESTAMP,
                        "timestamp"),
                probe(
                        "timestamp without zone",
                        JsonDoc.probe().with("timestamp", "\"2023-11-08T13:42:00\""),
                        InvalidReason.INVALID_TIMESTAMP,
                        "timestamp \"2023-11-08T13:42:00\" has no" + " zone or offset"),
                probe(
                        "date only",
                        JsonDoc.probe().with("timestamp", "\"2023-11-08\""),
                        InvalidReason.INVALID_TIMESTAMP,
                        "timestamp \"2023-11-08\""),
                probe(
                        "garbage timestamp",
                        JsonDoc.probe().with("timestamp", "\"yesterday\""),
                        InvalidReason.INVALID_TIMESTAMP,
                        "timestamp \"yesterday\""),
                probe(
                        "lower-case zone",
                        JsonDoc.probe().with("timestamp", "\"2023-11-08t13:42:00z\""),
                        InvalidReason.INVALID_TIMESTAMP,
                        "timestamp"),
                probe(
                        "impossible date",
                        JsonDoc.probe().with("timestamp", "\"2023-02-30T13:42:00Z\""),
                        InvalidReason.INVALID_TIMESTAMP,
                        "timestamp \"2023-02-30T13:42:00Z\" is not a valid date-time",
                        "a pattern cannot know month lengths"),
                alert(
                        "recoveredAt out of range",
                        JsonDoc.recoveredAlert().with("recoveredAt", "\"2101-06-01T00:00:00Z\""),
                        InvalidReason.TIMESTAMP_OUT_OF_RANGE,
                        "recoveredAt"),
                alert(
                        "officialStatus timestamp without zone",
                        JsonDoc.startedAlert()
                                .withNested(
                                        "officialStatus",
                                        JsonDoc.status()
                                                .with("timestamp", "\"2023-11-08T14:30:00\"")),
                        InvalidReason.INVALID_TIMESTAMP,
                        "officialStatus.timestamp"));
    }

    private static List<BadInput> values() {
        return List.of(
                probe(
                        "negative latency",
                        JsonDoc.probe().with("latencyMs", "-0.5"),
                        InvalidReason.INVALID_VALUE,
                        "latencyMs must be >= 0"),
                probe(
                        "latency overflowing to infinity",
                        JsonDoc.probe().with("latencyMs", "1e999"),
                        InvalidReason.INVALID_VALUE,
                        "latencyMs must be a finite number",
                        "the schema validator reads 1e999 as a huge number, not as infinity"),
                probe(
                        "status code 99",
                        JsonDoc.probe().with("statusCode", "99"),
                        InvalidReason.INVALID_VALUE,
                        "statusCode must be between 100 and 599"),
                probe(
                        "status code 600",
                        JsonDoc.probe().with("statusCode", "600"),
                        InvalidReason.INVALID_VALUE,
                        "statusCode must be between 100 and 599"),
                probe(
                        "status code beyond an int",
                        JsonDoc.probe().with("statusCode", "20000000000"),
                        InvalidReason.INVALID_VALUE,
                        "statusCode"),
                probe(
                        "ftp target",
                        JsonDoc.probe().with("target", "\"ftp://example.com/\""),
                        InvalidReason.INVALID_VALUE,
                        "target"),
                probe(
                        "relative target",
                        JsonDoc.probe().with("target", "\"/health\""),
                        InvalidReason.INVALID_VALUE,
                        "target"),
                probe(
                        "target over 2048 chars",
                        JsonDoc.probe()
                                .with("target", "\"https://example.com/" + "a".repeat(2048) + "\""),
                        InvalidReason.TEXT_TOO_LONG,
                        "target is 2068 characters long"),
                probe(
                        "error over 1024 chars",
                        JsonDoc.probe().with("error", "\"" + "e".repeat(1025) + "\""),
                        InvalidReason.TEXT_TOO_LONG,
                        "error is 1025 characters long; the maximum is 1024"),
                probe(
                        "blank error",
                        JsonDoc.probe().with("error", "\"  \""),
                        InvalidReason.INVALID_VALUE,
                        "error is blank"),
                report(
                        "text of 4097 characters",
                        JsonDoc.report().with("text", "\"" + "x".repeat(4097) + "\""),
                        InvalidReason.TEXT_TOO_LONG,
                        "text is 4097 characters long after trimming"),
                new BadInput(
                        "text of 4097 characters after trimming",
                        SocialReportSerde.INSTANCE,
                        REPORT_SCHEMA,
                        JsonDoc.report().with("text", "\" " + "x".repeat(4097) + " \"").json(),
                        InvalidReason.TEXT_TOO_LONG,
                        "text is 4097 characters long",
                        "a schema cannot trim before measuring"),
                report(
                        "blank text",
                        JsonDoc.report().with("text", "\" \\n\\t \""),
                        InvalidReason.INVALID_VALUE,
                        "text is blank"),
                new BadInput(
                        "unpaired surrogate in text",
                        SocialReportSerde.INSTANCE,
                        REPORT_SCHEMA,
                        JsonDoc.report().with("text", "\"broken \\ud83d\"").json(),
                        InvalidReason.INVALID_VALUE,
                        "text contains an unpaired surrogate",
                        "a schema sees code points, not UTF-16 surrogates"),
                report(
                        "source over 64 chars",
                        JsonDoc.report().with("source", "\"" + "s".repeat(65) + "\""),
                        InvalidReason.TEXT_TOO_LONG,
                        "source"),
                report(
                        "lang over 16 chars",
                        JsonDoc.report().with("lang", "\"" + "l".repeat(17) + "\""),
                        InvalidReason.TEXT_TOO_LONG,
                        "lang"),
                status(
                        "upper-case status",
                        JsonDoc.status().with("status", "\"INVESTIGATING\""),
                        InvalidReason.INVALID_VALUE,
                        "status \"INVESTIGATING\" must be one of investigating, identified,"
                                + " monitoring, resolved"),
                status(
                        "unknown impact",
                        JsonDoc.status().with("impact", "\"severe\""),
                        InvalidReason.INVALID_VALUE,
                        "impact \"severe\""),
                status(
                        "blank incident id",
                        JsonDoc.status().with("incidentId", "\"\""),
                        InvalidReason.INVALID_VALUE,
                        "incidentId is blank"),
                status(
                        "mailto url",
                        JsonDoc.status().with("url", "\"mailto:ops@example.com\""),
                        InvalidReason.INVALID_VALUE,
                        "url"),
                new BadInput(
                        "dead letter raw over 8192 bytes",
                        DeadLetterSerde.INSTANCE,
                        DEAD_LETTER_SCHEMA,
                        JsonDoc.deadLetter().with("raw", "\"" + "r".repeat(8193) + "\"").json(),
                        InvalidReason.TEXT_TOO_LONG,
                        "raw is 8193 UTF-8 bytes long",
                        null),
                new BadInput(
                        "dead letter with blank reason",
                        DeadLetterSerde.INSTANCE,
                        DEAD_LETTER_SCHEMA,
                        JsonDoc.deadLetter().with("reason", "\"\"").json(),
                        InvalidReason.INVALID_VALUE,
                        "reason is blank",
                        null));
    }

    private static List<BadInput> ids() {
        String sixtyFive = "a".repeat(65);
        return List.of(
                probe(
                        "upper-case service",
                        JsonDoc.probe().with("service", "\"ChatGPT\""),
                        InvalidReason.INVALID_ID,
                        "service \"ChatGPT\" must match [a-z0-9][a-z0-9._-]{0,63}"),
                probe(
                        "service with a space",
                        JsonDoc.probe().with("service", "\"chat gpt\""),
                        InvalidReason.INVALID_ID,
                        "service \"chat gpt\""),
                probe(
                        "65-character vantage",
                        JsonDoc.probe().with("vantage", "\"" + sixtyFive + "\""),
                        InvalidReason.INVALID_ID,
                        "vantage"),
                probe(
                        "region with leading dot",
                        JsonDoc.probe().with("region", "\".eu\""),
                        InvalidReason.INVALID_ID,
                        "region \".eu\""),
                probe(
                        "empty service",
                        JsonDoc.probe().with("service", "\"\""),
                        InvalidReason.INVALID_ID,
                        "service \"\""),
                report(
                        "upper-case report service",
                        JsonDoc.report().with("service", "\"GitHub\""),
                        InvalidReason.INVALID_ID,
                        "service \"GitHub\""),
                alert(
                        "region with slash",
                        JsonDoc.startedAlert().with("regions", "[\"eu-west\",\"us/east\"]"),
                        InvalidReason.INVALID_ID,
                        "regions[1] \"us/east\""),
                alert(
                        "upper-case failing vantage",
                        JsonDoc.startedAlert()
                                .withNested(
                                        "evidence",
                                        JsonDoc.evidence().with("failingVantages", "[\"FRA\"]")),
                        InvalidReason.INVALID_ID,
                        "evidence.failingVantages[0] \"FRA\""));
    }

    private static List<BadInput> alertInvariants() {
        return List.of(
                alert(
                        "unknown alert type",
                        JsonDoc.startedAlert().with("type", "\"OUTAGE_BEGAN\""),
                        InvalidReason.INVALID_VALUE,
                        "type \"OUTAGE_BEGAN\" must be one of OUTAGE_STARTED, OUTAGE_UPDATED,"
                                + " OUTAGE_RECOVERED"),
                alert(
                        "lower-case severity",
                        JsonDoc.startedAlert().with("severity", "\"major\""),
                        InvalidReason.INVALID_VALUE,
                        "severity \"major\""),
                alert(
                        "recovered without durationSeconds",
                        JsonDoc.recoveredAlert().without("durationSeconds"),
                        InvalidReason.MISSING_FIELD,
                        "durationSeconds (required when type is OUTAGE_RECOVERED)"),
                alert(
                        "recovered without recoveredAt",
                        JsonDoc.recoveredAlert().without("recoveredAt"),
                        InvalidReason.MISSING_FIELD,
                        "recoveredAt"),
                alert(
                        "started without estimate",
                        JsonDoc.startedAlert().without("estimatedDurationSeconds"),
                        InvalidReason.MISSING_FIELD,
                        "estimatedDurationSeconds"),
                alert(
                        "updated without high estimate",
                        JsonDoc.startedAlert()
                                .with("type", "\"OUTAGE_UPDATED\"")
                                .without("estimatedDurationHighSeconds"),
                        InvalidReason.MISSING_FIELD,
                        "estimatedDurationHighSeconds"),
                alert(
                        "recovered with only a median estimate",
                        JsonDoc.recoveredAlert()
                                .without("estimatedDurationLowSeconds")
                                .without("estimatedDurationHighSeconds"),
                        InvalidReason.MISSING_FIELD,
                        "estimatedDurationLowSeconds"),
                alert(
                        "started with recoveredAt",
                        JsonDoc.startedAlert().with("recoveredAt", "\"2023-11-08T15:40:00Z\""),
                        InvalidReason.INVALID_VALUE,
                        "recoveredAt must be absent unless type is OUTAGE_RECOVERED"),
                alert(
                        "negative durationSeconds",
                        JsonDoc.recoveredAlert().with("durationSeconds", "-1"),
                        InvalidReason.INVALID_VALUE,
                        "durationSeconds must be >= 0"),
                alert(
                        "version 0",
                        JsonDoc.startedAlert().with("version", "0"),
                        InvalidReason.INVALID_VALUE,
                        "version must be >= 1"),
                alert(
                        "duplicate region",
                        JsonDoc.startedAlert().with("regions", "[\"eu-west\",\"eu-west\"]"),
                        InvalidReason.INVALID_VALUE,
                        "regions[1] \"eu-west\" is listed twice"),
                alert(
                        "failure rate above 1",
                        JsonDoc.startedAlert()
                                .withNested(
                                        "evidence",
                                        JsonDoc.evidence().with("probeFailureRate", "1.5")),
                        InvalidReason.INVALID_VALUE,
                        "evidence.probeFailureRate"),
                alert(
                        "negative report rate",
                        JsonDoc.startedAlert()
                                .withNested(
                                        "evidence", JsonDoc.evidence().with("reportRate", "-3")),
                        InvalidReason.INVALID_VALUE,
                        "evidence.reportRate"),
                alert(
                        "low estimate above median",
                        JsonDoc.startedAlert().with("estimatedDurationLowSeconds", "6000"),
                        InvalidReason.INVALID_VALUE,
                        "estimatedDurationLowSeconds 6000 exceeds estimatedDurationSeconds 5400",
                        CROSS_FIELD),
                alert(
                        "median above high estimate",
                        JsonDoc.startedAlert().with("estimatedDurationSeconds", "20000"),
                        InvalidReason.INVALID_VALUE,
                        "estimatedDurationSeconds 20000 exceeds estimatedDurationHighSeconds",
                        CROSS_FIELD),
                alert(
                        "time left without its high bound",
                        withTimeLeft(JsonDoc.startedAlert(), "3600", "600", "7200")
                                .without("estimatedRemainingHighSeconds"),
                        InvalidReason.MISSING_FIELD,
                        "estimatedRemainingHighSeconds (required when estimatedRemainingSeconds"
                                + " is present)"),
                alert(
                        "time left with a null low bound",
                        withTimeLeft(JsonDoc.startedAlert(), "3600", "null", "7200"),
                        InvalidReason.MISSING_FIELD,
                        "estimatedRemainingLowSeconds (required when estimatedRemainingSeconds"
                                + " is present)"),
                alert(
                        "time left as a low bound only",
                        JsonDoc.startedAlert().with("estimatedRemainingLowSeconds", "600"),
                        InvalidReason.MISSING_FIELD,
                        "estimatedRemainingSeconds (required when estimatedRemainingLowSeconds"
                                + " is present)"),
                alert(
                        "time left without a total",
                        withTimeLeft(
                                JsonDoc.recoveredAlert()
                                        .without("estimatedDurationSeconds")
                                        .without("estimatedDurationLowSeconds")
                                        .without("estimatedDurationHighSeconds"),
                                "0",
                                "0",
                                "600"),
                        InvalidReason.MISSING_FIELD,
                        "estimatedDurationSeconds (required when estimatedRemainingSeconds is"
                                + " present)"),
                alert(
                        "negative time left",
                        withTimeLeft(JsonDoc.startedAlert(), "3600", "-1", "7200"),
                        InvalidReason.INVALID_VALUE,
                        "estimatedRemainingLowSeconds must be >= 0, got -1"),
                alert(
                        "estimate basis over 256 characters",
                        JsonDoc.startedAlert()
                                .with("estimateBasis", "\"" + "😩".repeat(257) + "\""),
                        InvalidReason.TEXT_TOO_LONG,
                        "estimateBasis is 257 characters long; the maximum is 256"),
                alert(
                        "blank estimate basis",
                        JsonDoc.startedAlert().with("estimateBasis", "\" \\t \""),
                        InvalidReason.INVALID_VALUE,
                        "estimateBasis is blank"),
                alert(
                        "low time left above its median",
                        withTimeLeft(JsonDoc.startedAlert(), "3600", "3601", "7200"),
                        InvalidReason.INVALID_VALUE,
                        "estimatedRemainingLowSeconds 3601 exceeds estimatedRemainingSeconds 3600",
                        CROSS_FIELD),
                alert(
                        "median time left above its high bound",
                        withTimeLeft(JsonDoc.startedAlert(), "7201", "600", "7200"),
                        InvalidReason.INVALID_VALUE,
                        "estimatedRemainingSeconds 7201 exceeds estimatedRemainingHighSeconds"
                                + " 7200",
                        CROSS_FIELD),
                alert(
                        "detected before started",
                        JsonDoc.startedAlert().with("detectedAt", "\"2023-11-08T13:41:00Z\""),
                        InvalidReason.INVALID_VALUE,
                        "detectedAt 2023-11-08T13:41:00Z is before startedAt",
                        CROSS_FIELD),
                alert(
                        "official status of another service",
                        JsonDoc.startedAlert()
                                .withNested(
                                        "officialStatus",
                                        JsonDoc.status().with("service", "\"github\"")),
                        InvalidReason.INVALID_VALUE,
                        "officialStatus.service \"github\"",
                        CROSS_FIELD),
                alert(
                        "vantage both failing and healthy",
                        JsonDoc.startedAlert()
                                .withNested(
                                        "evidence",
                                        JsonDoc.evidence().with("healthyVantages", "[\"fra-1\"]")),
                        InvalidReason.INVALID_VALUE,
                        "evidence.healthyVantages \"fra-1\"",
                        "JSON Schema cannot test two arrays for overlap"),
                alert(
                        "bad official status",
                        JsonDoc.startedAlert()
                                .withNested(
                                        "officialStatus",
                                        JsonDoc.status().with("status", "\"down\"")),
                        InvalidReason.INVALID_VALUE,
                        "officialStatus.status \"down\""));
    }

    /** The document with the three estimates of the time left set to the given raw values. */
    static JsonDoc withTimeLeft(JsonDoc alert, String median, String low, String high) {
        return alert.with("estimatedRemainingSeconds", median)
                .with("estimatedRemainingLowSeconds", low)
                .with("estimatedRemainingHighSeconds", high);
    }

    static JsonDoc validDoc(String schema) {
        return switch (schema) {
            case PROBE_SCHEMA -> JsonDoc.probe();
            case REPORT_SCHEMA -> JsonDoc.report();
            case STATUS_SCHEMA -> JsonDoc.status();
            case ALERT_SCHEMA -> JsonDoc.startedAlert();
            case DEAD_LETTER_SCHEMA -> JsonDoc.deadLetter();
            default -> throw new IllegalArgumentException(schema);
        };
    }

    static EventSerde<?> serdeFor(String schema) {
        return switch (schema) {
            case PROBE_SCHEMA -> ProbeResultSerde.INSTANCE;
            case REPORT_SCHEMA -> SocialReportSerde.INSTANCE;
            case STATUS_SCHEMA -> StatusUpdateSerde.INSTANCE;
            case ALERT_SCHEMA -> AlertSerde.INSTANCE;
            case DEAD_LETTER_SCHEMA -> DeadLetterSerde.INSTANCE;
            default -> throw new IllegalArgumentException(schema);
        };
    }
}
