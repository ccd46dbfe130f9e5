package id.serambi.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 point 4: every operation of the OpenAPI document, present and future, is sent malformed input (garbage
 * path and query parameters; bodies with wrong types, missing and unknown fields, 1 MB strings, Unicode edge cases,
 * overflowing numbers, SQL and HTML; invalid JSON and wrong content types) by a caller with the role it needs, so
 * that validation is really reached. Never a 5xx, every 4xx is problem+json, and a rejected write changes no table.
 */
@QuarkusTest
class OpenApiFuzzTest {

    /** The floor that keeps this test from silently trying nothing. */
    private static final int MIN_CASES = 2500;

    /**
     * Tables that may change while a rejection is answered: a failed login is counted for throttling; and after an
     * accepted message to registrants, the background sender (event/messaging/EventMessageSender) goes on claiming its
     * recipients and minting their manage links while the next, rejected cases of that operation run. The message
     * itself ({@code event_message}) is still checked.
     */
    private static final Map<String, Set<String>> WRITES_ON_REJECTION = Map.of(
            "POST /api/auth/login", Set.of("login_failure"),
            "POST /api/events/{id}/messages", Set.of("event_message_recipient", "registration_token"));

    private static final String MEGABYTE = "a".repeat(1024 * 1024);

    private static final List<String> PATH_GARBAGE = List.of("abc", "-1", "99999999999999999999", "%00",
            "%C3%28%F0%9F%98%80%E2%80%AE", "%27%20OR%201%3D1--", "x".repeat(3000));

    private static final List<String> QUERY_GARBAGE = List.of("abc", "-1", "99999999999999999999", "%00",
            "%C3%28%E2%80%AE%F0%9F%98%80", "%27%20OR%201%3D1--", "x".repeat(3000), "");

    /** Raw JSON values by the kind of property they are aimed at. */
    private static final List<String> ANY_WRONG = List.of("null", "{}", "[]");
    private static final List<String> STRING_WRONG = List.of("12345", "true");
    private static final List<String> STRINGS = List.of(
            "\"" + MEGABYTE + "\"", "\"\\ud800\"", "\"a\\u0000b\"", "\"\\u202egnp.exe\"",
            "\"a\\u200b\\u200d\\ufeffb\"", "\"\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\"",
            "\"Z\u0351\u0334\u0362a\u0337\u0315l\u0336g\u0489o\"",
            "\"' OR 1=1--\"", "\"'; DROP TABLE app_user;--\"", "\"<script>alert(1)</script><img src=x onerror=alert(1)>\"");
    private static final List<String> ENUM_EXTRA = List.of("\"NOT_A_VALUE\"", "\"a\\u0000b\"");
    private static final List<String> DATES = List.of("\"2026-13-45\"", "\"kemarin\"", "\"2026-02-30\"",
            "\"+999999999-12-31\"", "\"-999999999-01-01\"", "\"-999999999-01-01T00:00:00Z\"", "\"2026-12-01T25:61:00Z\"", "1700000000",
            "\"2026-12-01\\u0000\"");
    private static final List<String> NUMBERS = List.of("1e309", "9223372036854775808", "-9223372036854775809",
            "2147483648", "-1", "0", "1.5", "1e-400", "\"abc\"");
    private static final List<String> BOOLEANS = List.of("\"yes\"", "2");
    private static final List<String> ARRAYS = List.of("\"x\"", "[null]", "[" + "\"x\",".repeat(5000) + "\"x\"]");
    private static final List<String> OBJECTS = List.of("\"x\"");

    @Inject
    AgroalDataSource db;

