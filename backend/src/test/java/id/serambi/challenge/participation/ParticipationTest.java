package id.serambi.challenge.participation;

import id.serambi.challenge.ChallengeFixtures;
import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ParticipationTest {

    @Inject
    AgroalDataSource db;

    String staff;
    long challenge;

    @BeforeEach
    void challenge() {
        staff = Accounts.tokenFor(db, "STAFF");
        challenge = ChallengeFixtures.published(staff, ChallengeFixtures.body());
    }

    /** The invariant: a participant's points equal the sum over their valid logs (and redeemed codes). */
    private void assertPointsAreTheSumOfValidLogs() {
        assertEquals(0, Accounts.count(db, """
                SELECT count(*) FROM participant p WHERE p.challenge_id = ? AND p.points <>
                  (SELECT coalesce(sum(points), 0) FROM reading_log l WHERE l.participant_id = p.id AND l.status = 'VALID')
                  + (SELECT coalesce(sum(points), 0) FROM code_redemption r WHERE r.participant_id = p.id)""", challenge));
    }

    private long points(String nickname) {
        return Accounts.count(db, "SELECT points FROM participant WHERE challenge_id = ? AND nickname = ?", challenge, nickname);
    }

    @Test
    void nicknamesAreUniqueInAnyCaseAndNeverTheRealName() {
        String nick = ChallengeFixtures.nickname("Kancil");
        ChallengeFixtures.member(challenge, nick, null);
        String other = Accounts.tokenFor(db, "MEMBER");
        assertProblem(given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of("nickname", nick.toUpperCase()))
                .post("/api/challenges/" + challenge + "/participants").then(), 409, "duplicate-nickname");
        assertProblem(given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of("nickname", "Pengguna Uji"))
                .post("/api/challenges/" + challenge + "/participants").then(), 400, "validation")
                .body("errors[0].field", equalTo("nickname"));
        assertProblem(given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of("nickname", "<script>"))
                .post("/api/challenges/" + challenge + "/participants").then(), 400, "validation");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM participant WHERE challenge_id = ?", challenge));
    }

    /**
     * Issue 16: the Location of a new log named /api/challenges/{id}/logs/{logId}, a path with a PUT and a DELETE but
     * no GET (405). Following it now reads the log: its author and staff do; another member, or another challenge's
     * path, finds nothing.
     */
    @Test
    void theLocationOfANewLogReadsTheLog() {
        String teen = ChallengeFixtures.member(challenge, ChallengeFixtures.nickname("Jejak"), null);
        var created = given().auth().oauth2(teen).contentType(ContentType.JSON)
                .body(ChallengeFixtures.log(30, ChallengeFixtures.today()))
                .post("/api/challenges/" + challenge + "/logs").then().statusCode(201).extract();
        long logId = created.jsonPath().getLong("log.id");
        String location = created.header("Location");
        org.junit.jupiter.api.Assertions.assertTrue(
                java.net.URI.create(location).getPath().endsWith("/api/challenges/" + challenge + "/logs/" + logId),
                location);

        given().auth().oauth2(teen).get(location).then().statusCode(200)
                .body("id", equalTo((int) logId)).body("pages", equalTo(30)).body("status", equalTo("VALID"))
                .body("points", equalTo(created.jsonPath().getInt("log.points")));
        given().auth().oauth2(staff).get(location).then().statusCode(200).body("id", equalTo((int) logId));

        String stranger = ChallengeFixtures.member(challenge, ChallengeFixtures.nickname("Asing"), null);
        assertProblem(given().auth().oauth2(stranger).get(location).then(), 404, "not-found");
        String outsider = Accounts.tokenFor(db, "MEMBER");
        assertProblem(given().auth().oauth2(outsider).get(location).then(), 404, "not-found");
        long other = ChallengeFixtures.published(staff, ChallengeFixtures.body());
        assertProblem(given().auth().oauth2(staff).get("/api/challenges/" + other + "/logs/" + logId).then(), 404,
                "not-found");
        assertProblem(given().get(location).then(), 401, "unauthenticated");
    }

    @Test
    void logsEarnServerComputedPoints() {
        String nick = ChallengeFixtures.nickname("Pelangi");
        String teen = ChallengeFixtures.member(challenge, nick, "SMP Negeri 1 Banjarbaru");
        Map<String, Object> log = ChallengeFixtures.log(120, ChallengeFixtures.today());
        // Points are the server's to compute: a client that sends its own is told so, and nothing is logged.
        log.put("points", 99999);
        assertProblem(given().auth().oauth2(teen).contentType(ContentType.JSON).body(log)
                .post("/api/challenges/" + challenge + "/logs").then(), 400, "validation")
                .body("errors[0].field", equalTo("points")).body("errors[0].message", equalTo("unknown field"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM reading_log l JOIN participant p ON p.id = l.participant_id"
                + " WHERE p.challenge_id = ? AND p.nickname = ?", challenge, nick));
        log.remove("points");
        var logged = ChallengeFixtures.postLog(teen, challenge, log);
        assertEquals(130, logged.getInt("pointsAwarded"));
        assertEquals(130, logged.getInt("totalPoints"));
        assertEquals("VALID", logged.getString("log.status"));
        assertEquals(130, points(nick));

        given().auth().oauth2(teen).get("/api/challenges/" + challenge + "/me").then().statusCode(200)
                .body("points", equalTo(130)).body("books", equalTo(1)).body("pages", equalTo(120))
                .body("goalProgress", equalTo(10))
                .body("badges.name", hasItem("Pembaca Pemula"))
                .body("nextBadges.name", hasItem("Kutu Buku"));
        assertPointsAreTheSumOfValidLogs();
    }

    /**
     * Issue 17: 45 minutes of reading earned "+0 poin" while the form asked for "pages, minutes or both". The rule the
     * SPA's log form now states and follows: a log earns exactly the rates the challenge publishes (GET /challenges/{id}),
     * and an amount that earns nothing still counts towards the total and a goal in its unit. The form offers an amount
     * only where it earns points or moves the goal; this pins the server side of that promise.
     */
    @Test
    void minutesEarnExactlyThePublishedRateAndStillCountTowardsTheGoal() {
        Map<String, Object> minutesOnly = ChallengeFixtures.log(1, ChallengeFixtures.today());
        minutesOnly.remove("pages");
        minutesOnly.put("minutes", 45);
        minutesOnly.put("finished", false);

        // The fixture pays 10 a finished book and 1 a page, nothing for minutes, and says so publicly.
        given().get("/api/challenges/" + challenge).then().statusCode(200)
                .body("pointsPerMinute", equalTo(0)).body("pointsPerPage", equalTo(1)).body("goalType", equalTo("BOOKS"));
        String nick = ChallengeFixtures.nickname("Menit");
        String teen = ChallengeFixtures.member(challenge, nick, null);
        var none = ChallengeFixtures.postLog(teen, challenge, minutesOnly);
        assertEquals(0, none.getInt("pointsAwarded"));
        assertEquals("VALID", none.getString("log.status"));
        given().auth().oauth2(teen).get("/api/challenges/" + challenge + "/me").then().statusCode(200)
                .body("points", equalTo(0)).body("minutes", equalTo(45)).body("books", equalTo(0));

        // A challenge that pays for minutes: the same log earns 45 × 2.
        Map<String, Object> paying = ChallengeFixtures.body();
        paying.put("pointsPerMinute", 2);
        long perMinute = ChallengeFixtures.published(staff, paying);
        String reader = ChallengeFixtures.member(perMinute, ChallengeFixtures.nickname("Menit"), null);
        assertEquals(90, ChallengeFixtures.postLog(reader, perMinute, minutesOnly).getInt("pointsAwarded"));

        // A minutes goal that pays only for books: the minutes move the goal, and earn nothing.
        Map<String, Object> goalOnly = ChallengeFixtures.body();
        goalOnly.put("goalType", "MINUTES");
        goalOnly.put("goalValue", 90);
        goalOnly.put("pointsPerPage", 0);
        long minutesGoal = ChallengeFixtures.published(staff, goalOnly);
        String timer = ChallengeFixtures.member(minutesGoal, ChallengeFixtures.nickname("Menit"), null);
        assertEquals(0, ChallengeFixtures.postLog(timer, minutesGoal, minutesOnly).getInt("pointsAwarded"));
        given().auth().oauth2(timer).get("/api/challenges/" + minutesGoal + "/me").then().statusCode(200)
                .body("points", equalTo(0)).body("minutes", equalTo(45)).body("goalProgress", equalTo(50));

        assertPointsAreTheSumOfValidLogs();
        for (long id : new long[] { perMinute, minutesGoal }) {
            assertEquals(0, Accounts.count(db, """
                    SELECT count(*) FROM participant p WHERE p.challenge_id = ? AND p.points <>
                      (SELECT coalesce(sum(points), 0) FROM reading_log l WHERE l.participant_id = p.id AND l.status = 'VALID')""",
                    id));
        }
    }

    @Test
    void readDatesMustLieInTheChallengeAndNotInTheFuture() {
        String teen = ChallengeFixtures.member(challenge, ChallengeFixtures.nickname("Tanggal"), null);
        assertProblem(given().auth().oauth2(teen).contentType(ContentType.JSON)
                .body(ChallengeFixtures.log(10, ChallengeFixtures.today().plusDays(1)))
                .post("/api/challenges/" + challenge + "/logs").then(), 400, "validation")
                .body("errors[0].field", equalTo("readOn"));
        assertProblem(given().auth().oauth2(teen).contentType(ContentType.JSON)
                .body(ChallengeFixtures.log(10, ChallengeFixtures.today().minusDays(11)))
                .post("/api/challenges/" + challenge + "/logs").then(), 400, "validation")
                .body("errors[0].field", equalTo("readOn"));
        Map<String, Object> nothing = ChallengeFixtures.log(10, ChallengeFixtures.today());
        nothing.remove("pages");
        assertProblem(given().auth().oauth2(teen).contentType(ContentType.JSON).body(nothing)
                .post("/api/challenges/" + challenge + "/logs").then(), 400, "validation");
        Map<String, Object> negative = ChallengeFixtures.log(-5, ChallengeFixtures.today());
        assertProblem(given().auth().oauth2(teen).contentType(ContentType.JSON).body(negative)
                .post("/api/challenges/" + challenge + "/logs").then(), 400, "validation");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM reading_log WHERE challenge_id = ?", challenge));
    }

    @Test
    void dailyCapsAreEnforcedAndADayHas24Hours() {
        Map<String, Object> body = ChallengeFixtures.body();
        body.put("maxPagesPerDay", 300);
        body.put("pointsPerMinute", 1);
        long capped = ChallengeFixtures.published(staff, body);
        String teen = ChallengeFixtures.member(capped, ChallengeFixtures.nickname("Batas"), null);
        ChallengeFixtures.postLog(teen, capped, ChallengeFixtures.log(200, ChallengeFixtures.today()));
        assertProblem(given().auth().oauth2(teen).contentType(ContentType.JSON)
                .body(ChallengeFixtures.log(101, ChallengeFixtures.today()))
                .post("/api/challenges/" + capped + "/logs").then(), 409, "daily-cap-exceeded");
        ChallengeFixtures.postLog(teen, capped, ChallengeFixtures.log(100, ChallengeFixtures.today()));

        Map<String, Object> minutes = ChallengeFixtures.log(1, ChallengeFixtures.today().minusDays(1));
        minutes.put("minutes", 1000);
        // 1000 minutes is over the plausibility threshold (600): kept, flagged, counting nothing
        ChallengeFixtures.postLog(teen, capped, minutes);
        minutes.put("minutes", 500);
        assertProblem(given().auth().oauth2(teen).contentType(ContentType.JSON).body(minutes)
                .post("/api/challenges/" + capped + "/logs").then(), 409, "daily-cap-exceeded")
                .body("detail", org.hamcrest.Matchers.containsString("1,440"));
        assertEquals(3, Accounts.count(db, "SELECT count(*) FROM reading_log WHERE challenge_id = ?", capped));
    }

    @Test
    void implausibleLogsAreFlaggedAndCountOnlyOnceStaffApprove() {
        String nick = ChallengeFixtures.nickname("Kilat");
        String teen = ChallengeFixtures.member(challenge, nick, null);
        var flagged = ChallengeFixtures.postLog(teen, challenge, ChallengeFixtures.log(1200, ChallengeFixtures.today()));
        assertEquals("FLAGGED", flagged.getString("log.status"));
        assertEquals(0, flagged.getInt("pointsAwarded"));
        assertEquals(0, points(nick));
        long logId = flagged.getLong("log.id");

        given().auth().oauth2(staff).get("/api/challenges/" + challenge + "/logs").then().statusCode(200)
                .body("id", hasItem((int) logId))
                .body("find { it.id == " + logId + " }.nickname", equalTo(nick))
                .body("find { it.id == " + logId + " }.flagReason", org.hamcrest.Matchers.containsString("1200 pages"));
        given().auth().oauth2(staff).post("/api/challenges/" + challenge + "/logs/" + logId + "/approve").then()
                .statusCode(200).body("status", equalTo("VALID"));
        assertEquals(1210, points(nick));
        assertProblem(given().auth().oauth2(staff).post("/api/challenges/" + challenge + "/logs/" + logId + "/approve")
                .then(), 409, "not-flagged");
        given().auth().oauth2(staff).post("/api/challenges/" + challenge + "/logs/" + logId + "/void").then()
                .statusCode(200).body("status", equalTo("VOIDED"));
        assertEquals(0, points(nick));
        assertPointsAreTheSumOfValidLogs();
    }

    @Test
    void editsAndDeletesKeepPointsEqualToTheSumOfValidLogs() {
        String nick = ChallengeFixtures.nickname("Ubah");
        String teen = ChallengeFixtures.member(challenge, nick, null);
        long first = ChallengeFixtures.postLog(teen, challenge, ChallengeFixtures.log(50, ChallengeFixtures.today())).getLong("log.id");
        long second = ChallengeFixtures.postLog(teen, challenge, ChallengeFixtures.log(30, ChallengeFixtures.today().minusDays(1))).getLong("log.id");
        assertEquals(60 + 40, points(nick));

        given().auth().oauth2(teen).contentType(ContentType.JSON).body(ChallengeFixtures.log(80, ChallengeFixtures.today()))
                .put("/api/challenges/" + challenge + "/logs/" + first).then().statusCode(200).body("points", equalTo(90));
        assertEquals(90 + 40, points(nick));
        assertPointsAreTheSumOfValidLogs();

        given().auth().oauth2(teen).delete("/api/challenges/" + challenge + "/logs/" + second).then().statusCode(204);
        assertEquals(90, points(nick));
        given().auth().oauth2(teen).get("/api/challenges/" + challenge + "/logs/mine").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].id", equalTo((int) first));

        // Another member can neither change nor delete it (and cannot tell it exists).
        String other = ChallengeFixtures.member(challenge, ChallengeFixtures.nickname("Lain"), null);
        assertProblem(given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(ChallengeFixtures.log(1, ChallengeFixtures.today()))
                .put("/api/challenges/" + challenge + "/logs/" + first).then(), 404, "not-found");
        assertProblem(given().auth().oauth2(other).delete("/api/challenges/" + challenge + "/logs/" + first).then(),
                404, "not-found");
        assertEquals(90, points(nick));
        assertPointsAreTheSumOfValidLogs();
    }

    @Test
    void twentyParallelLogsLoseNoPoints() throws Exception {
        String nick = ChallengeFixtures.nickname("Serentak");
        String teen = ChallengeFixtures.member(challenge, nick, null);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int day = i % 5;
                calls.add(() -> given().auth().oauth2(teen).contentType(ContentType.JSON)
                        .body(ChallengeFixtures.log(7, ChallengeFixtures.today().minusDays(day)))
                        .post("/api/challenges/" + challenge + "/logs").statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(20, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(20 * 17, points(nick));
        assertEquals(20, Accounts.count(db, "SELECT books FROM participant WHERE challenge_id = ? AND nickname = ?", challenge, nick));
        assertPointsAreTheSumOfValidLogs();
    }

    @Test
    void secretCodesAwardPointsOrABadgeOnce() {
        String nick = ChallengeFixtures.nickname("Kode");
        String teen = ChallengeFixtures.member(challenge, nick, null);
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("code", "DISKUSI-LASKAR", "points", 25, "badge", "Tamu Istimewa",
                        "description", "Dibagikan di Diskusi Buku: Laskar Pelangi"))
                .post("/api/challenges/" + challenge + "/codes").then().statusCode(201)
                .body("code", equalTo("DISKUSI-LASKAR"));
        given().auth().oauth2(teen).contentType(ContentType.JSON).body(Map.of("code", "diskusi-laskar"))
                .post("/api/challenges/" + challenge + "/codes/redeem").then().statusCode(200)
                .body("points", equalTo(25))
                .body("badges.name", hasItem("Tamu Istimewa"));
        assertProblem(given().auth().oauth2(teen).contentType(ContentType.JSON).body(Map.of("code", "DISKUSI-LASKAR"))
                .post("/api/challenges/" + challenge + "/codes/redeem").then(), 409, "code-already-redeemed");
        assertProblem(given().auth().oauth2(teen).contentType(ContentType.JSON).body(Map.of("code", "SALAH-KODE"))
                .post("/api/challenges/" + challenge + "/codes/redeem").then(), 400, "validation");
        assertEquals(25, points(nick));
        given().auth().oauth2(staff).get("/api/challenges/" + challenge + "/codes").then().statusCode(200)
                .body("[0].redemptions", equalTo(1));
        assertPointsAreTheSumOfValidLogs();
    }

    @Test
    void sharedReviewsReachStaffWithNicknamesOnly() {
        String nick = ChallengeFixtures.nickname("Ulas");
        String teen = ChallengeFixtures.member(challenge, nick, null);
        Map<String, Object> shared = ChallengeFixtures.log(100, ChallengeFixtures.today());
        shared.put("review", "Kisah persahabatan anak-anak Belitong yang menginspirasi.");
        shared.put("shareReview", true);
        ChallengeFixtures.postLog(teen, challenge, shared);
        Map<String, Object> privateReview = ChallengeFixtures.log(10, ChallengeFixtures.today());
        privateReview.put("review", "Catatan pribadi saja.");
        ChallengeFixtures.postLog(teen, challenge, privateReview);

        String body = given().auth().oauth2(staff).get("/api/challenges/reviews").then().statusCode(200)
                .body("find { it.nickname == '" + nick + "' }.review",
                        equalTo("Kisah persahabatan anak-anak Belitong yang menginspirasi."))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("Catatan pribadi saja."));
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("Remaja " + nick + " Asli"));
    }

    @Test
    void resultsExportAsCsv() {
        String nick = ChallengeFixtures.nickname("Ekspor");
        String teen = ChallengeFixtures.member(challenge, nick, "SMA Negeri 2 Banjarbaru");
        ChallengeFixtures.postLog(teen, challenge, ChallengeFixtures.log(40, ChallengeFixtures.today()));
        String csv = given().auth().oauth2(staff).accept("text/csv").get("/api/challenges/" + challenge + "/results")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.startsWith("\uFEFFrank,nickname,school,points"), csv);
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains("1," + nick + ",SMA Negeri 2 Banjarbaru,50,1,40,0,false"), csv);
        given().auth().oauth2(staff).get("/api/challenges/" + challenge + "/results").then().statusCode(200)
                .body("nickname", containsInAnyOrder(nick));
    }
}
