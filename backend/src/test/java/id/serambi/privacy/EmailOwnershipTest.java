package id.serambi.privacy;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 2: an account sees and changes what was made under its e-mail by someone else (a guest's event
 * registration) only once it has proven that it owns the address, through the link sent at sign-up.
 */
@QuarkusTest
class EmailOwnershipTest {

    private static final Pattern LINK = Pattern.compile("/akun/verifikasi/([A-Za-z0-9_-]{43})");

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    private long publishedEvent() {
        String staff = Accounts.tokenFor(db, "STAFF");
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        long id = given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/events")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(staff).post("/api/events/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private static void signUp(String email) {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", Accounts.PASSWORD, "displayName", "Penyusup", "birthYear", 1995))
                .post("/api/auth/register").then().statusCode(202);
    }

    private String verificationLink(String email) {
        var mails = mailbox.getMailsSentTo(email);
        assertTrue(!mails.isEmpty(), "no mail to " + email);
        Matcher m = LINK.matcher(mails.get(mails.size() - 1).getText());
        assertTrue(m.find(), mails.get(mails.size() - 1).getText());
        return m.group(1);
    }

    @Test
    void anUnverifiedAccountNeitherSeesNorErasesAGuestsRegistrationsUnderItsEmail() {
        long event = publishedEvent();
        String victim = Accounts.uniqueEmail("rina");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Rina Wulandari", "email", victim, "whatsapp", "0812-3456-7890"))
                .post("/api/events/" + event + "/registrations").then().statusCode(202);

        // Anyone signs up with Rina's address, and logs in: the account works, but is not verified.
        mailbox.clear();
        signUp(victim.toUpperCase());
        String attacker = Accounts.login(victim, Accounts.PASSWORD);
        given().auth().oauth2(attacker).get("/api/me").then().statusCode(200).body("emailVerified", equalTo(false));

        given().auth().oauth2(attacker).get("/api/me/export").then().statusCode(200)
                .body("eventRegistrations", hasSize(0))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Rina Wulandari")));
        given().auth().oauth2(attacker).delete("/api/me").then().statusCode(204);

        // Rina's registration is untouched.
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND email = ? "
                + "AND name = 'Rina Wulandari' AND whatsapp = '+6281234567890' AND status = 'CONFIRMED'", event, victim));
    }

    @Test
    void theOwnerVerifiesThroughTheLinkAndThenSeesTheirRegistrations() {
        long event = publishedEvent();
        String email = Accounts.uniqueEmail("pemilik");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Rina Pemilik", "email", email, "whatsapp", "0812-1111-2222"))
                .post("/api/events/" + event + "/registrations").then().statusCode(202);
        mailbox.clear();
        signUp(email);
        String token = Accounts.login(email, Accounts.PASSWORD);
        given().auth().oauth2(token).get("/api/me/export").then().body("eventRegistrations", hasSize(0));

        String link = verificationLink(email);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM app_user WHERE email_verification_hash = ?", link),
                "only the hash is stored");
        given().post("/api/auth/verify-email/" + link).then().statusCode(204);
        given().auth().oauth2(token).get("/api/me").then().body("emailVerified", equalTo(true));
        given().auth().oauth2(token).get("/api/me/export").then().statusCode(200)
                .body("eventRegistrations", hasSize(1))
                .body("eventRegistrations[0].name", equalTo("Rina Pemilik"))
                .body("eventRegistrations[0].whatsapp", equalTo("+6281211112222"));

        // A used link is refused, and so is one nobody issued.
        assertProblem(given().post("/api/auth/verify-email/" + link).then(), 404, "not-found");
        assertProblem(given().post("/api/auth/verify-email/bukan-token").then(), 404, "not-found");

        given().auth().oauth2(token).delete("/api/me").then().statusCode(204);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND lower(email) = lower(?)",
                event, email));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND name = 'Dihapus' "
                + "AND whatsapp IS NULL", event));
    }

    @Test
    void anExpiredLinkIsRefusedAndANewOneCanBeAskedFor() {
        String email = Accounts.uniqueEmail("kedaluwarsa");
        mailbox.clear();
        signUp(email);
        String link = verificationLink(email);
        // Two days later: the link has expired.
        Accounts.sql(db, "UPDATE app_user SET email_verification_expires_at = now() - interval '1 minute', "
                + "email_verification_sent_at = now() - interval '2 days' WHERE lower(email) = lower(?)", email);
        assertProblem(given().post("/api/auth/verify-email/" + link).then(), 410, "verification-link-expired");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM app_user WHERE lower(email) = lower(?) "
                + "AND email_verified_at IS NULL", email));

        String token = Accounts.login(email, Accounts.PASSWORD);
        mailbox.clear();
        given().auth().oauth2(token).post("/api/me/verification").then().statusCode(202)
                .body("email", equalTo(email)).body("verificationSent", equalTo(true));
        String fresh = verificationLink(email);
        assertTrue(!fresh.equals(link));
        // Asking again at once is too soon: the mailbox is not a megaphone.
        assertProblem(given().auth().oauth2(token).post("/api/me/verification").then(), 429, "rate-limited")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertEquals(1, mailbox.getMailsSentTo(email).size());

        given().post("/api/auth/verify-email/" + fresh).then().statusCode(204);
        given().auth().oauth2(token).get("/api/me").then().body("emailVerified", equalTo(true));
        // Verified: there is nothing left to send.
        assertProblem(given().auth().oauth2(token).post("/api/me/verification").then(), 409, "already-verified");
    }

    @Test
    void aSignUpWithAKnownEmailLooksTheSameAndTellsTheOwner() {
        String email = Accounts.uniqueEmail("dikenal");
        mailbox.clear();
        var first = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", Accounts.PASSWORD, "displayName", "Asli", "birthYear", 1990))
                .post("/api/auth/register").then().statusCode(202).extract();
        var second = given().contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase(), "password", "lain-lagi-12345", "displayName", "Tiruan",
                        "birthYear", 2000))
                .post("/api/auth/register").then().statusCode(202).extract();
        assertEquals(first.contentType(), second.contentType());
        assertEquals(first.jsonPath().getMap("$").keySet(), second.jsonPath().getMap("$").keySet());
        assertEquals(true, second.jsonPath().getBoolean("verificationSent"));
        assertEquals(null, second.header("Location"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM app_user WHERE lower(email) = lower(?)", email));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM app_user WHERE lower(email) = lower(?) "
                + "AND display_name = 'Asli'", email));

        var mails = mailbox.getMailsSentTo(email);
        assertEquals(2, mails.size());
        assertTrue(LINK.matcher(mails.get(0).getText()).find(), mails.get(0).getText());
        assertTrue(!LINK.matcher(mails.get(1).getText()).find(), "no verification link for a stranger's try");
        assertTrue(mails.get(1).getText().contains("/masuk"), mails.get(1).getText());
        // Only the real owner's password opens the account.
        Accounts.login(email, Accounts.PASSWORD);
    }
}
