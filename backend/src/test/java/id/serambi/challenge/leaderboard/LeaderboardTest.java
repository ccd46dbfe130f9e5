package id.serambi.challenge.leaderboard;

import id.serambi.challenge.ChallengeFixtures;
import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.support.Accounts;
import id.serambi.support.SseClient;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeaderboardTest {

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/")
    URL base;

    String staff;
    long challenge;

    @BeforeEach
    void challenge() {
        staff = Accounts.tokenFor(db, "STAFF");
        challenge = ChallengeFixtures.published(staff, ChallengeFixtures.body());
    }

    @Test
    void orderedByPointsThenWhoReachedThemFirst() {
        String early = ChallengeFixtures.nickname("Awal");
        String late = ChallengeFixtures.nickname("Akhir");
        String top = ChallengeFixtures.nickname("Juara");
        String a = ChallengeFixtures.member(challenge, early, "SMP Negeri 1 Banjarbaru");
        String b = ChallengeFixtures.member(challenge, late, "SMA Negeri 2 Banjarbaru");
        String c = ChallengeFixtures.member(challenge, top, "SMP Negeri 1 Banjarbaru");
        ChallengeFixtures.postLog(a, challenge, ChallengeFixtures.log(40, ChallengeFixtures.today())); // 50
        ChallengeFixtures.postLog(b, challenge, ChallengeFixtures.log(40, ChallengeFixtures.today())); // 50, later
        ChallengeFixtures.postLog(c, challenge, ChallengeFixtures.log(90, ChallengeFixtures.today())); // 100

        // Boards follow the database through NOTIFY: give the notification a moment to arrive.
        eventually(() -> given().get("/api/challenges/" + challenge + "/leaderboard").then()
                .body("entries.nickname", contains(top, early, late)));
        given().get("/api/challenges/" + challenge + "/leaderboard").then().statusCode(200)
                .body("entries.nickname", contains(top, early, late))
                .body("entries.rank", contains(1, 2, 3))
                .body("entries.points", contains(100, 50, 50))
                .body("total", equalTo(3))
                .body("me", nullValue());
        given().queryParam("school", "smp negeri 1 banjarbaru").get("/api/challenges/" + challenge + "/leaderboard")
                .then().statusCode(200).body("entries.nickname", contains(top, early));

        given().auth().oauth2(b).get("/api/challenges/" + challenge + "/leaderboard?limit=1").then().statusCode(200)
                .body("entries", hasSize(1))
                .body("me.rank", equalTo(3))
                .body("me.neighbours.nickname", contains(top, early, late));

        // The earlier one drops below the later one as soon as the later one passes them.
        ChallengeFixtures.postLog(b, challenge, ChallengeFixtures.log(1, ChallengeFixtures.today().minusDays(1)));
        eventually(() -> given().get("/api/challenges/" + challenge + "/leaderboard").then()
                .body("entries.nickname", contains(top, late, early)));
    }

    @Test
    void aHiddenParticipantLeavesThePublicBoardButKeepsTheirProgress() {
        String shy = ChallengeFixtures.nickname("Malu");
        String teen = ChallengeFixtures.member(challenge, shy, null);
        ChallengeFixtures.postLog(teen, challenge, ChallengeFixtures.log(10, ChallengeFixtures.today()));
        given().auth().oauth2(teen).contentType(ContentType.JSON).body(Map.of("hidden", true))
                .put("/api/challenges/" + challenge + "/me/visibility").then().statusCode(200)
                .body("hidden", equalTo(true)).body("rank", nullValue()).body("points", equalTo(20));
        awaitBoard(() -> given().get("/api/challenges/" + challenge + "/leaderboard").then().extract()
                .jsonPath().getList("entries.nickname").isEmpty());
        given().auth().oauth2(teen).contentType(ContentType.JSON).body(Map.of("hidden", false))
                .put("/api/challenges/" + challenge + "/me/visibility").then().statusCode(200);
        awaitBoard(() -> given().get("/api/challenges/" + challenge + "/leaderboard").then().extract()
                .jsonPath().getList("entries.nickname").contains(shy));
    }

    @Test
    void publicResponsesCarryNicknamesOnly() throws Exception {
        String email = Accounts.uniqueEmail("rahasia");
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", Accounts.PASSWORD,
                "displayName", "Siti Nurhaliza Rahasia", "birthYear", 2011)).post("/api/auth/register").then().statusCode(202);
        String teen = Accounts.login(email, Accounts.PASSWORD);
        given().auth().oauth2(teen).contentType(ContentType.JSON).body(Map.of("nickname", "BintangBaca"))
                .post("/api/challenges/" + challenge + "/participants").then().statusCode(201);
        Map<String, Object> log = ChallengeFixtures.log(33, ChallengeFixtures.today());
        log.put("review", "Sangat bagus");
        log.put("shareReview", true);
        ChallengeFixtures.postLog(teen, challenge, log);

        List<String> bodies = new ArrayList<>();
        bodies.add(given().get("/api/challenges").then().statusCode(200).extract().asString());
        bodies.add(given().get("/api/challenges/" + challenge).then().statusCode(200).extract().asString());
        eventually(() -> given().get("/api/challenges/" + challenge + "/leaderboard?limit=100").then()
                .body("entries.nickname", hasItem("BintangBaca")));
        bodies.add(given().get("/api/challenges/" + challenge + "/leaderboard?limit=100").then().statusCode(200)
                .extract().asString());
        bodies.add(given().queryParam("school", "x").get("/api/challenges/" + challenge + "/leaderboard").then()
                .statusCode(200).extract().asString());
        try (SseClient sse = new SseClient(base + "api/challenges/" + challenge + "/leaderboard/stream?limit=100")) {
            SseClient.Event first = sse.nextData(Duration.ofSeconds(10));
            assertNotNull(first);
            bodies.add(first.data());
        }
        for (String body : bodies) {
            assertFalse(body.contains(email), body);
            assertFalse(body.contains("Siti"), body);
            assertFalse(body.contains("Rahasia"), body);
            assertFalse(body.contains("2011"), body);
            assertFalse(body.contains("birthYear"), body);
            assertFalse(body.toLowerCase().contains("email"), body);
            assertFalse(body.contains("@"), body);
        }
    }

    @Test
    void aStreamStartsWithTheBoardAndGetsEachNewLogWithinASecond() throws Exception {
        String nick = ChallengeFixtures.nickname("Langsung");
        String teen = ChallengeFixtures.member(challenge, nick, null);
        try (SseClient sse = new SseClient(base + "api/challenges/" + challenge + "/leaderboard/stream")) {
            SseClient.Event first = sse.nextData(Duration.ofSeconds(10));
            assertNotNull(first, "a new subscriber gets the current board at once");
            assertTrue(sse.contentType.startsWith("text/event-stream"), sse.contentType);
            assertTrue(first.data().contains("\"entries\":[{\"rank\":1,\"nickname\":\"" + nick + "\",\"points\":0"), first.data());

            long posted = System.nanoTime();
            ChallengeFixtures.postLog(teen, challenge, ChallengeFixtures.log(25, ChallengeFixtures.today()));
            SseClient.Event update = sse.nextData(Duration.ofSeconds(5));
            assertNotNull(update, "the new log reached the stream");
            assertTrue(update.data().contains("\"points\":35"), update.data());
            long millis = (update.receivedNanos() - posted) / 1_000_000;
            assertTrue(millis < 1000, "update took " + millis + " ms");

            assertNotNull(sse.nextComment(Duration.ofSeconds(5)), "a heartbeat comment keeps the stream open");
        }
    }

    @Test
    void membersWhoAskWhileTheBoardLoadsAllGetTheirRank() throws Exception {
        String token = ChallengeFixtures.member(challenge, ChallengeFixtures.nickname("Antre"), null);
        try (var c = db.getConnection(); var seed = c.prepareStatement("""
                INSERT INTO participant (challenge_id, nickname, points) SELECT ?, 'antrean' || g, g % 500
                  FROM generate_series(1, 20000) g""")) {
            seed.setLong(1, challenge);
            seed.executeUpdate();
        }
        // The board is not in memory yet: the first request loads it, and the others wait for that load. Each must
        // still find "me" in its own session once the board is there.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(pool.submit(() -> given().auth().oauth2(token).get("/api/challenges/" + challenge
                        + "/leaderboard").then().extract().statusCode()));
            }
            for (var answer : answers) {
                assertTrue(answer.get() == 200, "every caller gets the board");
            }
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(token).get("/api/challenges/" + challenge + "/leaderboard").then().statusCode(200)
                .body("total", equalTo(20001)).body("me.rank", equalTo(19961)); // ahead of the 40 seeded with 0 points, who came later
    }

    @Test
    void draftsHaveNoBoard() {
        long draft = ChallengeFixtures.create(staff, ChallengeFixtures.body());
        assertProblem(given().get("/api/challenges/" + draft + "/leaderboard").then(), 404, "not-found");
        assertProblem(given().get("/api/challenges/999999999/leaderboard").then(), 404, "not-found");
    }

    /** The limit is a number from 1 to 100: not a number is a 400 that names it, one outside is clamped. */
    @Test
    void aLimitThatIsNotANumberIsA400NamingIt() {
        for (String limit : List.of("abc", "1.5", "99999999999")) {
            assertProblem(given().get("/api/challenges/" + challenge + "/leaderboard?limit=" + limit).then(), 400,
                    "validation").body("errors[0].field", equalTo("limit"));
        }
        assertProblem(given().accept("text/event-stream, application/problem+json")
                .get("/api/challenges/" + challenge + "/leaderboard/stream?limit=abc").then(), 400, "validation")
                .body("errors[0].field", equalTo("limit"));
        String nick = ChallengeFixtures.nickname("Batas");
        String teen = ChallengeFixtures.member(challenge, nick, null);
        ChallengeFixtures.postLog(teen, challenge, ChallengeFixtures.log(10, ChallengeFixtures.today()));
        eventually(() -> given().get("/api/challenges/" + challenge + "/leaderboard").then().body("total", equalTo(1)));
        given().get("/api/challenges/" + challenge + "/leaderboard?limit=0").then().statusCode(200)
                .body("entries", hasSize(1)).body("school", nullValue()).body("me", nullValue());
        given().get("/api/challenges/" + challenge + "/leaderboard?limit=500").then().statusCode(200)
                .body("entries", hasSize(1));
    }

    /** Retries an assertion for up to 5 s. */
    static void eventually(Runnable assertion) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static void awaitBoard(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("board did not change within 5 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