    private World world;
    private ApiDocument doc;
    private Probe.Tables tables;
    private Map<String, String> before;
    private int cases;
    private long fingerprintNanos;
    private final Map<String, Long> nanosByOperation = new HashMap<>();
    /** Set while the case can only be answered with a 4xx (a path parameter that names nothing). */
    private boolean mustReject;
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    @Test
    void everyOperationRejectsMalformedInputCleanly() {
        long started = System.nanoTime();
        world = World.seed(db);
        doc = ApiDocument.load();
        tables = new Probe.Tables(db);
        int operations = 0;
        for (ApiDocument.Op op : doc.operations) {
            if (op.name().equals("DELETE /api/me") || op.name().equals("POST /api/me/logout-everywhere")) {
                // Take no input at all, and would end the fuzzing caller's token: erasing the caller is covered by
                // PersonalDataTest, logging out everywhere by TokenRevocationTest.
                continue;
            }
            operations++;
            String bearer = callerFor(op);
            pathCases(op, bearer);
            queryCases(op, bearer);
            headerCases(op, bearer);
            bodyCases(op, bearer);
            if (op.name().equals("POST /api/events/{id}/messages")) {
                awaitMessageSender();
            }
        }
        System.out.printf("[fuzz] %d operations, %d cases in %d s (%d s of it checking the tables); statuses %s%n",
                operations, cases, Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                Duration.ofNanos(fingerprintNanos).toSeconds(), statuses);
        nanosByOperation.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf("[fuzz]   %5d ms  %s%n", e.getValue() / 1_000_000, e.getKey()));
        assertTrue(cases >= MIN_CASES, "only " + cases + " fuzz cases ran");
        assertEquals(List.of(), failures.stream().limit(60).toList(), failures.size() + " failures in " + cases + " cases");
    }

    private String callerFor(ApiDocument.Op op) {
        Set<String> roles = op.roles();
        if (roles == null) {
            return null;
        }
        if (roles.isEmpty() || roles.contains("MEMBER")) {
            return world.token("MEMBER");
        }
        return world.token(roles.contains("ADMIN") ? "ADMIN" : roles.iterator().next());
    }

    // ---- path, query and header parameters ----

    private void pathCases(ApiDocument.Op op, String bearer) {
        for (JsonNode param : op.parameters("path")) {
            String name = param.path("name").asText();
            for (String garbage : PATH_GARBAGE) {
                String path = world.realPath(op.path().replace("{" + name + "}", "\u0001")).replace("\u0001", garbage);
                mustReject = true;
                run(op, "path " + name + "=" + abbreviate(garbage), path, bearer, defaultContentType(op),
                        defaultBody(op), Map.of());
                mustReject = false;
            }
        }
    }

    private void queryCases(ApiDocument.Op op, String bearer) {
        for (JsonNode param : op.parameters("query")) {
            String name = param.path("name").asText();
            for (String garbage : QUERY_GARBAGE) {
                run(op, "query " + name + "=" + abbreviate(garbage), world.realPath(op.path()) + "?" + name + "=" + garbage,
                        bearer, null, null, Map.of());
            }
            run(op, "query " + name + " twice", world.realPath(op.path()) + "?" + name + "=1&" + name + "=abc",
                    bearer, null, null, Map.of());
        }
    }

    private void headerCases(ApiDocument.Op op, String bearer) {
        for (JsonNode param : op.parameters("header")) {
            String name = param.path("name").asText();
            for (String garbage : List.of("abc", "\"-1\"", "W/\"99999999999999999999\"", "*", "\"\"", "x".repeat(3000))) {
                run(op, "header " + name + "=" + abbreviate(garbage), world.realPath(op.path()), bearer,
                        defaultContentType(op), defaultBody(op), Map.of(name, garbage));
            }
        }
    }

    // ---- request bodies ----

    private void bodyCases(ApiDocument.Op op, String bearer) {
        Map<String, JsonNode> content = op.requestContent();
        if (content.isEmpty()) {
            return;
        }
        String path = world.realPath(op.path());
        boolean anyJson = false;
        for (var entry : content.entrySet()) {
            String type = entry.getKey();
            if (type.contains("json")) {
                if (!anyJson) {
                    jsonBodyCases(op, bearer, path, type, entry.getValue());
                }
                anyJson = true;
            } else {
                rawBodyCases(op, bearer, path, type);
            }
        }
        byte[] valid = defaultBody(op);
        for (String wrongType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            if (!content.containsKey(wrongType)) {
                run(op, "content type " + wrongType, path, bearer, wrongType, valid, Map.of());
            }
        }
        run(op, "no content type", path, bearer, null, valid, Map.of());
    }

    private void jsonBodyCases(ApiDocument.Op op, String bearer, String path, String type, JsonNode content) {
        JsonNode schema = doc.resolve(content.path("schema"));
        ObjectNode base = world.exampleBody(content);
        for (String raw : List.of("", "{", "not json", "[]", "null", "42", "{\"a\":1,}", "{\"a\":NaN}",
                "[".repeat(100_000), "{\"a\":".repeat(20_000))) {
            run(op, "raw body " + abbreviate(raw), path, bearer, type, raw.getBytes(StandardCharsets.UTF_8), Map.of());
        }
        run(op, "invalid UTF-8", path, bearer, type, invalidUtf8(base), Map.of());
        run(op, "UTF-16 body", path, bearer, type, base.toString().getBytes(StandardCharsets.UTF_16), Map.of());
        run(op, "empty object", path, bearer, type, bytes("{}"), Map.of());
        ObjectNode unknown = base.deepCopy();
        unknown.put("unexpectedField", "x");
        unknown.put("role", "ADMIN");
        unknown.put("id", 1);
        run(op, "unknown fields", path, bearer, type, bytes(unknown.toString()), Map.of());
        run(op, "duplicate keys", path, bearer, type,
                bytes(base.toString().replaceFirst("^\\{", "{\"dup\":1,\"dup\":2,")), Map.of());
        mutateProperties(op, bearer, path, type, base, base, schema, "", 0);
    }

    /** Mutates each property of {@code target} (a node inside {@code base}), one at a time, recursing into objects. */
    private void mutateProperties(ApiDocument.Op op, String bearer, String path, String type, ObjectNode base,
            ObjectNode target, JsonNode schema, String prefix, int depth) {
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        var properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            var property = properties.next();
            String name = property.getKey();
            JsonNode propertySchema = doc.resolve(property.getValue());
            String field = prefix + name;
            JsonNode original = target.get(name);
            if (required.contains(name)) {
                target.remove(name);
                run(op, "missing " + field, path, bearer, type, bytes(base.toString()), Map.of());
                restore(target, name, original);
            }
            for (String raw : depth == 0 ? valuesFor(propertySchema) : nestedValuesFor(propertySchema)) {
                target.put(name, "@@RAW@@");
                String json = base.toString().replace("\"@@RAW@@\"", raw);
                run(op, field + "=" + abbreviate(raw), path, bearer, type, bytes(json), Map.of());
            }
            restore(target, name, original);
            if (depth < 2) {
                JsonNode nested = null;
                JsonNode nestedSchema = null;
                String nestedPrefix = field + ".";
                if (isObject(propertySchema) && original instanceof ObjectNode) {
                    nested = original;
                    nestedSchema = propertySchema;
                } else if ("array".equals(propertySchema.path("type").asText()) && original instanceof ArrayNode array
                        && !array.isEmpty() && array.get(0) instanceof ObjectNode) {
                    nested = array.get(0);
                    nestedSchema = doc.resolve(propertySchema.path("items"));
                    nestedPrefix = field + "[0].";
                }
                if (nested != null) {
                    mutateProperties(op, bearer, path, type, base, (ObjectNode) nested, nestedSchema, nestedPrefix, depth + 1);
                }
            }
        }
    }

    private static void restore(ObjectNode target, String name, JsonNode original) {
        if (original == null) {
            target.remove(name);
        } else {
            target.set(name, original);
        }
    }

    private static boolean isObject(JsonNode schema) {
        return "object".equals(schema.path("type").asText()) || schema.has("properties");
    }

    private static List<String> valuesFor(JsonNode schema) {
        List<String> values = new ArrayList<>(ANY_WRONG);
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        if (schema.has("enum")) {
            values.addAll(STRING_WRONG);
            values.addAll(ENUM_EXTRA);
        } else if (format.equals("date") || format.equals("date-time")) {
            values.addAll(STRING_WRONG);
            values.addAll(DATES);
        } else if (type.equals("string")) {
            values.addAll(STRING_WRONG);
            values.addAll(STRINGS);
        } else if (type.equals("integer") || type.equals("number")) {
            values.addAll(NUMBERS);
        } else if (type.equals("boolean")) {
            values.addAll(BOOLEANS);
        } else if (type.equals("array")) {
            values.addAll(ARRAYS);
            JsonNode items = schema.path("items");
            if (items.path("type").asText().equals("string") || items.has("$ref")) {
                values.add("[\"a\\u0000b\"]");
                values.add("[\"" + MEGABYTE + "\"]");
            }
        } else if (isObject(schema)) {
            values.addAll(OBJECTS);
        } else {
            values.addAll(STRINGS.subList(0, 5));
        }
        return values;
    }

    /** Inside nested objects, fewer values: the same validation code has already seen the full set at the top. */
    private static List<String> nestedValuesFor(JsonNode schema) {
        List<String> all = valuesFor(schema);
        List<String> some = new ArrayList<>(List.of("null", "[]"));
        for (String value : List.of("\"a\\u0000b\"", "\"" + MEGABYTE + "\"", "1e309", "9223372036854775808", "-1",
                "\"2026-13-45\"", "\"NOT_A_VALUE\"")) {
            if (all.contains(value)) {
                some.add(value);
            }
        }
        return some;
    }

    private void rawBodyCases(ApiDocument.Op op, String bearer, String path, String type) {
        List<byte[]> bodies = new ArrayList<>();
        for (String text : List.of("", "\u0000\u0000", "not,csv\n\"unterminated", "a".repeat(1024 * 1024),
                "variantId,impressions\n99999999999999999999,1e309\n-1,-1\n", "variantId,impressions\n' OR 1=1--,<script>\n",
                "variantId,impressions\n1\u0000,2\n", "\uFEFF\u202e,\ud83d\udc68\u200d\ud83d\udc69\n")) {
            bodies.add(bytes(text));
        }
        bodies.add(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n' });
        for (byte[] body : bodies) {
            run(op, "raw " + type + " " + abbreviate(new String(body, StandardCharsets.UTF_8)), path, bearer, type,
                    body, Map.of());
        }
        if (type.startsWith("multipart/")) {
            run(op, "multipart with a boundary and garbage", path, bearer, type + "; boundary=XyZ",
                    bytes("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n\u0000\u0000\r\n--XyZ"),
                    Map.of());
        }
    }

    private byte[] defaultBody(ApiDocument.Op op) {
        return world.exampleBody(op);
    }

    private static String defaultContentType(ApiDocument.Op op) {
        return op.jsonContentType();
    }

    // ---- one case ----

    private void run(ApiDocument.Op op, String label, String target, String bearer, String contentType, byte[] body,
            Map<String, String> headers) {
        boolean write = !op.method().equals("GET");
        Map<String, String> allHeaders = new HashMap<>(headers);
        allHeaders.put("X-Forwarded-For", "10.77.0." + (1 + cases % 200));
        if (op.parameters("header").stream().anyMatch(p -> p.path("name").asText().equals("If-Match"))
                && !headers.containsKey("If-Match")) {
            String etag = currentEtag(world.realPath(op.path()), bearer);
            if (etag != null) {
                allHeaders.put("If-Match", etag);
            }
        }
        if (write && before == null) {
            before = snapshot();
        }
        long sent = System.nanoTime();
        Probe.Answer answer = Probe.send(op.method(), target, bearer, contentType, body, allHeaders, 0);
        nanosByOperation.merge(op.name(), System.nanoTime() - sent, Long::sum);
        cases++;
        statuses.merge(answer.status() / 100 + "xx", 1, Integer::sum);
        String where = op.name() + " [" + label + "]";
        if (answer.status() >= 500) {
            failures.add(where + " -> " + answer.status() + " " + answer.shortBody());
        } else if (mustReject && answer.status() < 400) {
            failures.add(where + " -> " + answer.status() + " although nothing has this id: " + answer.shortBody());
        } else if (answer.status() >= 400 && !answer.isProblem()) {
            failures.add(where + " -> " + answer.status() + " not problem+json: " + answer.contentType() + " "
                    + answer.shortBody());
        }
        if (write && answer.status() >= 400) {
            Map<String, String> after = snapshot();
            List<String> changed = Probe.Tables.changed(before, after);
            Set<String> allowed = WRITES_ON_REJECTION.getOrDefault(op.name(), Set.of());
            changed.removeIf(table -> allowed.contains(table.substring(0, table.indexOf(' '))));
            if (!changed.isEmpty()) {
                failures.add(where + " -> " + answer.status() + " but wrote " + changed);
            }
            before = after;
        } else {
            before = null;
        }
    }

    /**
     * Lets the background sender finish the messages the accepted cases queued, so that its writes are not taken for
     * the next operation's (the flake of RELIABILITY 16: publish cases "wrote" event_message_recipient).
     */
    private void awaitMessageSender() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = db.getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT count(*) FROM event_message_recipient WHERE state IN ('PENDING', 'SENDING')")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
                Thread.sleep(200);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Map<String, String> snapshot() {
        long start = System.nanoTime();
        Map<String, String> state = tables.snapshot();
        fingerprintNanos += System.nanoTime() - start;
        return state;
    }

    private static String currentEtag(String path, String bearer) {
        return io.restassured.RestAssured.given().auth().oauth2(bearer).get(path).header("ETag");
    }

    // ---- helpers ----

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] invalidUtf8(ObjectNode base) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] json = base.toString().getBytes(StandardCharsets.UTF_8);
        int quote = base.toString().indexOf(":\"");
        if (quote < 0) {
            out.writeBytes(bytes("{\"text\":\""));
            out.writeBytes(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF });
            out.writeBytes(bytes("\"}"));
            return out.toByteArray();
        }
        out.write(json, 0, quote + 2);
        out.writeBytes(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE });
        out.write(json, quote + 2, json.length - quote - 2);
        return out.toByteArray();
    }

    private static String abbreviate(String value) {
        String shown = value.length() > 40 ? value.substring(0, 20) + "...(" + value.length() + " chars)" : value;
        return shown.replace("\u0000", "\\0");
    }
}
