package id.serambi.event.registration;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import id.serambi.common.JsonTimestamps;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Patrons register, come back, cancel; seats, the waitlist and the join URL behave. */
@QuarkusTest
class RegistrationTest {

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    String staff;

    @BeforeEach
    void staff() {
        staff = Staff.token();
    }

    private long event(int capacity) {
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("capacity", capacity);
        return EventFixtures.published(staff, body);
    }

    /** A misspelt field is a 400 that names it, not a WhatsApp number silently lost. Nothing is written. */
    @Test
    void anUnknownFieldIsRefusedByName() {
        long id = event(5);
        String email = Accounts.uniqueEmail("ejaan");
        assertProblem(given().contentType(ContentType.JSON)
                .body(Map.of("name", "Siti Nurhaliza", "email", email, "whatsap", "0812-3456-7890"))
                .post("/api/events/" + id + "/registrations").then(), 400, "validation")
                .body("errors[0].field", equalTo("whatsap"))
                .body("errors[0].message", equalTo("unknown field"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", id));
        given().contentType(ContentType.JSON).body(Map.of("name", "Siti Nurhaliza", "email", email, "whatsapp",
                "0812-3456-7890")).post("/api/events/" + id + "/registrations").then().statusCode(202);
    }

    @Test
    void seatsAreConfirmedUntilFullThenTheWaitlistGrows() {
        long id = event(2);
        String first = Accounts.uniqueEmail("satu");
        String answer = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Siti Nurhaliza", "email", first, "whatsapp", "0812-3456-7890", "ageGroup", "ADULT"))
                .post("/api/events/" + id + "/registrations").then().statusCode(202)
                .header("Location", nullValue())
                .extract().asString();
        assertEquals("{\"eventId\":" + id + ",\"email\":\"" + first + "\",\"emailSent\":true}", answer);
        // The manage link reaches the patron by e-mail only.
        String token = EventFixtures.tokenFromMail(mailbox, first);
        assertEquals(43, token.length());
        given().get("/api/registrations/" + token).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("waitlistPosition", nullValue());
        // Only the token's hash is stored.
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration_token WHERE token_hash = encode(sha256(?::bytea), 'hex')", token));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration_token WHERE token_hash = ?", token));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND email = ?"
                + " AND whatsapp = '+6281234567890' AND age_group = 'ADULT' AND status = 'CONFIRMED'", id, first));

        EventFixtures.register(id, "Budi", Accounts.uniqueEmail("dua"));
        String third = Accounts.uniqueEmail("tiga");
        JsonPath waitlisted = EventFixtures.register(id, "Citra", third);
        assertEquals("WAITLISTED", waitlisted.getString("status"));
        assertEquals(1, waitlisted.getInt("waitlistPosition"));
        assertEquals(2, EventFixtures.register(id, "Dewi", Accounts.uniqueEmail("empat")).getInt("waitlistPosition"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event WHERE id = ? AND confirmed_count = 2", id));

        given().get("/api/events/" + id).then().statusCode(200)
                .body("confirmedCount", equalTo(2)).body("seatsLeft", equalTo(0)).body("waitlistCount", equalTo(2));

        List<Mail> mails = mailbox.getMailsSentTo(first);
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getSubject().startsWith("Pendaftaran terkonfirmasi: "), mails.get(0).getSubject());
        assertTrue(mails.get(0).getText().contains("WITA"), mails.get(0).getText());
        assertTrue(mails.get(0).getText().contains("/acara/pendaftaran/" + token), mails.get(0).getText());
        assertTrue(mailbox.getMailsSentTo(third).get(0).getSubject().startsWith("Anda masuk daftar tunggu"));
        assertFalse(mailbox.getMailsSentTo(third).get(0).getText().contains("zoom.us"));
    }

    /**
     * Issue 13, finding 9: registering a known e-mail answered 200 with no token where a new one got 201, so anyone
     * could learn who is registered for an event. Now both get the same 202 and body; only the owner's inbox differs.
     */
    @Test
    void aKnownEmailGetsTheSameAnswerAsANewOneAndItsOwnerANewLink() {
        long id = event(10);
        String email = Accounts.uniqueEmail("ulang");
        JsonPath first = EventFixtures.register(id, "Rudi", email);
        String repeated = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Rudi Lagi", "email", "  " + email.toUpperCase() + " "))
                .post("/api/events/" + id + "/registrations").then().statusCode(202)
                .header("Location", nullValue()).extract().asString();
        String stranger = Accounts.uniqueEmail("baru");
        String fresh = given().contentType(ContentType.JSON).body(Map.of("name", "Orang Baru", "email", stranger))
                .post("/api/events/" + id + "/registrations").then().statusCode(202)
                .header("Location", nullValue()).extract().asString();
        assertEquals(fresh.replace(stranger, "E"), repeated.replace(email.toUpperCase(), "E"),
                "a known and a new e-mail get the same answer");
        assertFalse(repeated.contains(String.valueOf(first.getLong("id"))), repeated);
        assertFalse(repeated.contains("CONFIRMED"), repeated);
        // Issue 16: the repeat answered manageToken: null where a token was promised. The answer carries no token
        // (it is e-mailed) and no null: exactly what RegistrationResult declares, every property present.
        Map<String, Object> answer = JsonPath.from(repeated).getMap("");
        assertEquals(java.util.Set.of("eventId", "email", "emailSent"), answer.keySet(), repeated);
        assertFalse(answer.containsValue(null), repeated);
        assertEquals(true, answer.get("emailSent"));

        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND lower(email) = lower(?)", id, email));
        assertEquals(2, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));

        // A new link went to the owner's mailbox; both links work.
        assertEquals(2, mailbox.getMailsSentTo(email).size());
        assertTrue(mailbox.getMailsSentTo(email).get(1).getSubject().startsWith("Tautan pendaftaran Anda: "));
        String mailed = EventFixtures.tokenFromMail(mailbox, email);
        assertNotEquals(first.getString("manageToken"), mailed);
        given().get("/api/registrations/" + mailed).then().statusCode(200).body("id", equalTo(first.getInt("id")));
        given().get("/api/registrations/" + first.getString("manageToken")).then().statusCode(200);
    }

    /** After the registration window closes, a known and a new e-mail get the same 409; the owner still gets a link. */
    @Test
    void afterTheWindowClosesAKnownEmailGetsTheSame409AsANewOne() {
        Instant start = Instant.now().plusSeconds(3 * 86400);
        Map<String, Object> body = EventFixtures.body(start);
        long id = EventFixtures.published(staff, body);
        String email = Accounts.uniqueEmail("jendela");
        EventFixtures.register(id, "Rina", email);
        Accounts.sql(db, "UPDATE event SET registration_closes_at = now() - interval '1 minute' WHERE id = ?", id);
        String known = assertProblem(given().contentType(ContentType.JSON).body(Map.of("name", "Rina", "email", email))
                .post("/api/events/" + id + "/registrations").then(), 409, "registration-closed").extract().asString();
        String unknown = assertProblem(given().contentType(ContentType.JSON)
                .body(Map.of("name", "Rina", "email", Accounts.uniqueEmail("jendela-baru")))
                .post("/api/events/" + id + "/registrations").then(), 409, "registration-closed").extract().asString();
        assertEquals(unknown, known);
        assertEquals(2, mailbox.getMailsSentTo(email).size(), "the owner still gets a new manage link");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", id));
    }

    @Test
    void twoHundredConcurrentRegistrationsFillExactlyFiftySeats() throws Exception {
        long id = event(50);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String email = Accounts.uniqueEmail("serbu" + i);
                calls.add(() -> given().contentType(ContentType.JSON).body(Map.of("name", "Peserta", "email", email))
                        .post("/api/events/" + id + "/registrations").statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(200, statuses.stream().filter(s -> s == 202).count(), statuses.toString());
        assertEquals(50, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND status = 'CONFIRMED'", id));
        assertEquals(150, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND status = 'WAITLISTED'", id));
        assertEquals(50, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
    }

    @Test
    void concurrentRegistrationsOfOneEmailMakeOneRegistration() throws Exception {
        long id = event(5);
        String email = Accounts.uniqueEmail("kembar");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String variant = i % 2 == 0 ? email : email.toUpperCase();
                calls.add(() -> given().contentType(ContentType.JSON).body(Map.of("name", "Kembar", "email", variant))
                        .post("/api/events/" + id + "/registrations").statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(10, statuses.stream().filter(s -> s == 202).count(), statuses.toString());
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", id));
        assertEquals(1, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
    }

    @Test
    void cancellingASeatPromotesTheEarliestWaitlistedAndMailsThem() {
        long id = event(1);
        JsonPath a = EventFixtures.register(id, "Ani", Accounts.uniqueEmail("ani"));
        String bEmail = Accounts.uniqueEmail("bayu");
        JsonPath b = EventFixtures.register(id, "Bayu", bEmail);
        String cEmail = Accounts.uniqueEmail("cici");
        JsonPath c = EventFixtures.register(id, "Cici", cEmail);
        assertEquals("WAITLISTED", b.getString("status"));

        given().delete("/api/registrations/" + a.getString("manageToken")).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("joinUrl", nullValue());
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND status = 'CONFIRMED'"
                + " AND confirmed_at IS NOT NULL", b.getLong("id")));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND status = 'WAITLISTED'", c.getLong("id")));
        assertEquals(1, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));

        Mail promoted = mailbox.getMailsSentTo(bEmail).get(mailbox.getMailsSentTo(bEmail).size() - 1);
        assertTrue(promoted.getSubject().startsWith("Kursi tersedia"), promoted.getSubject());
        assertTrue(promoted.getText().contains("zoom.us"), promoted.getText());
        given().get("/api/registrations/" + EventFixtures.tokenFromMail(mailbox, bEmail)).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("joinUrl", containsString("zoom.us"));
        given().get("/api/registrations/" + c.getString("manageToken")).then().statusCode(200)
                .body("waitlistPosition", equalTo(1));
        assertEquals(1, mailbox.getMailsSentTo(cEmail).size());

        // Cancelling again changes nothing; a waitlisted patron leaving promotes nobody.
        given().delete("/api/registrations/" + a.getString("manageToken")).then().statusCode(200);
        given().delete("/api/registrations/" + c.getString("manageToken")).then().statusCode(200);
        assertEquals(1, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
        // The last seat holder leaving frees the seat.
        given().delete("/api/registrations/" + b.getString("manageToken")).then().statusCode(200);
        assertEquals(0, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
        // Cancelled e-mails can register again.
        assertEquals("CONFIRMED", EventFixtures.register(id, "Cici", cEmail).getString("status"));
    }

    @Test
    void raisingTheCapacityPromotesTheWaitlistInOrder() {
        long id = event(1);
        EventFixtures.register(id, "Ani", Accounts.uniqueEmail("ani"));
        String bEmail = Accounts.uniqueEmail("bayu");
        JsonPath b = EventFixtures.register(id, "Bayu", bEmail);
        JsonPath c = EventFixtures.register(id, "Cici", Accounts.uniqueEmail("cici"));
        given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, id)).contentType(ContentType.JSON).body(Map.of("capacity", 2))
                .patch("/api/events/" + id).then().statusCode(200)
                .body("confirmedCount", equalTo(2)).body("waitlistCount", equalTo(1));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND status = 'CONFIRMED'", b.getLong("id")));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND status = 'WAITLISTED'", c.getLong("id")));
        assertTrue(mailbox.getMailsSentTo(bEmail).stream().anyMatch(m -> m.getSubject().startsWith("Kursi tersedia")));
    }

    @Test
    void closedEventsAndWindowsAre409ProblemsAndWriteNothing() {
        Instant start = EventFixtures.uniqueDay();
        Map<String, Object> notYet = EventFixtures.body(start);
        notYet.put("registrationOpensAt", start.minusSeconds(3600).toString());
        long notYetId = EventFixtures.published(staff, notYet);
        assertProblem(registerAnyone(notYetId), 409, "registration-not-open");

        long closedId = EventFixtures.published(staff, EventFixtures.body(start));
        Accounts.sql(db, "UPDATE event SET registration_closes_at = now() - interval '1 minute' WHERE id = ?", closedId);
        assertProblem(registerAnyone(closedId), 409, "registration-closed");

        long draftId = EventFixtures.create(staff, EventFixtures.body(start));
        assertProblem(registerAnyone(draftId), 409, "event-not-published");

        long cancelledId = EventFixtures.published(staff, EventFixtures.body(start));
        given().auth().oauth2(staff).post("/api/events/" + cancelledId + "/cancel").then().statusCode(200);
        assertProblem(registerAnyone(cancelledId), 409, "event-cancelled");

        long pastId = EventFixtures.published(staff, EventFixtures.body(start));
        Accounts.sql(db, "UPDATE event SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = ?", pastId);
        assertProblem(registerAnyone(pastId), 409, "event-over");

        assertProblem(registerAnyone(999999999L), 404, "not-found");
        for (long id : new long[] { notYetId, closedId, draftId, cancelledId, pastId }) {
            assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", id));
            assertEquals(0, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
        }
    }

    private io.restassured.response.ValidatableResponse registerAnyone(long id) {
        return given().contentType(ContentType.JSON).body(Map.of("name", "Eko", "email", Accounts.uniqueEmail("eko")))
                .post("/api/events/" + id + "/registrations").then();
    }

    @Test
    void badRegistrationsAre400ProblemsAndWriteNothing() {
        long id = event(10);
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("name", " ", "email", "bukan-email"))
                .post("/api/events/" + id + "/registrations").then(), 400, "validation")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "email"));
        assertProblem(given().contentType(ContentType.JSON)
                .body(Map.of("name", "Fajar", "email", Accounts.uniqueEmail("fajar"), "whatsapp", "nomor saya"))
                .post("/api/events/" + id + "/registrations").then(), 400, "validation")
                .body("errors[0].field", equalTo("whatsapp"));
        assertProblem(given().contentType(ContentType.JSON)
                .body(Map.of("name", "Fajar", "email", Accounts.uniqueEmail("fajar"), "ageGroup", "BALITA"))
                .post("/api/events/" + id + "/registrations").then(), 400, "validation")
                .body("errors[0].field", equalTo("ageGroup"));
        Map<String, Object> longName = new HashMap<>(Map.of("name", "x".repeat(121), "email", Accounts.uniqueEmail("panjang")));
        assertProblem(given().contentType(ContentType.JSON).body(longName)
                .post("/api/events/" + id + "/registrations").then(), 400, "validation");
        assertProblem(given().contentType(ContentType.JSON).body("[]")
                .post("/api/events/" + id + "/registrations").then(), 400, "malformed-json");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", id));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration_token t JOIN registration r ON r.id = t.registration_id WHERE r.event_id = ?", id));

        assertProblem(given().get("/api/registrations/bukan-token").then(), 404, "not-found");
        assertProblem(given().get("/api/registrations/" + "A".repeat(43)).then(), 404, "not-found");
        assertProblem(given().delete("/api/registrations/" + "A".repeat(43)).then(), 404, "not-found");
    }

    @Test
    void theJoinUrlReachesOnlyConfirmedRegistrants() {
        Instant day = EventFixtures.uniqueDay();
        Map<String, Object> body = EventFixtures.body(day);
        body.put("capacity", 1);
        String joinUrl = (String) body.get("joinUrl");
        long id = EventFixtures.published(staff, body);
        JsonPath confirmed = EventFixtures.register(id, "Gita", Accounts.uniqueEmail("gita"));
        JsonPath waitlisted = EventFixtures.register(id, "Hadi", Accounts.uniqueEmail("hadi"));

        List<String> anyonesResponses = List.of(
                given().queryParam("from", day.toString()).queryParam("to", day.plusSeconds(86400).toString())
                        .get("/api/events").then().statusCode(200).body("items", hasSize(1)).extract().asString(),
                given().get("/api/events").then().statusCode(200).extract().asString(),
                given().get("/api/events/" + id).then().statusCode(200).extract().asString(),
                given().get("/api/events/" + id + "/calendar.ics").then().statusCode(200).extract().asString(),
                given().get("/api/calendar.ics").then().statusCode(200).extract().asString(),
                given().contentType(ContentType.JSON).body(Map.of("name", "Hadi", "email", "hadi@lain.example"))
                        .post("/api/events/" + id + "/registrations").then().statusCode(202).extract().asString());
        String zoomId = joinUrl.substring(joinUrl.lastIndexOf('/') + 1);
        for (String response : anyonesResponses) {
            assertFalse(response.contains(zoomId), response);
            assertFalse(response.contains("@test.serambi.id"), response);
            assertFalse(response.contains("Gita"), response);
        }
        // A waitlisted patron sees their own registration, but not the join URL.
        for (String response : List.of(
                given().get("/api/registrations/" + waitlisted.getString("manageToken")).then().statusCode(200)
                        .body("status", equalTo("WAITLISTED")).body("joinUrl", nullValue()).extract().asString(),
                given().get("/api/registrations/" + waitlisted.getString("manageToken") + "/calendar.ics").then()
                        .statusCode(200).extract().asString())) {
            assertFalse(response.contains(zoomId), response);
        }
        given().get("/api/registrations/" + confirmed.getString("manageToken")).then().statusCode(200)
                .body("joinUrl", equalTo(joinUrl))
                .body("event.joinUrl", nullValue())
                .body("cancellable", equalTo(true));
        given().get("/api/registrations/" + confirmed.getString("manageToken") + "/calendar.ics").then()
                .statusCode(200).body(containsString(zoomId));
        given().auth().oauth2(staff).get("/api/events/manage/" + id).then().statusCode(200)
                .body("joinUrl", equalTo(joinUrl));
    }

    @Test
    void cancellingAnEventMailsEveryActiveRegistrant() {
        long id = event(1);
        String confirmed = Accounts.uniqueEmail("tetap");
        JsonPath a = EventFixtures.register(id, "Indah", confirmed);
        String waiting = Accounts.uniqueEmail("tunggu");
        EventFixtures.register(id, "Joko", waiting);
        String gone = Accounts.uniqueEmail("pergi");
        JsonPath c = EventFixtures.register(id, "Kiki", gone);
        given().delete("/api/registrations/" + c.getString("manageToken")).then().statusCode(200);

        given().auth().oauth2(staff).post("/api/events/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        for (String email : List.of(confirmed, waiting)) {
            assertTrue(mailbox.getMailsSentTo(email).stream().anyMatch(m -> m.getSubject().startsWith("Acara dibatalkan")),
                    email);
        }
        assertFalse(mailbox.getMailsSentTo(gone).stream().anyMatch(m -> m.getSubject().startsWith("Acara dibatalkan")));
        given().get("/api/registrations/" + a.getString("manageToken")).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancellable", equalTo(false))
                .body("joinUrl", nullValue())
                .body("event.status", equalTo("CANCELLED"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND status <> 'CANCELLED'", id));
        assertEquals(3, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND cancelled_at IS NOT NULL", id));
        assertEquals(0, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
        given().get("/api/events/" + id).then().statusCode(200).body("registrationOpen", equalTo(false));
    }

    @Test
    void aRegistrationCannotBeCancelledOnceTheEventStarted() {
        long id = event(5);
        JsonPath a = EventFixtures.register(id, "Lina", Accounts.uniqueEmail("lina"));
        Accounts.sql(db, "UPDATE event SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '1 hour' WHERE id = ?", id);
        assertProblem(given().delete("/api/registrations/" + a.getString("manageToken")).then(), 409, "event-started");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND status = 'CONFIRMED'", a.getLong("id")));
        assertEquals(1, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
        given().get("/api/registrations/" + a.getString("manageToken")).then().statusCode(200)
                .body("cancellable", equalTo(false)).body("feedbackOpen", equalTo(true))
                .body("createdAt", notNullValue()).body("name", not(equalTo("")));
    }

    @Test
    void movingAPublishedEventMailsItsRegistrantsAndRearmsReminders() {
        long id = event(5);
        String email = Accounts.uniqueEmail("jadwal");
        JsonPath r = EventFixtures.register(id, "Maya", email);
        Accounts.sql(db, "UPDATE registration SET reminder_sent_at = now() WHERE id = ?", r.getLong("id"));
        Instant newStart = EventFixtures.uniqueDay();
        given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, id)).contentType(ContentType.JSON)
                .body(Map.of("startsAt", newStart.toString(), "endsAt", newStart.plusSeconds(3600).toString()))
                .patch("/api/events/" + id).then().statusCode(200)
                .body("startsAt", equalTo(JsonTimestamps.format(newStart)));
        List<Mail> mails = mailbox.getMailsSentTo(email);
        Mail moved = mails.get(mails.size() - 1);
        assertTrue(moved.getSubject().startsWith("Perubahan jadwal"), moved.getSubject());
        assertTrue(moved.getText().contains("WITA"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND reminder_sent_at IS NULL", r.getLong("id")));
        // Changing only the description mails nobody.
        given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, id)).contentType(ContentType.JSON).body(Map.of("description", "Deskripsi baru"))
                .patch("/api/events/" + id).then().statusCode(200);
        assertEquals(mails.size(), mailbox.getMailsSentTo(email).size());
    }
}
