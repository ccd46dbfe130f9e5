package id.serambi.conversation.whatsapp;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.common.PersonalDataPart;
import id.serambi.event.EventFixtures;
import id.serambi.event.messaging.EventMessageSender;
import id.serambi.support.Accounts;
import id.serambi.support.ManageLinks;
import id.serambi.support.PlatformStandIns;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Kirim pesan ke pendaftar" with WhatsApp: free text inside the 24-hour window, the template outside it, e-mail for
 * the others and for a failed send; the registrants API shows each one's WhatsApp state; export and erasure.
 */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class WhatsappStaffMessageTest {

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    @Inject
    WhatsappSender whatsapp;

    @Inject
    EventMessageSender mails;

    @Inject
    @Any
    Instance<PersonalDataPart> parts;

    private static Map<String, Object> form(String name, String email, String number, boolean optIn) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("whatsapp", number);
        body.put("whatsappOptIn", optIn);
        return body;
    }

    private List<Mail> withSubject(String email, String subject) {
        List<Mail> all = mailbox.getMailsSentTo(email);
        return all == null ? List.of() : all.stream().filter(m -> subject.equals(m.getSubject())).toList();
    }

    /**
     * Sends what is queued on WhatsApp, then the e-mails (those instead of failed sends included), until nothing of the
     * event is waiting: the background senders (woken by every new message) may hold a batch when this one looks.
     */
    private void sendAll(long eventId) throws Throwable {
        long until = System.nanoTime() + 15_000_000_000L;
        do {
            VertxContextSupport.subscribeAndAwait(() -> whatsapp.sendPending());
            VertxContextSupport.subscribeAndAwait(() -> mails.sendPending());
        } while (waiting(eventId) && System.nanoTime() < until && pause());
    }

    private boolean waiting(long eventId) {
        return Accounts.count(db, "SELECT count(*) FROM whatsapp_message m JOIN registration r ON r.id = m.registration_id "
                + "WHERE r.event_id = ? AND (m.state = 'SENDING' OR (m.state = 'PENDING' AND m.next_attempt_at <= now()) "
                + "OR ((m.state = 'FAILED' OR m.delivery = 'failed') AND m.fell_back_at IS NULL))", eventId)
                + Accounts.count(db, "SELECT count(*) FROM event_message_recipient q JOIN event_message e ON e.id = q.message_id "
                        + "WHERE e.event_id = ? AND q.state IN ('PENDING', 'SENDING')", eventId) > 0;
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(100);
        return true;
    }

    private static JsonPath message(long eventId, String subject, String body, Boolean byWhatsapp) {
        Map<String, Object> request = new HashMap<>(Map.of("audience", "ALL", "subject", subject, "body", body));
        if (byWhatsapp != null) {
            request.put("whatsapp", byWhatsapp);
        }
        return given().auth().oauth2(Staff.token()).contentType(ContentType.JSON).body(request)
                .post("/api/events/" + eventId + "/messages").then().statusCode(202).extract().jsonPath();
    }

    private static JsonPath history(long eventId) {
        return given().auth().oauth2(Staff.token()).get("/api/events/" + eventId + "/messages").then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath registrants(long eventId) {
        return given().auth().oauth2(Staff.token()).get("/api/events/" + eventId + "/registrations?size=100").then()
                .statusCode(200).extract().jsonPath();
    }

    /** A registrant of a new event who opted in, whose messages the stand-in accepts; the confirmation went out. */
    private record OptedIn(long eventId, String number, String email, long registrationId) {
    }

    private OptedIn optedIn(String name, String tag) throws Throwable {
        long id = EventFixtures.published(Staff.token(), EventFixtures.body(EventFixtures.uniqueDay()));
        String number = WhatsappStandIn.uniqueNumber();
        String email = Accounts.uniqueEmail(tag);
        WhatsappStandIn.acceptsEach(number);
        long registration = ManageLinks.register(id, form(name, email, number, true)).getLong("id");
        sendAll(id);
        return new OptedIn(id, number, email, registration);
    }

    private static void deliver(String body) {
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", WhatsappStandIn.signature(body)).body(body)
                .post("/api/webhooks/whatsapp").then().statusCode(200);
    }

    @Test
    void insideTheWindowFreeTextOutsideTheTemplateAndEmailForTheOthers() throws Throwable {
        long id = EventFixtures.published(Staff.token(), EventFixtures.body(EventFixtures.uniqueDay()));
        String title = Accounts.text(db, "SELECT title FROM event WHERE id = ?", id);
        String recent = WhatsappStandIn.uniqueNumber();
        String silent = WhatsappStandIn.uniqueNumber();
        String recentEmail = Accounts.uniqueEmail("wa-pesan-baru");
        String silentEmail = Accounts.uniqueEmail("wa-pesan-lama");
        String mailEmail = Accounts.uniqueEmail("wa-pesan-surel");
        WhatsappStandIn.acceptsEach(recent);
        WhatsappStandIn.acceptsEach(silent);
        ManageLinks.register(id, form("Rani", recentEmail, recent, true));
        ManageLinks.register(id, form("Sari", silentEmail, silent, true));
        ManageLinks.register(id, form("Tono", mailEmail, WhatsappStandIn.uniqueNumber(), false));
        sendAll(id); // the confirmations
        // One number wrote to the library an hour ago (its window is open); the other a year ago.
        deliver(WhatsappStandIn.text(recent, "wamid.TANYA" + id, "Halo, acaranya jam berapa?",
                Instant.now().minusSeconds(3600).getEpochSecond()));
        deliver(WhatsappStandIn.text(silent, "wamid.LAMA" + id, "Halo"));

        String subject = "Ruang pindah " + id;
        String body = "Mohon maaf,\n\nacara pindah ke\truang    anak.\nSampai jumpa!";
        JsonPath sent = message(id, subject, body, null);
        assertEquals(true, sent.getBoolean("whatsapp"));
        assertEquals(3, sent.getInt("recipients"));
        assertEquals(2, sent.getInt("byWhatsapp"));
        assertEquals(1, sent.getInt("byEmail"));
        assertEquals(0, sent.getInt("emailInstead"));
        sendAll(id);

        List<JsonObject> toRecent = WhatsappStandIn.sentTo(recent).stream().filter(m -> "text".equals(m.getString("type")))
                .toList();
        assertEquals(1, toRecent.size(), "inside the window: free text");
        assertEquals("*" + title + "*\n\n" + body, toRecent.get(0).getJsonObject("text").getString("body"));
        List<JsonObject> toSilent = WhatsappStandIn.sentTo(silent).stream()
                .filter(m -> "template".equals(m.getString("type"))
                        && "serambi_staff_message".equals(m.getJsonObject("template").getString("name")))
                .toList();
        assertEquals(1, toSilent.size(), "outside the window: the template");
        assertEquals(0, WhatsappStandIn.sentTo(silent).stream().filter(m -> "text".equals(m.getString("type"))).count());
        JsonArray parameters = toSilent.get(0).getJsonObject("template").getJsonArray("components").getJsonObject(0)
                .getJsonArray("parameters");
        assertEquals(2, parameters.size());
        assertEquals(title, parameters.getJsonObject(0).getString("text"));
        assertEquals("Mohon maaf, / acara pindah ke ruang anak. / Sampai jumpa!", parameters.getJsonObject(1).getString("text"),
                "no line break, tab or run of spaces in a template parameter");

        assertEquals(0, withSubject(recentEmail, subject).size());
        assertEquals(0, withSubject(silentEmail, subject).size());
        assertEquals(1, withSubject(mailEmail, subject).size());
        JsonPath after = history(id);
        assertEquals(2, after.getInt("[0].byWhatsapp"));
        assertEquals(1, after.getInt("[0].delivered"), "the one e-mail went");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM whatsapp_message m JOIN registration r ON r.id = m.registration_id "
                + "WHERE r.event_id = ? AND (m.body IS NOT NULL OR m.to_number IS NOT NULL)", id),
                "the text and the number are not kept once sent");
    }

    @Test
    void aTemplateErrorFallsBackToEmailAndTheHistoryAndRegistrantsSaySo() throws Throwable {
        OptedIn umi = optedIn("Umi", "wa-pesan-gagal");
        long id = umi.eventId();
        String email = umi.email();
        WhatsappStandIn.refuses(umi.number(), 400, 132001, "(#132001) Template name does not exist in the translation",
                "template name (serambi_staff_message) does not exist in id");

        String subject = "Bawa buku " + id;
        JsonPath sent = message(id, subject, "Jangan lupa bawa buku favorit Anda.", true);
        assertEquals(1, sent.getInt("byWhatsapp"));
        sendAll(id);

        assertEquals(1, withSubject(email, subject).size(), "the e-mail instead, once");
        JsonPath after = history(id);
        assertEquals(0, after.getInt("[0].byWhatsapp"));
        assertEquals(1, after.getInt("[0].byEmail"));
        assertEquals(1, after.getInt("[0].emailInstead"));
        assertEquals(1, after.getInt("[0].delivered"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM whatsapp_message WHERE registration_id = ? AND "
                + "notice = 'STAFF_MESSAGE' AND state = 'FAILED' AND error_code = 132001 AND fell_back_at IS NOT NULL",
                umi.registrationId()));

        JsonPath list = registrants(id);
        assertEquals("OPTED_IN", list.getString("items[0].whatsappState.consent"));
        assertEquals("STAFF_MESSAGE", list.getString("items[0].whatsappState.notice"));
        assertEquals("FAILED", list.getString("items[0].whatsappState.delivery"));
        assertEquals(true, list.getBoolean("items[0].whatsappState.emailInstead"));
    }

    @Test
    void freeTextRefusedAsOutsideTheWindowGoesByEmailInstead() throws Throwable {
        OptedIn vina = optedIn("Vina", "wa-pesan-jendela");
        deliver(WhatsappStandIn.text(vina.number(), "wamid.JENDELA" + vina.eventId(), "Halo",
                Instant.now().minusSeconds(600).getEpochSecond()));
        WhatsappStandIn.refuses(vina.number(), 400, 131047, "(#131047) Re-engagement message",
                "Message failed to send because more than 24 hours have passed since the customer last replied to this number.");
        String subject = "Jendela tutup " + vina.eventId();
        assertEquals(1, message(vina.eventId(), subject, "Isi pesan.", null).getInt("byWhatsapp"));
        sendAll(vina.eventId());

        assertEquals(1, WhatsappStandIn.sentTo(vina.number()).stream().filter(m -> "text".equals(m.getString("type"))).count(),
                "tried as free text (the inbox saw the number write 10 minutes ago)");
        assertEquals(1, withSubject(vina.email(), subject).size(), "then the e-mail instead, once");
        assertEquals(1, history(vina.eventId()).getInt("[0].emailInstead"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM whatsapp_message WHERE registration_id = ? AND "
                + "notice = 'STAFF_MESSAGE' AND state = 'FAILED' AND error_code = 131047", vina.registrationId()));
    }

    @Test
    void emailOnlySendsNothingToWhatsapp() throws Throwable {
        OptedIn wati = optedIn("Wati", "wa-pesan-hanya-surel");
        long id = wati.eventId();
        String email = wati.email();
        String subject = "Hanya surel " + id;
        JsonPath sent = message(id, subject, "Isi pesan.", false);
        assertEquals(false, sent.getBoolean("whatsapp"));
        assertEquals(0, sent.getInt("byWhatsapp"));
        assertEquals(1, sent.getInt("byEmail"));
        sendAll(id);
        assertEquals(1, withSubject(email, subject).size());
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM whatsapp_message WHERE registration_id = ? AND notice = 'STAFF_MESSAGE'",
                wati.registrationId()));
    }

    @Test
    void theRegistrantsApiCarriesConsentAndTheLatestDelivery() throws Throwable {
        long id = EventFixtures.published(Staff.token(), EventFixtures.body(EventFixtures.uniqueDay()));
        String read = WhatsappStandIn.uniqueNumber();
        String stopped = WhatsappStandIn.uniqueNumber();
        String withdrawn = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.accepts(read, "wamid.BACA" + id);
        WhatsappStandIn.acceptsEach(stopped);
        WhatsappStandIn.acceptsEach(withdrawn);
        ManageLinks.register(id, form("Ani", Accounts.uniqueEmail("wa-status-baca"), read, true));
        ManageLinks.register(id, form("Budi", Accounts.uniqueEmail("wa-status-henti"), stopped, true));
        JsonPath w = ManageLinks.register(id, form("Citra", Accounts.uniqueEmail("wa-status-tarik"), withdrawn, true));
        ManageLinks.register(id, form("Dodi", Accounts.uniqueEmail("wa-status-tidak"), WhatsappStandIn.uniqueNumber(), false));

        JsonPath queued = registrants(id);
        assertEquals("QUEUED", queued.getString("items[0].whatsappState.delivery"));
        sendAll(id);
        long at = Instant.now().getEpochSecond();
        deliver(WhatsappStandIn.status("wamid.BACA" + id, read, "delivered", at));
        deliver(WhatsappStandIn.status("wamid.BACA" + id, read, "read", at + 5));
        deliver(WhatsappStandIn.text(stopped, "wamid.HENTI" + id, "BERHENTI"));
        given().delete("/api/registrations/" + w.getString("manageToken") + "/whatsapp").then().statusCode(200);

        JsonPath list = registrants(id);
        assertEquals(List.of("Ani", "Budi", "Citra", "Dodi"), list.getList("items.name"));
        assertEquals("OPTED_IN", list.getString("items[0].whatsappState.consent"));
        assertEquals("CONFIRMED", list.getString("items[0].whatsappState.notice"));
        assertEquals("READ", list.getString("items[0].whatsappState.delivery"));
        assertEquals(false, list.getBoolean("items[0].whatsappState.emailInstead"));
        assertEquals("NUMBER_STOPPED", list.getString("items[1].whatsappState.consent"));
        assertEquals("SENT", list.getString("items[1].whatsappState.delivery"));
        assertEquals("WITHDRAWN", list.getString("items[2].whatsappState.consent"));
        assertNull(list.get("items[3].whatsappState"), "never opted in");
    }

    @Test
    void theExportCarriesTheWhatsappConsentAndStatusesAndErasureRemovesThem() throws Throwable {
        long id = EventFixtures.published(Staff.token(), EventFixtures.body(EventFixtures.uniqueDay()));
        String number = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.accepts(number, "wamid.EKSPOR" + id);
        JsonPath r = ManageLinks.register(id, form("Eka", Accounts.uniqueEmail("wa-ekspor"), number, true));
        long registration = r.getLong("id");
        sendAll(id);
        deliver(WhatsappStandIn.status("wamid.EKSPOR" + id, number, "delivered", Instant.now().getEpochSecond()));
        deliver(WhatsappStandIn.text(number, "wamid.EKSPORH" + id, "STOP"));

        JsonPath export = given().get("/api/registrations/" + r.getString("manageToken") + "/export").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(registration, export.getLong("whatsapp.registrationId"));
        assertEquals("id", export.getString("whatsapp.language"));
        assertNull(export.get("whatsapp.withdrawnAt"));
        assertEquals("CONFIRMED", export.getString("whatsapp.messages[0].notice"));
        assertEquals("delivered", export.getString("whatsapp.messages[0].delivery"));
        assertEquals("serambi_confirmed", export.getString("whatsapp.messages[0].template"));

        given().delete("/api/registrations/" + r.getString("manageToken") + "/personal-data").then().statusCode(204);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM whatsapp_message WHERE registration_id = ?", registration));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM whatsapp_consent WHERE registration_id = ? "
                + "AND withdrawn_at IS NOT NULL", registration), "the consent is withdrawn");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM whatsapp_opt_out WHERE number = ?", number),
                "the number's STOP stays: a suppression list");
        assertNull(Accounts.text(db, "SELECT whatsapp FROM registration WHERE id = ?", registration));
    }

    @Test
    void aMembersExportCarriesTheWhatsappPartAndTheirErasureRemovesIt() throws Throwable {
        OptedIn gita = optedIn("Gita", "wa-anggota");
        String email = gita.email();
        long registration = gita.registrationId();
        PersonalDataPart part = parts.stream().filter(p -> p.key().equals("eventRegistrationsWhatsapp")).findFirst()
                .orElseThrow();
        PersonalDataPart.Member unverified = new PersonalDataPart.Member(1, email, false);
        PersonalDataPart.Member verified = new PersonalDataPart.Member(1, email.toUpperCase(), true);
        assertEquals("[]", VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> part.export(unverified))));

        JsonArray exported = new JsonArray(VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> part.export(verified))));
        assertEquals(1, exported.size());
        assertEquals(registration, exported.getJsonObject(0).getLong("registrationId"));
        assertEquals("CONFIRMED", exported.getJsonObject(0).getJsonArray("messages").getJsonObject(0).getString("notice"));
        assertEquals("SENT", exported.getJsonObject(0).getJsonArray("messages").getJsonObject(0).getString("state"));

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> part.erase(unverified)));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM whatsapp_message WHERE registration_id = ?", registration));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> part.erase(verified)));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM whatsapp_message WHERE registration_id = ?", registration));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM whatsapp_consent WHERE registration_id = ? "
                + "AND withdrawn_at IS NOT NULL", registration));
        assertTrue(part.erasureOrder() < parts.stream().filter(p -> p.key().equals("eventRegistrations")).findFirst()
                .orElseThrow().erasureOrder(), "erased before the registrations lose the e-mail they are found by");
    }
}
