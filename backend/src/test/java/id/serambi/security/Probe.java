package id.serambi.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw HTTP for the security tests (bodies as bytes, any Content-Type, streams closed after their headers) and a
 * fingerprint of every application table, to prove that a rejected request wrote nothing.
 */
final class Probe {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String contentType, String body) {

        boolean isProblem() {
            if (!contentType.startsWith("application/problem+json")) {
                return false;
            }
            try {
                JsonNode problem = ApiDocument.JSON.readTree(body);
                return problem.path("status").asInt() == status && problem.path("title").isTextual()
                        && !problem.path("title").asText().isBlank();
            } catch (IOException e) {
                return false;
            }
        }

        String shortBody() {
            return body.length() > 300 ? body.substring(0, 300) + "..." : body;
        }
    }

    private Probe() {
    }

    static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    /**
     * Sends one request. {@code target} is the path and query, already percent-encoded. A text/event-stream answer
     * is closed after its headers unless {@code streamMillis} asks to read it for a while.
     */
    static Answer send(String method, String target, String bearer, String contentType, byte[] body,
            Map<String, String> headers, long streamMillis) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + target))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream in = response.body()) {
                String text;
                if (type.startsWith("text/event-stream")) {
                    text = streamMillis > 0 ? readFor(in, streamMillis) : "";
                } else {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                return new Answer(response.statusCode(), type, text);
            }
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer send(String method, String target, String bearer, String contentType, String body) {
        return send(method, target, bearer, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                Map.of(), 0);
    }

    /** Reads an event stream for a while on another thread, then closes it. */
    private static String readFor(InputStream in, long millis) {
        StringBuilder text = new StringBuilder();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    synchronized (text) {
                        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                // closed below
            }
        }, "security-sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            reader.join(millis);
            in.close();
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // already closed
        }
        synchronized (text) {
            return text.toString();
        }
    }

    /** Row count and newest row version (xmin) of every application table: any insert, update or delete moves it. */
    static final class Tables {

        private final AgroalDataSource db;
        private final String query;

        Tables(AgroalDataSource db) {
            this.db = db;
            List<String> names = new ArrayList<>();
            try (Connection c = db.getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                            + " AND tablename <> 'flyway_schema_history' ORDER BY tablename")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            if (names.size() < 10) {
                throw new AssertionError("expected the application's tables, found " + names);
            }
            query = String.join(" UNION ALL ", names.stream().map(t -> "SELECT '" + t + "', count(*), "
                    + "coalesce(max(xmin::text::bigint), 0) FROM \"" + t + "\"").toList());
        }

        Map<String, String> snapshot() {
            Map<String, String> state = new LinkedHashMap<>();
            try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
                while (rs.next()) {
                    state.put(rs.getString(1), rs.getLong(2) + " rows, xmin " + rs.getLong(3));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return state;
        }

        /** The tables whose fingerprint differs. */
        static List<String> changed(Map<String, String> before, Map<String, String> after) {
            List<String> changed = new ArrayList<>();
            after.forEach((table, state) -> {
                if (!state.equals(before.get(table))) {
                    changed.add(table + " (" + before.get(table) + " -> " + state + ")");
                }
            });
            return changed;
        }
    }
}
