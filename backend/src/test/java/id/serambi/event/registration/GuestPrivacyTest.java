package id.serambi.event.registration;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import id.serambi.support.ManageLinks;
import id.serambi.support.contract.ContractFilter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 2 (guests' half): a guest exercises their UU PDP rights through the manage link (export and
 * erasure of the registration's data), and guests' personal data is purged a while after the event ends.
 */
@QuarkusTest
class GuestPrivacyTest {

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    @Inject
    GuestDataPurgeJob purge;

    String staff;

    @BeforeEach
    void staff() {
        staff = Staff.token();
    }

    private long event(int capacity, String type) {
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("capacity", capacity);
        body.put("type", type);
        return EventFixtures.published(staff, body);
    }

    @Test
    void aGuestExportsEverythingHeldAboutTheirRegistration() {
        long id = event(5, "LIVE_QA");
        String email = Accounts.uniqueEmail("ekspor");
        JsonPath r = ManageLinks.register(id, Map.of("name", "Siti Nurhaliza", "email", email,
                "whatsapp", "0812-3456-7890", "ageGroup", "ADULT"));
        String token = r.getString("manageToken");
        given().contentType(ContentType.JSON).body(Map.of("manageToken", token,
                "text", "Apakah ada sekuel Laskar Pelangi?", "displayName", "Siti"))
                .post("/api/events/" + id + "/questions").then().statusCode(201);
        given().auth().oauth2(staff).post("/api/events/" + id + "/registrations/" + r.getLong("id") + "/check-in")
                .then().statusCode(200);
        Accounts.sql(db, "UPDATE event SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' "
                + "WHERE id = ?", id);
        given().contentType(ContentType.JSON).body(Map.of("rating", 4, "comment", "Seru sekali."))
                .post("/api/registrations/" + token + "/feedback").then().statusCode(201);

        var answer = given().get("/api/registrations/" + token + "/export").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Content-Disposition", startsWith("attachment; filename="))
                .header("Cache-Control", "no-store")
                .extract();
        JsonPath data = answer.jsonPath();
        assertEquals("Siti Nurhaliza", data.getString("registration.name"));
        assertEquals(email, data.getString("registration.email"));
        assertEquals("+6281234567890", data.getString("registration.whatsapp"));
        assertEquals("ADULT", data.getString("registration.ageGroup"));
        assertEquals("ATTENDED", data.getString("registration.status"));
        assertTrue(data.getString("registration.registeredAt") != null);
        assertEquals(id, data.getLong("event.id"));
        assertTrue(data.getString("event.title").startsWith("Diskusi Buku"), data.getString("event.title"));
        assertTrue(data.getString("event.startsAt") != null);
        assertEquals(true, data.getBoolean("attendance.attended"));
        assertTrue(data.getString("attendance.attendedAt") != null);
        assertEquals(4, data.getInt("feedback.rating"));
        assertEquals("Seru sekali.", data.getString("feedback.comment"));
        assertEquals(1, data.getList("questions").size());
        assertEquals("Apakah ada sekuel Laskar Pelangi?", data.getString("questions[0].text"));
        assertEquals("Siti", data.getString("questions[0].displayName"));

        assertProblem(given().get("/api/registrations/" + "A".repeat(43) + "/export").then(), 404, "not-found");
    }

    @Test
    void erasureReleasesTheSeatRemovesThePersonalDataAndKillsTheLink() {
        long id = event(1, "BOOK_DISCUSSION");
        String email = Accounts.uniqueEmail("hapus");
        JsonPath a = ManageLinks.register(id, Map.of("name", "Ani Rahmawati", "email", email, "whatsapp", "+6281211112222"));
        String token = a.getString("manageToken");
        String oldToken = token;
        // A second link for the same registration (registering again) must die too.
        given().contentType(ContentType.JSON).body(Map.of("name", "Ani", "email", email))
                .post("/api/events/" + id + "/registrations").then().statusCode(202);
        String secondToken = ManageLinks.fromMail(email);
        String waitingEmail = Accounts.uniqueEmail("tunggu");
        JsonPath b = EventFixtures.register(id, "Bayu", waitingEmail);
        assertEquals("WAITLISTED", b.getString("status"));
        long before = Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", id);

        given().delete("/api/registrations/" + token + "/personal-data").then().statusCode(204);

        // The seat went to the first in line, exactly as a cancellation does, and they were told.
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND status = 'CONFIRMED'",
                b.getLong("id")));
        assertEquals(1, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
        assertTrue(mailbox.getMailsSentTo(waitingEmail).stream().anyMatch(m -> m.getSubject().startsWith("Kursi tersedia")));
        // The row stays (counts stay) but holds nothing personal.
        assertEquals(before, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", id));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND status = 'CANCELLED' "
                + "AND name = 'Dihapus' AND email = 'dihapus-' || id || '@invalid.serambi.id' AND whatsapp IS NULL",
                a.getLong("id")));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration WHERE lower(email) = lower(?) "
                + "OR name = 'Ani Rahmawati' OR whatsapp = '+6281211112222'", email));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration_token WHERE registration_id = ?", a.getLong("id")));
        // Every link of that registration is dead.
        for (String dead : new String[] { oldToken, secondToken }) {
            assertProblem(given().get("/api/registrations/" + dead).then(), 404, "not-found");
            assertProblem(given().get("/api/registrations/" + dead + "/export").then(), 404, "not-found");
            assertProblem(given().delete("/api/registrations/" + dead + "/personal-data").then(), 404, "not-found");
        }
        // Staff see an anonymous cancelled row; the event's public counts are right.
        String list = given().auth().oauth2(staff).get("/api/events/" + id + "/registrations").then().statusCode(200)
                .body("total", equalTo(2)).extract().asString();
        assertFalse(list.contains(email) || list.contains("Ani Rahmawati"), list);
        given().get("/api/events/" + id).then().statusCode(200)
                .body("confirmedCount", equalTo(1)).body("waitlistCount", equalTo(0));
    }

    @Test
    void erasureAfterTheEventKeepsTheAttendanceAndQuestionsButNotTheName() {
        long id = event(5, "LIVE_QA");
        String email = Accounts.uniqueEmail("hadir");
        JsonPath a = EventFixtures.register(id, "Citra", email);
        String token = a.getString("manageToken");
        given().contentType(ContentType.JSON).body(Map.of("manageToken", token, "text", "Kapan sesi berikutnya?",
                "displayName", "Citra K."))
                .post("/api/events/" + id + "/questions").then().statusCode(201);
        given().auth().oauth2(staff).post("/api/events/" + id + "/registrations/" + a.getLong("id") + "/check-in")
                .then().statusCode(200);
        Accounts.sql(db, "UPDATE event SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' "
                + "WHERE id = ?", id);

        given().delete("/api/registrations/" + token + "/personal-data").then().statusCode(204);

        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND status = 'ATTENDED' "
                + "AND attended_at IS NOT NULL AND name = 'Dihapus' AND whatsapp IS NULL", a.getLong("id")));
        assertEquals(1, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event_question WHERE registration_id = ? "
                + "AND display_name IS NULL", a.getLong("id")));
        assertProblem(given().get("/api/registrations/" + token).then(), 404, "not-found");
    }

    @Test
    void guestsDataIsPurgedOnceTheRetentionAfterTheEventHasPassed() throws Throwable {
        long old = event(5, "LIVE_QA");
        long recent = event(5, "BOOK_DISCUSSION");
        String attendedEmail = Accounts.uniqueEmail("lama-hadir");
        JsonPath attended = ManageLinks.register(old, Map.of("name", "Dewi Lama", "email", attendedEmail,
                "whatsapp", "+6281233334444"));
        given().contentType(ContentType.JSON).body(Map.of("manageToken", attended.getString("manageToken"),
                "text", "Ada rekamannya?", "displayName", "Dewi"))
                .post("/api/events/" + old + "/questions").then().statusCode(201);
        JsonPath absent = EventFixtures.register(old, "Eko Lama", Accounts.uniqueEmail("lama-absen"));
        given().auth().oauth2(staff).post("/api/events/" + old + "/registrations/" + attended.getLong("id") + "/check-in")
                .then().statusCode(200);
        String keptEmail = Accounts.uniqueEmail("baru-hadir");
        JsonPath kept = ManageLinks.register(recent, Map.of("name", "Fajar Baru", "email", keptEmail,
                "whatsapp", "+6281255556666"));
        Accounts.sql(db, "UPDATE event SET starts_at = now() - interval '181 days' - interval '2 hours', "
                + "ends_at = now() - interval '181 days', status = 'COMPLETED' WHERE id = ?", old);
        Accounts.sql(db, "UPDATE event SET starts_at = now() - interval '179 days' - interval '2 hours', "
                + "ends_at = now() - interval '179 days', status = 'COMPLETED' WHERE id = ?", recent);
        String countsOld = counts(old);
        String countsRecent = counts(recent);

        // Survey answers given through the manage links of both events (issue 20).
        long survey = Accounts.count(db, "INSERT INTO survey (title_id, title_en, intro_id, intro_en, access, one_per_person, "
                + "status, sections) VALUES ('Umpan balik', 'Feedback', 'Isi', 'Fill', 'MANAGE_LINK', true, 'PUBLISHED', "
                + "'[]') RETURNING id");
        for (var registration : List.of(attended, kept)) {
            Accounts.sql(db, "INSERT INTO survey_response (survey_id, registration_id, event_id, age_group, once, answers, "
                    + "context_key) SELECT ?, r.id, r.event_id, 'ADULT', true, '{\"kepuasan\":5}', 'event:' || r.event_id "
                    + "FROM registration r WHERE r.id = ?", survey, registration.getLong("id"));
        }

        int purged = VertxContextSupport.subscribeAndAwait(() -> purge.purge());
        assertTrue(purged >= 2, "purged " + purged);
        // The old event's answer stays for the results, without its link to the guest; the recent one keeps its link.
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? AND event_id = ? "
                + "AND registration_id IS NULL AND answers->>'kepuasan' = '5'", survey, old));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? AND registration_id = ?",
                survey, kept.getLong("id")));
        assertEquals(0, (int) VertxContextSupport.subscribeAndAwait(() -> purge.purge()), "a second run changes nothing");

        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND (name <> 'Dihapus' "
                + "OR email <> 'dihapus-' || id || '@invalid.serambi.id' OR whatsapp IS NOT NULL)", old));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND status = 'ATTENDED' "
                + "AND attended_at IS NOT NULL", attended.getLong("id")));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND status = 'CONFIRMED'",
                absent.getLong("id")));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event_question WHERE registration_id = ? "
                + "AND display_name IS NULL", attended.getLong("id")));
        assertProblem(given().get("/api/registrations/" + attended.getString("manageToken")).then(), 404, "not-found");
        assertEquals(countsOld, counts(old), "the event's counts stay");

        // The event that ended 179 days ago is untouched.
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND name = 'Fajar Baru' "
                + "AND email = ? AND whatsapp = '+6281255556666'", kept.getLong("id"), keptEmail));
        given().get("/api/registrations/" + kept.getString("manageToken")).then().statusCode(200);
        assertEquals(countsRecent, counts(recent));
    }

    /** The browser tests' mailbox exists only in the e2e profile: anywhere else it is a plain 404 and shows nothing. */
    @Test
    void theTestMailboxIsClosedOutsideTheE2eProfile() {
        String email = Accounts.uniqueEmail("kotak");
        EventFixtures.register(event(5, "SEMINAR"), "Gita", email);
        // The test mailbox is left out of the OpenAPI document on purpose (Operation hidden): outside the contract.
        ContractFilter.unchecked(() -> assertProblem(given().queryParam("to", email).get("/api/e2e/mails").then(),
                404, "not-found"));
        assertFalse(E2eMailboxResource.enabled());
    }

    private String counts(long eventId) {
        return Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", eventId) + "/"
                + Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND status = 'ATTENDED'", eventId)
                + "/" + Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", eventId);
    }
}
