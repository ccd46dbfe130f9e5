package id.serambi.conversation.whatsapp;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.ManageLinks;
import id.serambi.support.PlatformStandIns;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The notices that went by e-mail only until now take WhatsApp for registrants who opted in: a series registration, a
 * move to another session, a new schedule; a refused one falls back to the same e-mail.
 */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class WhatsappNoticesTest {

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    @Inject
    WhatsappSender sender;

    private static Map<String, Object> form(String name, String email, String number) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("whatsapp", number);
        body.put("whatsappOptIn", number != null);
        return body;
    }

    private long mails(String email, String subjectStart) {
        return mailbox.getMailsSentTo(email) == null ? 0 : mailbox.getMailsSentTo(email).stream()
                .filter(m -> m.getSubject().startsWith(subjectStart)).count();
    }

    private static List<JsonObject> templates(String number, String name) {
        return WhatsappStandIn.sentTo(number).stream().filter(m -> "template".equals(m.getString("type"))
                && name.equals(m.getJsonObject("template").getString("name"))).toList();
    }

    private static JsonArray parameters(JsonObject message) {
        return message.getJsonObject("template").getJsonArray("components").getJsonObject(0).getJsonArray("parameters");
    }

    private void sendPending() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> sender.sendPending());
    }

    @Test
    void movedRegistrantsKeepTheirOptInAndGetTheMovedTemplateOrTheEmailInstead() throws Throwable {
        String staff = Staff.token();
        long source = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        Map<String, Object> targetBody = EventFixtures.body(EventFixtures.uniqueDay());
        long target = EventFixtures.published(staff, targetBody);
        String ok = WhatsappStandIn.uniqueNumber();
        String refused = WhatsappStandIn.uniqueNumber();
        String okEmail = Accounts.uniqueEmail("wa-pindah");
        String refusedEmail = Accounts.uniqueEmail("wa-pindah-gagal");
        String mailEmail = Accounts.uniqueEmail("wa-pindah-surel");
        WhatsappStandIn.acceptsEach(ok);
        ManageLinks.register(source, form("Ani", okEmail, ok));
        ManageLinks.register(source, form("Budi", refusedEmail, refused));
        ManageLinks.register(source, form("Citra", mailEmail, null));
        WhatsappStandIn.refuses(refused, 400, 131026, "(#131026) Message Undeliverable", "Message Undeliverable.");
        sendPending();

        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("targetEventId", target))
                .post("/api/events/" + source + "/registrations/move").then().statusCode(200);
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM whatsapp_consent c JOIN registration r "
                + "ON r.id = c.registration_id WHERE r.event_id = ? AND c.withdrawn_at IS NULL", target),
                "the opt-ins moved with the registrations");
        assertEquals(0, mails(okEmail, "Acara dipindahkan: "));
        assertEquals(1, mails(mailEmail, "Acara dipindahkan: "));
        sendPending();
        sendPending();

        List<JsonObject> moved = templates(ok, "serambi_moved");
        assertEquals(1, moved.size());
        assertEquals(targetBody.get("title"), parameters(moved.get(0)).getJsonObject(1).getString("text"));
        assertEquals(targetBody.get("joinUrl"), parameters(moved.get(0)).getJsonObject(3).getString("text"));
        assertEquals(0, mails(okEmail, "Acara dipindahkan: "));
        assertEquals(1, mails(refusedEmail, "Acara dipindahkan: "), "the refused one got the e-mail instead, once");
    }

    @Test
    void aNewScheduleGoesByWhatsappToThoseWhoOptedIn() throws Throwable {
        String staff = Staff.token();
        Instant start = EventFixtures.uniqueDay();
        Map<String, Object> body = EventFixtures.body(start);
        long id = EventFixtures.published(staff, body);
        String number = WhatsappStandIn.uniqueNumber();
        String waEmail = Accounts.uniqueEmail("wa-jadwal");
        String mailEmail = Accounts.uniqueEmail("wa-jadwal-surel");
        WhatsappStandIn.acceptsEach(number);
        ManageLinks.register(id, form("Dewi", waEmail, number));
        ManageLinks.register(id, form("Eko", mailEmail, null));
        sendPending();

        body.put("startsAt", start.plus(Duration.ofHours(2)).toString());
        body.put("endsAt", start.plus(Duration.ofHours(3)).toString());
        given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, id)).contentType(ContentType.JSON)
                .body(body).put("/api/events/" + id).then().statusCode(200);
        sendPending();

        List<JsonObject> rescheduled = templates(number, "serambi_rescheduled");
        assertEquals(1, rescheduled.size());
        assertEquals(5, parameters(rescheduled.get(0)).size());
        assertEquals(0, mails(waEmail, "Perubahan jadwal: "));
        assertEquals(1, mails(mailEmail, "Perubahan jadwal: "));
    }

    @Test
    void aSeriesRegistrationGetsOneTemplateListingItsSessionsAndStillTheEmail() throws Throwable {
        String staff = Staff.token();
        Map<String, Object> first = EventFixtures.body(EventFixtures.uniqueDay());
        first.put("title", "Klub Buku (uji seri WA)");
        first.put("capacity", 1);
        JsonPath series = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("title", "Klub Buku (uji seri WA)", "first", first, "occurrences", 2, "publish", true))
                .post("/api/event-series").then().statusCode(201).extract().jsonPath();
        long seriesId = series.getLong("id");
        String number = WhatsappStandIn.uniqueNumber();
        String email = Accounts.uniqueEmail("wa-seri");
        WhatsappStandIn.acceptsEach(number);
        given().contentType(ContentType.JSON).body(form("Fajar", email, number))
                .post("/api/event-series/" + seriesId + "/registrations").then().statusCode(202);
        assertEquals(1, mails(email, "Pendaftaran seri: "), "the e-mail with every manage link still goes");
        sendPending();

        List<JsonObject> sent = templates(number, "serambi_series_registered");
        assertEquals(1, sent.size(), "one message for the series, not one per session");
        JsonArray p = parameters(sent.get(0));
        assertEquals("Fajar", p.getJsonObject(0).getString("text"));
        assertEquals("Klub Buku (uji seri WA)", p.getJsonObject(1).getString("text"));
        assertEquals("2", p.getJsonObject(2).getString("text"));
        assertEquals(2, p.getJsonObject(3).getString("text").split("; ").length);
        assertEquals(0, templates(number, "serambi_confirmed").size());
    }
}
