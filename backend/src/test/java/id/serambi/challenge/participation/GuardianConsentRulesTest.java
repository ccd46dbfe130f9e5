package id.serambi.challenge.participation;

import id.serambi.challenge.ChallengeFixtures;
import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 3: a guardian's consent, once required, is required until given; a change of birth year never
 * lifts it, and every action a child takes in a challenge checks it.
 */
@QuarkusTest
class GuardianConsentRulesTest {

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    String staff;
    long challenge;

    @BeforeEach
    void challenge() {
        staff = Accounts.tokenFor(db, "STAFF");
        challenge = ChallengeFixtures.published(staff, ChallengeFixtures.body());
    }

    private static int child() {
        return Year.now().getValue() - 12;
    }

    private static int teen() {
        return Year.now().getValue() - 14;
    }

    /** An under-13 whose guardian has not confirmed yet; returns the bearer token. */
    private String unconsentedChild(String email, String guardian) {
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", Accounts.PASSWORD,
                "displayName", "Anak Dua Belas", "birthYear", child(), "guardianEmail", guardian))
                .post("/api/auth/register").then().statusCode(202);
        return Accounts.login(email, Accounts.PASSWORD);
    }

    private void patchBirthYear(String token, int year) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("birthYear", year))
                .patch("/api/me").then().statusCode(200).body("guardianConsentPending", equalTo(true));
    }

    private long rows(String table, String email) {
        return Accounts.count(db, "SELECT count(*) FROM " + table + " x JOIN participant p ON p.id = x.participant_id "
                + "JOIN app_user u ON u.id = p.user_id WHERE lower(u.email) = lower(?)", email);
    }

    private long participants(String email) {
        return Accounts.count(db, "SELECT count(*) FROM participant p JOIN app_user u ON u.id = p.user_id "
                + "WHERE lower(u.email) = lower(?)", email);
    }

    private String join(String token) {
        return "/api/challenges/" + challenge + "/participants";
    }

    @Test
    void theIssuesAttackChangingTheBirthYearDoesNotLiftTheConsentRequirement() {
        String email = Accounts.uniqueEmail("anak");
        String token = unconsentedChild(email, Accounts.uniqueEmail("wali"));
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("nickname", "BukanAnak"))
                .post(join(token)).then(), 403, "guardian-consent-required");

        patchBirthYear(token, teen());
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("nickname", "BukanAnak"))
                .post(join(token)).then(), 403, "guardian-consent-required");
        assertEquals(0, participants(email));

        patchBirthYear(token, child());
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(ChallengeFixtures.log(30, ChallengeFixtures.today()))
                .post("/api/challenges/" + challenge + "/logs").then(), 403, "guardian-consent-required");
        assertEquals(0, participants(email));
        assertEquals(0, rows("reading_log", email));
    }

    /** A child who joined before the rule (or whose requirement arose later) is stopped at each action. */
    private String childAlreadyParticipating(String email) {
        String token = unconsentedChild(email, Accounts.uniqueEmail("wali"));
        // As if they had joined through the hole this issue closes.
        Accounts.sql(db, "UPDATE app_user SET guardian_consent_at = now() WHERE lower(email) = lower(?)", email);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("nickname", ChallengeFixtures.nickname("Cilik")))
                .post(join(token)).then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(ChallengeFixtures.log(10, ChallengeFixtures.today().minusDays(1)))
                .post("/api/challenges/" + challenge + "/logs").then().statusCode(201);
        Accounts.sql(db, "UPDATE app_user SET guardian_consent_at = NULL WHERE lower(email) = lower(?)", email);
        return token;
    }

    @Test
    void loggingReadingNeedsConsent() {
        String email = Accounts.uniqueEmail("catat");
        String token = childAlreadyParticipating(email);
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(ChallengeFixtures.log(30, ChallengeFixtures.today()))
                .post("/api/challenges/" + challenge + "/logs").then(), 403, "guardian-consent-required");
        assertEquals(1, rows("reading_log", email));
    }

    @Test
    void sharingAReviewNeedsConsentAlsoByEditingALog() {
        String email = Accounts.uniqueEmail("ulasan");
        String token = childAlreadyParticipating(email);
        long logId = Accounts.count(db, "SELECT l.id FROM reading_log l JOIN participant p ON p.id = l.participant_id "
                + "JOIN app_user u ON u.id = p.user_id WHERE lower(u.email) = lower(?)", email);
        Map<String, Object> log = new HashMap<>(ChallengeFixtures.log(10, ChallengeFixtures.today().minusDays(1)));
        log.put("review", "Seru sekali, semua harus baca");
        log.put("shareReview", true);
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(log)
                .put("/api/challenges/" + challenge + "/logs/" + logId).then(), 403, "guardian-consent-required");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM reading_log WHERE id = ? AND (review IS NOT NULL "
                + "OR share_review)", logId));
    }

    @Test
    void redeemingACodeNeedsConsent() {
        String email = Accounts.uniqueEmail("kode");
        String token = childAlreadyParticipating(email);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("code", "ANAK-" + System.nanoTime(),
                "points", 25)).post("/api/challenges/" + challenge + "/codes").then().statusCode(201);
        String code = given().auth().oauth2(staff).get("/api/challenges/" + challenge + "/codes").then().statusCode(200)
                .extract().jsonPath().getString("[0].code");
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/api/challenges/" + challenge + "/codes/redeem").then(), 403, "guardian-consent-required");
        assertEquals(0, rows("code_redemption", email));
    }

    @Test
    void aChildsOwnDataStaysTheirsToHideAndDeleteWithoutConsent() {
        String email = Accounts.uniqueEmail("hapuslog");
        String token = childAlreadyParticipating(email);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("hidden", true))
                .put("/api/challenges/" + challenge + "/me/visibility").then().statusCode(200);
        long logId = Accounts.count(db, "SELECT l.id FROM reading_log l JOIN participant p ON p.id = l.participant_id "
                + "JOIN app_user u ON u.id = p.user_id WHERE lower(u.email) = lower(?)", email);
        given().auth().oauth2(token).delete("/api/challenges/" + challenge + "/logs/" + logId).then().statusCode(204);
        assertEquals(0, rows("reading_log", email));
    }

    @Test
    void becomingUnderThirteenNeedsAGuardianWhoIsAsked() {
        String email = Accounts.uniqueEmail("remaja");
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", Accounts.PASSWORD,
                "displayName", "Remaja Empat Belas", "birthYear", teen())).post("/api/auth/register").then().statusCode(202);
        String token = Accounts.login(email, Accounts.PASSWORD);
        given().auth().oauth2(token).get("/api/me").then().body("guardianConsentPending", equalTo(false));

        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("birthYear", child()))
                .patch("/api/me").then(), 400, "validation")
                .body("errors[0].field", equalTo("guardianEmail"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM app_user WHERE lower(email) = lower(?) AND birth_year = ?",
                email, teen()));

        String guardian = Accounts.uniqueEmail("wali");
        mailbox.clear();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("birthYear", child(), "guardianEmail", guardian))
                .patch("/api/me").then().statusCode(200)
                .body("birthYear", equalTo(child()))
                .body("guardianConsentPending", equalTo(true));
        var mails = mailbox.getMailsSentTo(guardian);
        assertEquals(1, mails.size());
        Matcher link = Pattern.compile("/persetujuan/([A-Za-z0-9_-]{43})").matcher(mails.get(0).getText());
        assertTrue(link.find(), mails.get(0).getText());

        // Back to fourteen: still pending, until the guardian confirms.
        patchBirthYear(token, teen());
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("nickname", "Empatbelas"))
                .post(join(token)).then(), 403, "guardian-consent-required");
        given().post("/api/auth/guardian-consent/" + link.group(1)).then().statusCode(204);
        given().auth().oauth2(token).get("/api/me").then().body("guardianConsentPending", equalTo(false));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("nickname", "Empatbelas"))
                .post(join(token)).then().statusCode(201);
    }
}
