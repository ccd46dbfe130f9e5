package id.serambi.privacy;

import id.serambi.support.Wita;
import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** UU PDP: guardian consent for under-13s, export of all my data, and erasure that keeps the boards consistent. */
@QuarkusTest
class PersonalDataTest {

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    private long challenge(String staff) {
        LocalDate today = LocalDate.now(Wita.ZONE);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Tantangan Privasi " + System.nanoTime());
        body.put("audience", "ALL");
        body.put("startsOn", today.minusDays(5).toString());
        body.put("endsOn", today.plusDays(5).toString());
        body.put("goalType", "PAGES");
        body.put("goalValue", 500);
        body.put("pointsPerPage", 1);
        long id = given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/challenges")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(staff).post("/api/challenges/" + id + "/publish").then().statusCode(200);
        return id;
    }

    @Test
    void underThirteensNeedAGuardianWhoConfirmsByMail() {
        long challenge = challenge(Accounts.tokenFor(db, "STAFF"));
        String email = Accounts.uniqueEmail("cilik");
        int birthYear = Year.now().getValue() - 10;
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", Accounts.PASSWORD,
                "displayName", "Anak Kecil", "birthYear", birthYear));
        assertProblem(given().contentType(ContentType.JSON).body(body).post("/api/auth/register").then(), 400, "validation")
                .body("errors[0].field", equalTo("guardianEmail"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM app_user WHERE email = ?", email));

        String guardian = Accounts.uniqueEmail("ibu");
        body.put("guardianEmail", guardian);
        mailbox.clear();
        given().contentType(ContentType.JSON).body(body).post("/api/auth/register").then().statusCode(202);
        String token = Accounts.login(email, Accounts.PASSWORD);
        given().auth().oauth2(token).get("/api/me").then().body("guardianConsentPending", equalTo(true));
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("nickname", "SiKecil"))
                .post("/api/challenges/" + challenge + "/participants").then(), 403, "guardian-consent-required");

        var mails = mailbox.getMailsSentTo(guardian);
        assertEquals(1, mails.size());
        Matcher link = Pattern.compile("/persetujuan/([A-Za-z0-9_-]{43})").matcher(mails.get(0).getText());
        org.junit.jupiter.api.Assertions.assertTrue(link.find(), mails.get(0).getText());
        given().post("/api/auth/guardian-consent/" + link.group(1)).then().statusCode(204);
        assertProblem(given().post("/api/auth/guardian-consent/" + link.group(1)).then(), 404, "not-found");
        assertProblem(given().post("/api/auth/guardian-consent/bukan-token").then(), 404, "not-found");

        given().auth().oauth2(token).get("/api/me").then().body("guardianConsentPending", equalTo(false));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("nickname", "SiKecil"))
                .post("/api/challenges/" + challenge + "/participants").then().statusCode(201);
    }

    @Test
    void aTeenChallengeIsForTeens() {
        String staff = Accounts.tokenFor(db, "STAFF");
        LocalDate today = LocalDate.now(Wita.ZONE);
        Map<String, Object> body = new HashMap<>(Map.of("title", "Khusus Remaja " + System.nanoTime(), "audience", "TEENS",
                "startsOn", today.toString(), "endsOn", today.plusDays(3).toString(), "goalType", "BOOKS",
                "goalValue", 3, "pointsPerBook", 10));
        long id = given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/challenges")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(staff).post("/api/challenges/" + id + "/publish").then().statusCode(200);
        String adult = Accounts.tokenFor(db, "MEMBER"); // born 2008 in Accounts.register: 18 this year
        String email = Accounts.uniqueEmail("dewasa");
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", Accounts.PASSWORD,
                "displayName", "Pak Dewasa", "birthYear", 1980)).post("/api/auth/register").then().statusCode(202);
        String grown = Accounts.login(email, Accounts.PASSWORD);
        assertProblem(given().auth().oauth2(grown).contentType(ContentType.JSON).body(Map.of("nickname", "OmBaca"))
                .post("/api/challenges/" + id + "/participants").then(), 403, "forbidden");
        given().auth().oauth2(adult).contentType(ContentType.JSON).body(Map.of("nickname", "RemajaBaca" + System.nanoTime() % 1000))
                .post("/api/challenges/" + id + "/participants").then().statusCode(201);
    }

    /**
     * Issue 16: the export's parts are built in SQL, and PostgreSQL wrote their timestamps as
     * {@code 2026-12-05T03:00:00.123456+00:00}, unlike the rest of the API. Every timestamp in the export is now in the
     * API's one format, and dates stay dates.
     */
    @Test
    void everyTimestampInTheExportIsInTheApisOneFormat() throws Exception {
        String staff = Accounts.tokenFor(db, "STAFF");
        long challenge = challenge(staff);
        String token = Accounts.tokenFor(db, "MEMBER");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("nickname", "Waktu" + System.nanoTime() % 100000))
                .post("/api/challenges/" + challenge + "/participants").then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("title", "Aroma Karsa", "author",
                "Dee Lestari", "pages", 12, "readOn", LocalDate.now(Wita.ZONE).toString()))
                .post("/api/challenges/" + challenge + "/logs").then().statusCode(201);

        String body = given().auth().oauth2(token).get("/api/me/export").then().statusCode(200)
                .extract().asString();
        List<String> timestamps = new java.util.ArrayList<>();
        List<String> dates = new java.util.ArrayList<>();
        collect(new com.fasterxml.jackson.databind.ObjectMapper().readTree(body), timestamps, dates);
        Pattern api = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        // exportedAt, the account's createdAt, the participation's joinedAt and the log's createdAt at least
        org.junit.jupiter.api.Assertions.assertTrue(timestamps.size() >= 4, "timestamps: " + timestamps + " in " + body);
        assertEquals(List.of(), timestamps.stream().filter(t -> !api.matcher(t).matches()).toList(), body);
        org.junit.jupiter.api.Assertions.assertTrue(dates.contains(LocalDate.now(Wita.ZONE).toString()), body);
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("+00:00"), body);
    }

    /** Every string that starts like a date-time, and every plain date, anywhere in the tree. */
    private static void collect(com.fasterxml.jackson.databind.JsonNode node, List<String> timestamps, List<String> dates) {
        if (node.isContainerNode()) {
            node.forEach(child -> collect(child, timestamps, dates));
        } else if (node.isTextual()) {
            String text = node.textValue();
            if (text.matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:.*")) {
                timestamps.add(text);
            } else if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                dates.add(text);
            }
        }
    }

    @Test
    void exportHoldsAllMyDataAndErasureKeepsTheBoardConsistent() {
        String staff = Accounts.tokenFor(db, "STAFF");
        long challenge = challenge(staff);
        String email = Accounts.uniqueEmail("hapus");
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", Accounts.PASSWORD,
                "displayName", "Dewi Lestari Pembaca", "birthYear", 2009)).post("/api/auth/register").then().statusCode(202);
        String token = Accounts.login(email, Accounts.PASSWORD);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("nickname", "DewiBaca"))
                .post("/api/challenges/" + challenge + "/participants").then().statusCode(201);
        Map<String, Object> log = new HashMap<>(Map.of("title", "Supernova", "author", "Dee Lestari", "pages", 42,
                "readOn", LocalDate.now(Wita.ZONE).toString(), "review", "Rumit tapi indah",
                "shareReview", true));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(log)
                .post("/api/challenges/" + challenge + "/logs").then().statusCode(201);

        given().auth().oauth2(token).get("/api/me/export").then().statusCode(200)
                .body("account.email", equalTo(email))
                .body("account.displayName", equalTo("Dewi Lestari Pembaca"))
                .body("account.birthYear", equalTo(2009))
                .body("challenges[0].nickname", equalTo("DewiBaca"))
                .body("challenges[0].points", equalTo(42))
                .body("challenges[0].readingLogs[0].title", equalTo("Supernova"))
                .body("challenges[0].readingLogs[0].review", equalTo("Rumit tapi indah"));

        given().auth().oauth2(token).delete("/api/me").then().statusCode(204);

        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM app_user WHERE lower(email) = lower(?)", email));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM participant WHERE nickname = 'DewiBaca'"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM reading_log WHERE review = 'Rumit tapi indah'"));
        // The totals stay, anonymous and hidden, still equal to the sum of the (anonymous) logs.
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM participant WHERE challenge_id = ? AND user_id IS NULL "
                + "AND hidden AND points = 42 AND nickname LIKE 'anonim-%'", challenge));
        given().get("/api/challenges/" + challenge + "/leaderboard").then().statusCode(200)
                .body("entries.nickname", not(hasItem("DewiBaca")));
        given().auth().oauth2(staff).get("/api/challenges/" + challenge + "/results").then().statusCode(200)
                .body("nickname", not(hasItem("DewiBaca")));
        // The erased account's token died with it (issue 13, finding 1).
        assertProblem(given().auth().oauth2(token).get("/api/me").then(), 401, "unauthenticated");
        given().contentType(ContentType.JSON).header("X-Forwarded-For", Accounts.randomIp())
                .body(Map.of("email", email, "password", Accounts.PASSWORD))
                .post("/api/auth/login").then().statusCode(401);
        List<String> none = List.of();
        assertEquals(none.size(), 0);
    }
}
