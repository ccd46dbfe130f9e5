package id.serambi.common;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.challenge.ChallengeFixtures;
import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Per-address and per-account rate limits on login, sign-up, event registration, questions, votes and reading logs,
 * with low limits: 3 requests per address and 2 per account a minute (votes: a 4-second period, to see them refill).
 * Every request names its client address through X-Forwarded-For, which the test profile honours.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            for (String action : new String[] { "login", "sign-up", "event-registration", "questions", "votes",
                    "reading-logs" }) {
                config.put("serambi.rate-limit." + action + ".per-ip", "3");
                config.put("serambi.rate-limit." + action + ".per-account", "2");
                config.put("serambi.rate-limit." + action + ".period", action.equals("votes") ? "PT4S" : "PT1M");
            }
            return config;
        }
    }

    @Inject
    AgroalDataSource db;

    private static String ip() {
        return Accounts.randomIp();
    }

    /** 429 problem+json with a Retry-After of whole seconds, at most the period. */
    private static void assertLimited(Response response, int maxSeconds, String detail) {
        assertProblem(response.then(), 429, "rate-limited").body("detail", containsString(detail));
        int retryAfter = Integer.parseInt(response.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= maxSeconds, "Retry-After " + retryAfter);
    }

    private static Response signUp(String email, String ip) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", ip)
                .body(Map.of("email", email, "password", Accounts.PASSWORD, "displayName", "Remaja Uji",
                        "birthYear", 2009))
                .post("/api/auth/register");
    }

    private static Response login(String email, String password, String ip) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", ip)
                .body(Map.of("email", email, "password", password)).post("/api/auth/login");
    }

    private static String member() {
        String email = Accounts.uniqueEmail("batas");
        signUp(email, ip()).then().statusCode(202);
        return login(email, Accounts.PASSWORD, ip()).then().statusCode(200).extract().jsonPath().getString("token");
    }

    private static String staff(AgroalDataSource db) {
        String email = Accounts.uniqueEmail("staf");
        signUp(email, ip()).then().statusCode(202);
        long id = Accounts.idOf(email);
        Accounts.sql(db, "UPDATE app_user SET role = 'STAFF' WHERE id = ?", id);
        return login(email, Accounts.PASSWORD, ip()).then().statusCode(200).extract().jsonPath().getString("token");
    }

    private static long liveEvent(String staff) {
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("type", "LIVE_QA");
        body.put("platform", "YOUTUBE_LIVE");
        body.put("capacity", null);
        long id = given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/events")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(staff).post("/api/events/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private static Response registerFor(long event, String email, String ip) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", ip)
                .body(Map.of("name", "Siti Nurhaliza", "email", email))
                .post("/api/events/" + event + "/registrations");
    }

    /** A new registration's manage token, from its confirmation e-mail. */
    private static String manageToken(long event) {
        String email = Accounts.uniqueEmail("hadirin");
        registerFor(event, email, ip()).then().statusCode(202);
        return id.serambi.support.ManageLinks.fromMail(email);
    }

    private static Response ask(long event, String token, String ip) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", ip)
                .body(Map.of("manageToken", token, "text", "Apakah ada koleksi e-book?"))
                .post("/api/events/" + event + "/questions");
    }

    @Test
    void loginIsLimitedPerAddressAndPerAccount() {
        String email = Accounts.uniqueEmail("masuk");
        signUp(email, ip()).then().statusCode(202);

        // Per account, from any address: the third attempt in the minute is turned away, even with the right password.
        assertEquals(401, login(email, "bukan-kata-sandinya", ip()).statusCode());
        assertEquals(200, login(email, Accounts.PASSWORD, ip()).statusCode());
        assertLimited(login(email, Accounts.PASSWORD, ip()), 60, "login attempts from this account");

        // Per address: the fourth attempt from one address, whichever accounts it tries.
        String address = ip();
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login(Accounts.uniqueEmail("tebak"), "apa-saja-salah", address).statusCode());
        }
        String other = Accounts.uniqueEmail("lain");
        signUp(other, ip()).then().statusCode(202);
        assertLimited(login(other, Accounts.PASSWORD, address), 60, "login attempts from this address");
        // Another address and another account are unaffected.
        assertEquals(200, login(other, Accounts.PASSWORD, ip()).statusCode());
    }

    @Test
    void signUpIsLimitedPerAddressAndNothingIsStoredWhenTurnedAway() {
        String address = ip();
        for (int i = 0; i < 3; i++) {
            signUp(Accounts.uniqueEmail("daftar"), address).then().statusCode(202);
        }
        String fourth = Accounts.uniqueEmail("keempat");
        assertLimited(signUp(fourth, address), 60, "sign-ups from this address");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM app_user WHERE email = ?", fourth));
        signUp(fourth, ip()).then().statusCode(202);

        // Per e-mail: the same address tried again and again (202 each time, like a new one) from many addresses.
        String taken = Accounts.uniqueEmail("sama");
        signUp(taken, ip()).then().statusCode(202);
        assertEquals(202, signUp(taken, ip()).statusCode());
        assertLimited(signUp(taken, ip()), 60, "sign-ups from this account");
    }

    @Test
    void eventRegistrationIsLimitedPerAddressAndPerEmail() {
        long event = liveEvent(staff(db));
        String address = ip();
        for (int i = 0; i < 3; i++) {
            registerFor(event, Accounts.uniqueEmail("warga"), address).then().statusCode(202);
        }
        assertLimited(registerFor(event, Accounts.uniqueEmail("warga"), address), 60,
                "event registrations from this address");
        assertEquals(3, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", event));
        registerFor(event, Accounts.uniqueEmail("warga"), ip()).then().statusCode(202);

        // Registering one e-mail again e-mails a new manage link each time: the third is turned away.
        String email = Accounts.uniqueEmail("ulang");
        registerFor(event, email, ip()).then().statusCode(202);
        registerFor(event, email, ip()).then().statusCode(202);
        assertLimited(registerFor(event, email.toUpperCase(java.util.Locale.ROOT), ip()), 60,
                "event registrations from this account");
    }

    @Test
    void questionsAreLimitedPerAddressAndPerRegistration() {
        long event = liveEvent(staff(db));
        String token = manageToken(event);
        ask(event, token, ip()).then().statusCode(201);
        ask(event, token, ip()).then().statusCode(201);
        assertLimited(ask(event, token, ip()), 60, "questions from this account");
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM event_question WHERE event_id = ?", event));

        String address = ip();
        for (int i = 0; i < 3; i++) {
            ask(event, manageToken(event), address).then().statusCode(201);
        }
        String fresh = manageToken(event);
        assertLimited(ask(event, fresh, address), 60, "questions from this address");
        ask(event, fresh, ip()).then().statusCode(201);
    }

    @Test
    void votesRefillAfterRetryAfter() throws InterruptedException {
        String staff = staff(db);
        long event = liveEvent(staff);
        long question = ask(event, manageToken(event), ip()).then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(staff).post("/api/events/" + event + "/questions/" + question + "/approve")
                .then().statusCode(200);
        String voter = manageToken(event);
        String vote = "/api/events/" + event + "/questions/" + question + "/upvote";
        // Two votes a 4-second period refill one every 2 seconds: vote until turned away (at once, unless the
        // machine is very slow), wait Retry-After, and the next vote passes.
        Response limited = null;
        for (int i = 0; i < 10 && limited == null; i++) {
            Response response = given().contentType(ContentType.JSON).header("X-Forwarded-For", ip())
                    .body(Map.of("manageToken", voter)).post(vote);
            if (response.statusCode() != 200) {
                limited = response;
            }
        }
        assertTrue(limited != null, "never limited");
        assertLimited(limited, 2, "votes from this account");
        // Another registration votes meanwhile.
        given().contentType(ContentType.JSON).header("X-Forwarded-For", ip()).body(Map.of("manageToken", manageToken(event)))
                .post(vote).then().statusCode(200);

        Thread.sleep(Integer.parseInt(limited.header("Retry-After")) * 1000L + 200);
        given().contentType(ContentType.JSON).header("X-Forwarded-For", ip()).body(Map.of("manageToken", voter))
                .post(vote).then().statusCode(200);
    }

    @Test
    void readingLogsAreLimitedPerMemberAndPerAddress() {
        String staff = staff(db);
        long id = ChallengeFixtures.published(staff, ChallengeFixtures.body());
        Map<String, Object> log = ChallengeFixtures.log(20, ChallengeFixtures.today());
        String teen = joined(id);
        for (int i = 0; i < 2; i++) {
            postLog(teen, id, log, ip()).then().statusCode(201);
        }
        assertLimited(postLog(teen, id, log, ip()), 60, "reading logs from this account");
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM reading_log l JOIN participant p ON p.id = l.participant_id "
                + "WHERE p.challenge_id = ?", id));

        String address = ip();
        for (int i = 0; i < 3; i++) {
            postLog(joined(id), id, log, address).then().statusCode(201);
        }
        String last = joined(id);
        assertLimited(postLog(last, id, log, address), 60, "reading logs from this address");
        postLog(last, id, log, ip()).then().statusCode(201);
    }

    private static String joined(long challenge) {
        String token = member();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("nickname", "Batas" + UUID.randomUUID().toString().substring(0, 6)))
                .post("/api/challenges/" + challenge + "/participants").then().statusCode(201);
        return token;
    }

    private static Response postLog(String token, long challenge, Map<String, Object> log, String ip) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("X-Forwarded-For", ip).body(log)
                .post("/api/challenges/" + challenge + "/logs");
    }
}
