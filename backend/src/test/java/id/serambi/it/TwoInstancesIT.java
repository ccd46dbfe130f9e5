package id.serambi.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Invariants that must hold with several replicas: run against two packaged backends sharing one database
 * (failsafe, after `package`).
 */
class TwoInstancesIT extends OnTwoInstances {

    @Test
    void aTokenIssuedByOneInstanceIsAcceptedByTheOther() {
        String token = pair.adminToken(pair.portA);
        given().baseUri(pair.url(pair.portB)).auth().oauth2(token).get("/api/me").then()
                .statusCode(200).body("email", equalTo(TwoInstances.ADMIN_EMAIL)).body("role", equalTo("ADMIN"));
    }

    /**
     * Issue 13, finding 1: a role change made through one instance ends the old tokens on the other within a second
     * (the database's NOTIFY makes every instance forget the account), though the other had the account in memory.
     */
    @Test
    void aRoleChangeOrLogOutEverywhereOnOneInstanceEndsOldTokensOnTheOtherWithinOneSecond() throws Exception {
        String admin = pair.adminToken(pair.portA);
        long event = publishedEvent("Bedah Buku: Bumi Manusia", Instant.now().plus(20, ChronoUnit.DAYS), 20);
        String email = "staf-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@it.serambi.id";
        given().baseUri(pair.url(pair.portA)).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "kata-sandi-staf-1", "displayName", "Staf Sementara",
                        "birthYear", 1990))
                .post("/api/auth/register").then().statusCode(org.hamcrest.Matchers.oneOf(201, 202));
        long id;
        try (Connection db = database()) {
            id = count(db, "SELECT id FROM app_user WHERE email = '" + email + "'");
        }
        given().baseUri(pair.url(pair.portA)).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("role", "STAFF")).put("/api/users/" + id + "/role").then().statusCode(200);
        String staff = given().baseUri(pair.url(pair.portB)).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "kata-sandi-staf-1")).post("/api/auth/login")
                .then().statusCode(200).extract().jsonPath().getString("token");
        String otherDevice = given().baseUri(pair.url(pair.portA)).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "kata-sandi-staf-1")).post("/api/auth/login")
                .then().statusCode(200).extract().jsonPath().getString("token");
        for (int i = 0; i < 5; i++) { // instance B now knows the account
            given().baseUri(pair.url(pair.portB)).auth().oauth2(staff)
                    .get("/api/events/" + event + "/registrations").then().statusCode(200);
        }

        given().baseUri(pair.url(pair.portA)).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("role", "MEMBER")).put("/api/users/" + id + "/role").then().statusCode(200);
        long demotedMillis = millisUntilRefusedOnB(staff, "/api/events/" + event + "/registrations");
        System.out.printf("[it] instance B refused the demoted staff token %d ms after the change on A%n", demotedMillis);
        assertTrue(demotedMillis <= 1000, "the old staff token still worked on B " + demotedMillis + " ms after");

        // "Log out everywhere" on A ends the token B has been accepting.
        String member = given().baseUri(pair.url(pair.portB)).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "kata-sandi-staf-1")).post("/api/auth/login")
                .then().statusCode(200).extract().jsonPath().getString("token");
        given().baseUri(pair.url(pair.portB)).auth().oauth2(member).get("/api/me").then().statusCode(200)
                .body("role", equalTo("MEMBER"));
        given().baseUri(pair.url(pair.portA)).auth().oauth2(member).post("/api/me/logout-everywhere").then()
                .statusCode(204);
        long loggedOutMillis = millisUntilRefusedOnB(member, "/api/me");
        System.out.printf("[it] instance B refused the logged-out token %d ms after the change on A%n", loggedOutMillis);
        assertTrue(loggedOutMillis <= 1000, "the token still worked on B " + loggedOutMillis + " ms after");
        given().baseUri(pair.url(pair.portB)).auth().oauth2(otherDevice).get("/api/me").then().statusCode(401);
    }

    /** How long after now instance B goes on accepting the token (polls every 10 ms, gives up after 5 s). */
    private static long millisUntilRefusedOnB(String token, String path) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 5_000_000_000L) {
            int status = given().baseUri(pair.url(pair.portB)).auth().oauth2(token).get(path).then().extract()
                    .statusCode();
            if (status == 401) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Long.MAX_VALUE;
    }

    @Test
    void capacityHoldsWith200RegistrationsSpreadOverTwoInstances() throws Exception {
        long id = publishedEvent("Seminar Literasi Digital: Mengenali Hoaks",
                Instant.now().plus(30, ChronoUnit.DAYS), 50);

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
        assertEquals(200, statuses.stream().filter(s -> s == 202).count(), statuses.toString());

        try (Connection db = database()) {
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
        java.time.LocalDate today = java.time.LocalDate.now(id.serambi.support.Wita.ZONE);
        long id = publishedChallenge("Pekan Literasi Dua Instans", Map.of());
        given().baseUri(pair.url(pair.portA)).contentType(ContentType.JSON).body(Map.of("email", "remaja@it.serambi.id",
                "password", "rahasia-sekali-123", "displayName", "Remaja Dua", "birthYear", 2010))
                .post("/api/auth/register").then().statusCode(202);
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

    @Test
    void pointsEqualTheSumOfValidLogsWhenOneTeensLogsArriveOnBothInstancesAtOnce() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(id.serambi.support.Wita.ZONE);
        long id = publishedChallenge("Maraton Baca Dua Instans", Map.of("maxPagesPerDay", 100));
        int teens = 4;
        int logsEach = 16; // 10 pages each against a cap of 100 pages a day: exactly 10 may count
        List<String> tokens = new ArrayList<>();
        for (int t = 0; t < teens; t++) {
            String base = pair.url(t % 2 == 0 ? pair.portA : pair.portB);
            String email = "pembaca" + t + "@it.serambi.id";
            given().baseUri(base).contentType(ContentType.JSON).body(Map.of("email", email, "password",
                    "rahasia-sekali-123", "displayName", "Pembaca " + t, "birthYear", 2010))
                    .post("/api/auth/register").then().statusCode(202);
            String token = given().baseUri(base).contentType(ContentType.JSON)
                    .body(Map.of("email", email, "password", "rahasia-sekali-123"))
                    .post("/api/auth/login").then().statusCode(200).extract().jsonPath().getString("token");
            given().baseUri(base).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("nickname", "Maraton" + t)).post("/api/challenges/" + id + "/participants")
                    .then().statusCode(201);
            tokens.add(token);
        }

        ExecutorService clients = Executors.newFixedThreadPool(32);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int t = 0; t < teens; t++) {
            for (int i = 0; i < logsEach; i++) {
                String base = pair.url(i % 2 == 0 ? pair.portA : pair.portB);
                String token = tokens.get(t);
                int n = i;
                // A 503 (no connection within the acquisition timeout, on a machine loaded by other work) is the
                // documented "try again" answer that stores nothing: the client retries it, as the SPA's users would.
                calls.add(() -> {
                    int status = 503;
                    for (int attempt = 0; attempt < 5 && status == 503; attempt++) {
                        if (attempt > 0) {
                            Thread.sleep(1000);
                        }
                        status = given().baseUri(base).auth().oauth2(token).contentType(ContentType.JSON)
                                .body(Map.of("title", "Cantik Itu Luka, bab " + n, "author", "Eka Kurniawan", "pages",
                                        10, "readOn", today.toString()))
                                .post("/api/challenges/" + id + "/logs").statusCode();
                    }
                    return status;
                });
            }
        }
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : clients.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            clients.shutdown();
        }
        assertEquals(teens * 10, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s >= 400 && s < 500), statuses.toString());

        try (Connection db = database()) {
            for (int t = 0; t < teens; t++) {
                String participant = "(SELECT id FROM participant WHERE challenge_id = " + id + " AND nickname = 'Maraton"
                        + t + "')";
                long points = count(db, "SELECT points FROM participant WHERE id = " + participant);
                assertEquals(count(db, "SELECT coalesce(sum(points), 0) FROM reading_log WHERE status = 'VALID'"
                        + " AND participant_id = " + participant), points, "points = the sum of valid logs");
                assertEquals(100, points, "the daily cap holds across instances");
            }
        }
        // Both instances' live boards agree with the database (NOTIFY reached each of them).
        for (int port : new int[] { pair.portA, pair.portB }) {
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            List<Integer> points;
            do {
                points = given().baseUri(pair.url(port)).get("/api/challenges/" + id + "/leaderboard?limit=10")
                        .then().statusCode(200).extract().jsonPath().getList("entries.points", Integer.class);
            } while (!points.equals(List.of(100, 100, 100, 100)) && System.nanoTime() < deadline && pause());
            assertEquals(List.of(100, 100, 100, 100), points, "board on port " + port);
        }
    }

    @Test
    void eachReminderIsSentExactlyOnceWhileBothInstancesRunTheReminderJob() throws Exception {
        String title = "Bincang Penulis Banua " + System.nanoTime();
        long id = publishedEvent(title, Instant.now().plus(3, ChronoUnit.HOURS), 100); // the day-before reminder is due
        int patrons = 40;
        for (int i = 0; i < patrons; i++) {
            given().baseUri(pair.url(i % 2 == 0 ? pair.portA : pair.portB)).contentType(ContentType.JSON)
                    .body(Map.of("name", "Pendengar " + i, "email", "pendengar" + i + "@it.serambi.id"))
                    .post("/api/events/" + id + "/registrations").then().statusCode(202);
        }
        // Both instances run the job every second; wait until every reminder is claimed, then a little longer.
        try (Connection db = database()) {
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while (count(db, "SELECT count(*) FROM registration WHERE event_id = " + id
                    + " AND reminder_sent_at IS NULL") > 0 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertEquals(0, count(db, "SELECT count(*) FROM registration WHERE event_id = " + id
                    + " AND reminder_sent_at IS NULL"), "every reminder was claimed");
        }
        Thread.sleep(3000);
        // MailOut logs each e-mail it drops: both logs together are everything that would have gone out.
        String subject = "E-mail dropped (mock mailer): \"Pengingat: " + title;
        List<String> sent = new ArrayList<>();
        for (String instance : List.of("a", "b")) {
            TwoInstances.log(instance).lines().filter(l -> l.contains(subject)).forEach(sent::add);
        }
        for (int i = 0; i < patrons; i++) {
            String to = "to [pendengar" + i + "@it.serambi.id]";
            assertEquals(1, sent.stream().filter(l -> l.contains(to)).count(), "reminders " + to);
        }
        assertEquals(patrons, sent.size());
    }

    /** A pages challenge running this week (1 point a page), created on instance A and published on B. */
    private static long publishedChallenge(String title, Map<String, Object> extra) {
        String staff = pair.adminToken(pair.portA);
        java.time.LocalDate today = java.time.LocalDate.now(id.serambi.support.Wita.ZONE);
        Map<String, Object> challenge = new java.util.HashMap<>(Map.of("title", title, "audience", "ALL",
                "startsOn", today.minusDays(3).toString(), "endsOn", today.plusDays(3).toString(),
                "goalType", "PAGES", "goalValue", 1000, "pointsPerPage", 1));
        challenge.putAll(extra);
        long id = given().baseUri(pair.url(pair.portA)).auth().oauth2(staff).contentType(ContentType.JSON)
                .body(challenge).post("/api/challenges").then().statusCode(201).extract().jsonPath().getLong("id");
        given().baseUri(pair.url(pair.portB)).auth().oauth2(staff).post("/api/challenges/" + id + "/publish")
                .then().statusCode(200);
        return id;
    }

    private static long publishedEvent(String title, Instant startsAt, int capacity) {
        return pair.publishedEvent(title, startsAt, capacity);
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    private static Connection database() throws Exception {
        return TwoInstances.database();
    }

    private static long count(Connection db, String sql) throws Exception {
        return TwoInstances.count(db, sql);
    }
}
