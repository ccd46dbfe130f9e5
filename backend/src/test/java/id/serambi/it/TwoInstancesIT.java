package id.serambi.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invariants that must hold with several replicas: run against two packaged backends sharing one database
 * (failsafe, after `package`).
 */
class TwoInstancesIT {

    private static TwoInstances pair;

    @BeforeAll
    static void start() throws Exception {
        pair = TwoInstances.start(8091, 8092);
    }

    @AfterAll
    static void stop() {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void aTokenIssuedByOneInstanceIsAcceptedByTheOther() {
        String token = pair.adminToken(pair.portA);
        given().baseUri(pair.url(pair.portB)).auth().oauth2(token).get("/api/me").then()
                .statusCode(200).body("email", equalTo(TwoInstances.ADMIN_EMAIL)).body("role", equalTo("ADMIN"));
    }

    @Test
    void capacityHoldsWith200RegistrationsSpreadOverTwoInstances() throws Exception {
        String staff = pair.adminToken(pair.portA);
        Instant start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> event = Map.of(
                "title", "Seminar Literasi Digital: Mengenali Hoaks",
                "description", "Bersama pustakawan Perpustakaan Kota Banjarbaru.",
                "type", "SEMINAR", "audience", "ALL", "language", "id",
                "startsAt", start.toString(), "endsAt", start.plus(2, ChronoUnit.HOURS).toString(),
                "platform", "ZOOM", "joinUrl", "https://zoom.us/j/9876543210", "capacity", 50);
        long id = given().baseUri(pair.url(pair.portA)).auth().oauth2(staff).contentType(ContentType.JSON)
                .body(event).post("/api/events").then().statusCode(201).extract().jsonPath().getLong("id");
        given().baseUri(pair.url(pair.portB)).auth().oauth2(staff).post("/api/events/" + id + "/publish")
                .then().statusCode(200);

        ExecutorService clients = Executors.newFixedThreadPool(32);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String base = pair.url(i % 2 == 0 ? pair.portA : pair.portB);
                String email = "peserta" + i + "@it.serambi.id";
                calls.add(() -> given().baseUri(base).contentType(ContentType.JSON)
                        .body(Map.of("name", "Peserta " + email, "email", email))
                        .post("/api/events/" + id + "/registrations").statusCode());
            }
            for (Future<Integer> f : clients.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            clients.shutdown();
        }
        assertEquals(200, statuses.stream().filter(s -> s == 201).count(), statuses.toString());

        try (Connection db = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + TwoInstances.DB, "serambi", "serambi")) {
            assertEquals(50, count(db, "SELECT count(*) FROM registration WHERE event_id = " + id
                    + " AND status = 'CONFIRMED'"));
            assertEquals(150, count(db, "SELECT count(*) FROM registration WHERE event_id = " + id
                    + " AND status = 'WAITLISTED'"));
        }
        given().baseUri(pair.url(pair.portB)).get("/api/events/" + id).then().statusCode(200)
                .body("seatsLeft", equalTo(0));
        assertTrue(statuses.stream().noneMatch(s -> s >= 500));
    }

    @Test
    void aLogPostedToOneInstanceMovesTheLeaderboardStreamOpenOnTheOther() throws Exception {
        String staff = pair.adminToken(pair.portA);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Makassar"));
        Map<String, Object> challenge = Map.of("title", "Pekan Literasi Dua Instans", "audience", "ALL",
                "startsOn", today.minusDays(3).toString(), "endsOn", today.plusDays(3).toString(),
                "goalType", "PAGES", "goalValue", 1000, "pointsPerPage", 1);
        long id = given().baseUri(pair.url(pair.portA)).auth().oauth2(staff).contentType(ContentType.JSON)
                .body(challenge).post("/api/challenges").then().statusCode(201).extract().jsonPath().getLong("id");
        given().baseUri(pair.url(pair.portB)).auth().oauth2(staff).post("/api/challenges/" + id + "/publish")
                .then().statusCode(200);
        given().baseUri(pair.url(pair.portA)).contentType(ContentType.JSON).body(Map.of("email", "remaja@it.serambi.id",
                "password", "rahasia-sekali-123", "displayName", "Remaja Dua", "birthYear", 2010))
                .post("/api/auth/register").then().statusCode(201);
        String teen = given().baseUri(pair.url(pair.portA)).contentType(ContentType.JSON)
                .body(Map.of("email", "remaja@it.serambi.id", "password", "rahasia-sekali-123"))
                .post("/api/auth/login").then().statusCode(200).extract().jsonPath().getString("token");
        given().baseUri(pair.url(pair.portA)).auth().oauth2(teen).contentType(ContentType.JSON)
                .body(Map.of("nickname", "LintasInstans")).post("/api/challenges/" + id + "/participants")
                .then().statusCode(201);

        try (id.serambi.support.SseClient onB = new id.serambi.support.SseClient(
                pair.url(pair.portB) + "/api/challenges/" + id + "/leaderboard/stream")) {
            var first = onB.nextData(java.time.Duration.ofSeconds(10));
            org.junit.jupiter.api.Assertions.assertNotNull(first, "B streams the current board at once");
            given().baseUri(pair.url(pair.portA)).auth().oauth2(teen).contentType(ContentType.JSON)
                    .body(Map.of("title", "Bumi Manusia", "author", "Pramoedya Ananta Toer", "pages", 77,
                            "readOn", today.toString()))
                    .post("/api/challenges/" + id + "/logs").then().statusCode(201);
            String seen = first.data();
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            while (!seen.contains("\"points\":77") && System.nanoTime() < deadline) {
                var next = onB.nextData(java.time.Duration.ofSeconds(1));
                if (next != null) {
                    seen = next.data();
                }
            }
            assertTrue(seen.contains("\"nickname\":\"LintasInstans\",\"points\":77"), seen);
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
