package id.serambi.event.messaging;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 17 point 6: staff e-mail an audience of an event's registrants. */
@QuarkusTest
class EventMessageTest {

    private static final Pattern MANAGE = Pattern.compile("/acara/pendaftaran/([A-Za-z0-9_-]{43})");

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    @Inject
    EventMessageSender sender;

    private List<Mail> withSubject(String email, String subject) {
        List<Mail> all = mailbox.getMailsSentTo(email);
        return all == null ? List.of() : all.stream().filter(m -> subject.equals(m.getSubject())).toList();
    }

    /** The e-mails go out in the background: run the sender, then wait a little for a run already under way. */
    private void drain() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> sender.sendPending());
    }

    @Test
    void staffEmailTheConfirmedRegistrantsAndSeeTheHistory() throws Throwable {
        String staff = Staff.token();
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("capacity", 3);
        long id = EventFixtures.published(staff, body);
        String ani = Accounts.uniqueEmail("pesan-ani");
        String budi = Accounts.uniqueEmail("pesan-budi");
        String erased = Accounts.uniqueEmail("pesan-hapus");
        String waiting = Accounts.uniqueEmail("pesan-tunggu");
        EventFixtures.register(id, "Ani", ani);
        JsonPath b = EventFixtures.register(id, "Budi", budi);
        JsonPath e = EventFixtures.register(id, "Erna", erased);
        EventFixtures.register(id, "Citra", waiting);
        given().auth().oauth2(staff).post("/api/events/" + id + "/registrations/" + b.getLong("id") + "/check-in")
                .then().statusCode(200);
        Accounts.sql(db, "UPDATE registration SET name = 'Dihapus', email = 'dihapus-' || id || '@invalid.serambi.id' "
                + "WHERE id = ?", e.getLong("id"));

        JsonPath counts = given().auth().oauth2(staff).get("/api/events/" + id + "/messages/audiences").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("ALL", "CONFIRMED", "WAITLISTED", "ATTENDED"), counts.getList("audience"));
        assertEquals(List.of(3, 2, 1, 1), counts.getList("recipients"), "the erased guest is not counted");

        String subject = "Tautan Zoom berubah " + id;
        JsonPath sent = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("audience", "CONFIRMED", "subject", "  " + subject + " ",
                        "body", "Mohon maaf, tautannya berubah.\n\nSampai jumpa <besok>!"))
                .post("/api/events/" + id + "/messages").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/events/" + id + "/messages"))
                .body("recipients", equalTo(2)).body("audience", equalTo("CONFIRMED"))
                .body("subject", equalTo(subject)).body("sentBy", notNullValue()).body("sentAt", notNullValue())
                .extract().jsonPath();

        drain();
        for (int i = 0; i < 50 && (withSubject(ani, subject).isEmpty() || withSubject(budi, subject).isEmpty()); i++) {
            Thread.sleep(100);
        }
        drain();
        for (String to : List.of(ani, budi)) {
            List<Mail> mails = withSubject(to, subject);
            assertEquals(1, mails.size(), to + " gets it once");
            Mail mail = mails.get(0);
            assertTrue(mail.getText().contains("Mohon maaf, tautannya berubah."), mail.getText());
            assertTrue(mail.getText().startsWith("Halo " + (to.equals(ani) ? "Ani" : "Budi") + ","), mail.getText());
            assertNotNull(mail.getHtml());
            assertTrue(mail.getHtml().contains("Sampai jumpa &lt;besok&gt;!"), mail.getHtml());
            Matcher link = MANAGE.matcher(mail.getText());
            assertTrue(link.find(), mail.getText());
            given().get("/api/registrations/" + link.group(1)).then().statusCode(200);
            assertFalse(mail.getText().toLowerCase().contains("berhenti berlangganan"));
        }
        assertTrue(withSubject(waiting, subject).isEmpty(), "not to the waitlist");
        assertTrue(withSubject(erased, subject).isEmpty(), "not to an erased guest");

        JsonPath history = given().auth().oauth2(staff).get("/api/events/" + id + "/messages").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, history.getList("$").size());
        assertEquals(sent.getLong("id"), history.getLong("[0].id"));
        assertEquals(2, history.getInt("[0].recipients"));
        assertEquals(2, history.getInt("[0].delivered"));
        assertEquals("CONFIRMED", history.getString("[0].audience"));
    }

    @Test
    void badMessagesAreRefusedAndOnlyStaffMaySend() {
        String staff = Staff.token();
        long id = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        EventFixtures.register(id, "Dodi", Accounts.uniqueEmail("pesan-dodi"));
        String path = "/api/events/" + id + "/messages";
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("audience", "ALL", "subject", " ", "body", "Isi")).post(path).then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("audience", "ALL", "subject", "Judul", "body", "")).post(path).then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("audience", "SEMUA", "subject", "Judul", "body", "Isi")).post(path).then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("subject", "Judul", "body", "Isi")).post(path).then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("audience", "ALL", "subject", "x".repeat(201), "body", "Isi")).post(path).then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("audience", "ATTENDED", "subject", "Judul", "body", "Isi")).post(path).then(), 409, "no-recipients");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("audience", "ALL", "subject", "Judul", "body", "Isi")).post("/api/events/999999999/messages")
                .then(), 404, "not-found");
        given().auth().oauth2(staff).get(path).then().statusCode(200).body("size()", equalTo(0));

        String member = Accounts.tokenFor(db, "MEMBER");
        Map<String, String> ok = Map.of("audience", "ALL", "subject", "Judul", "body", "Isi");
        assertProblem(given().contentType(ContentType.JSON).body(ok).post(path).then(), 401, "unauthenticated");
        assertProblem(given().auth().oauth2(member).contentType(ContentType.JSON).body(ok).post(path).then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(member).get(path).then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(member).get(path + "/audiences").then(), 403, "forbidden");
    }
}
