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

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
