package id.serambi.conversation.whatsapp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.event.EventFixtures;
import id.serambi.event.reminders.ReminderJob;
import id.serambi.support.Accounts;
import id.serambi.support.Concurrently;
import id.serambi.support.ManageLinks;
import id.serambi.support.PlatformStandIns;
import id.serambi.support.Problems;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Registrants who ticked the WhatsApp box get their messages as templates in their language, the others by e-mail;
 * a failed send falls back to e-mail and says so; two sender runs at once send each message once.
 */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class WhatsappRegistrantsTest {

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    @Inject
    WhatsappSender sender;

    @Inject
    ReminderJob reminders;

    private static Map<String, Object> form(String email, String number, Boolean optIn, String language) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Siti Nurhaliza");
        body.put("email", email);
        body.put("whatsapp", number);
        if (optIn != null) {
            body.put("whatsappOptIn", optIn);
        }
        if (language != null) {
            body.put("language", language);
        }
        return body;
    }

    private long reminderMails(String email) {
        return mailbox.getMailsSentTo(email) == null ? 0 : mailbox.getMailsSentTo(email).stream()
                .filter(m -> m.getSubject().startsWith("Pengingat: ")).count();
    }

    private void sendPending() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> sender.sendPending());
    }

    @Test
    void anOptedInRegistrantGetsTheConfirmationTemplateInTheirLanguageAndStillTheEmail() throws Throwable {
        Map<String, Object> event = EventFixtures.body(EventFixtures.uniqueDay());
        long id = EventFixtures.published(Staff.token(), event);
        String email = Accounts.uniqueEmail("wa-ya");
        String number = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.accepts(number, "wamid.KONFIRMASI" + id);
        JsonPath r = ManageLinks.register(id, form(email, number, true, "en"));
        assertEquals(true, r.getBoolean("whatsappMessages"));
        assertEquals(1, ManageLinks.mailCount(email), "the registration's e-mail, with its manage link, still goes");
        assertEquals("PENDING", Accounts.text(db, "SELECT state FROM whatsapp_message WHERE registration_id = ?", r.getLong("id")));

        sendPending();
        List<JsonObject> sent = WhatsappStandIn.sentTo(number);
        assertEquals(1, sent.size());
        JsonObject template = sent.get(0).getJsonObject("template");
        assertEquals("serambi_confirmed", template.getString("name"));
        assertEquals("en", template.getJsonObject("language").getString("code"));
        JsonArray parameters = template.getJsonArray("components").getJsonObject(0).getJsonArray("parameters");
        assertEquals(5, parameters.size());
        assertEquals("Siti Nurhaliza", parameters.getJsonObject(0).getString("text"));
        assertEquals(event.get("title"), parameters.getJsonObject(1).getString("text"));
        assertEquals(event.get("joinUrl"), parameters.getJsonObject(3).getString("text"), "a confirmed seat gets the join link");
        assertEquals("SENT", Accounts.text(db, "SELECT state FROM whatsapp_message WHERE registration_id = ?", r.getLong("id")));
        assertEquals("wamid.KONFIRMASI" + id, Accounts.text(db, "SELECT wamid FROM whatsapp_message WHERE registration_id = ?", r.getLong("id")));
        assertNull(Accounts.text(db, "SELECT to_number FROM whatsapp_message WHERE registration_id = ?", r.getLong("id")),
                "the number is not kept once sent");
    }

    @Test
    void aWaitlistedRegistrantsTemplateCarriesNoJoinLink() throws Throwable {
        Map<String, Object> event = EventFixtures.body(EventFixtures.uniqueDay());
        event.put("capacity", 1);
        long id = EventFixtures.published(Staff.token(), event);
        EventFixtures.register(id, "Ani", Accounts.uniqueEmail("wa-kursi"));
        String number = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.accepts(number, "wamid.TUNGGU" + id);
        ManageLinks.register(id, form(Accounts.uniqueEmail("wa-tunggu"), number, true, null));
        sendPending();
        JsonObject template = WhatsappStandIn.sentTo(number).get(0).getJsonObject("template");
        assertEquals("serambi_waitlisted", template.getString("name"));
        assertEquals("id", template.getJsonObject("language").getString("code"));
        assertTrue(template.encode().indexOf((String) event.get("joinUrl")) < 0, template.encode());
    }

    @Test
    void withoutTheCheckboxNothingGoesToWhatsapp() throws Throwable {
        long id = EventFixtures.published(Staff.token(), EventFixtures.body(EventFixtures.uniqueDay()));
        String number = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.accepts(number, "wamid.TIDAK" + id);
        JsonPath r = ManageLinks.register(id, form(Accounts.uniqueEmail("wa-tidak"), number, null, null));
        JsonPath no = ManageLinks.register(id, form(Accounts.uniqueEmail("wa-tidak2"), WhatsappStandIn.uniqueNumber(), false, null));
        sendPending();
        assertEquals(false, r.getBoolean("whatsappMessages"));
        assertEquals(false, no.getBoolean("whatsappMessages"));
        assertEquals(0, WhatsappStandIn.sentTo(number).size());
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM whatsapp_message WHERE registration_id IN (?, ?)",
                r.getLong("id"), no.getLong("id")));
    }

    @Test
    void theCheckboxWithoutANumberOrAnUnknownLanguageIs400() {
        long id = EventFixtures.published(Staff.token(), EventFixtures.body(EventFixtures.uniqueDay()));
        Problems.assertProblem(given().contentType(ContentType.JSON)
                .body(form(Accounts.uniqueEmail("wa-kosong"), null, true, null))
                .post("/api/events/" + id + "/registrations").then(), 400, "validation")
                .body("errors[0].field", equalTo("whatsappOptIn"));
        Problems.assertProblem(given().contentType(ContentType.JSON)
                .body(form(Accounts.uniqueEmail("wa-bahasa"), WhatsappStandIn.uniqueNumber(), true, "jv"))
                .post("/api/events/" + id + "/registrations").then(), 400, "validation");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", id));
    }

    @Test
    void remindersGoByWhatsappOnceAcrossTwoConcurrentRunsAndByEmailToTheOthers() throws Throwable {
        Map<String, Object> soon = EventFixtures.body(Instant.now().plusSeconds(3 * 3600));
        long id = EventFixtures.published(Staff.token(), soon);
        String waEmail = Accounts.uniqueEmail("wa-ingat");
        String number = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.acceptsEach(number);
        ManageLinks.register(id, form(waEmail, number, true, "id"));
        String mailEmail = Accounts.uniqueEmail("mail-ingat");
        EventFixtures.register(id, "Bima", mailEmail);
        sendPending(); // the confirmation

        VertxContextSupport.subscribeAndAwait(() -> reminders.sendDueReminders());
        assertEquals(0, reminderMails(waEmail), "the reminder goes to WhatsApp instead");
        assertEquals(1, reminderMails(mailEmail));

        Concurrently.twice(() -> sender.sendPending());
        sendPending();
        List<JsonObject> sent = WhatsappStandIn.sentTo(number).stream()
                .filter(m -> m.getJsonObject("template").getString("name").equals("serambi_reminder")).toList();
        assertEquals(1, sent.size());
        assertEquals(soon.get("joinUrl"), sent.get(0).getJsonObject("template").getJsonArray("components")
                .getJsonObject(0).getJsonArray("parameters").getJsonObject(3).getString("text"));
        assertEquals(0, reminderMails(waEmail));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM whatsapp_message m JOIN registration r ON r.id = m.registration_id "
                + "WHERE r.event_id = ? AND m.notice = 'REMINDER' AND m.state = 'SENT'", id));
    }

    @Test
    void aRefusedSendFallsBackToEmailOnceAndSaysSo() throws Throwable {
        long id = EventFixtures.published(Staff.token(), EventFixtures.body(Instant.now().plusSeconds(3 * 3600)));
        String email = Accounts.uniqueEmail("wa-gagal");
        String number = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.refuses(number, 400, 131026, "(#131026) Message Undeliverable", "Message Undeliverable.");
        JsonPath r = ManageLinks.register(id, form(email, number, true, "id"));
        VertxContextSupport.subscribeAndAwait(() -> reminders.sendDueReminders());
        assertEquals(0, reminderMails(email));

        sendPending();
        sendPending();
        assertEquals(1, reminderMails(email), "the reminder went by e-mail instead, once");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM whatsapp_message WHERE registration_id = ? AND notice = 'REMINDER' "
                + "AND state = 'FAILED' AND error_code = 131026 AND fell_back_at IS NOT NULL", r.getLong("id")));
    }

    @Test
    void aRateLimitIsTriedAgainLaterWithoutEmail() throws Throwable {
        long id = EventFixtures.published(Staff.token(), EventFixtures.body(Instant.now().plusSeconds(3 * 3600)));
        String email = Accounts.uniqueEmail("wa-batas");
        String number = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.refuses(number, 429, 130429, "(#130429) Rate limit hit", "Cloud API message throughput has been reached.");
        JsonPath r = ManageLinks.register(id, form(email, number, true, "id"));
        VertxContextSupport.subscribeAndAwait(() -> reminders.sendDueReminders());
        sendPending();
        sendPending();
        assertEquals(0, reminderMails(email));
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM whatsapp_message WHERE registration_id = ? AND state = 'PENDING' "
                + "AND attempts = 1 AND next_attempt_at > now() AND error_code = 130429", r.getLong("id")),
                "both the confirmation and the reminder wait for a later run");
        assertEquals(2, WhatsappStandIn.sentTo(number).size(), "each tried once, not again before its time");
    }

    @Test
    void theManagePageSwitchesWhatsappOffAndEmailCarriesTheReminder() throws Throwable {
        long id = EventFixtures.published(Staff.token(), EventFixtures.body(Instant.now().plusSeconds(3 * 3600)));
        String email = Accounts.uniqueEmail("wa-matikan");
        String number = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.accepts(number, "wamid.MATI" + id);
        JsonPath r = ManageLinks.register(id, form(email, number, true, "id"));
        sendPending();
        given().delete("/api/registrations/" + r.getString("manageToken") + "/whatsapp").then().statusCode(200)
                .body("whatsappMessages", equalTo(false));
        given().delete("/api/registrations/" + r.getString("manageToken") + "/whatsapp").then().statusCode(200)
                .body("whatsappMessages", equalTo(false));
        Problems.assertProblem(given().delete("/api/registrations/" + "x".repeat(43) + "/whatsapp").then(), 404, "not-found");
        VertxContextSupport.subscribeAndAwait(() -> reminders.sendDueReminders());
        sendPending();
        assertEquals(1, reminderMails(email));
        assertEquals(1, WhatsappStandIn.sentTo(number).size(), "only the confirmation went to WhatsApp");
        assertNotNull(Accounts.text(db, "SELECT withdrawn_at FROM whatsapp_consent WHERE registration_id = ?", r.getLong("id")));
    }

    @Test
    void aQueuedReminderGoesByEmailWhenSwitchedOffAndNowhereOnceErased() throws Throwable {
        long id = EventFixtures.published(Staff.token(), EventFixtures.body(Instant.now().plusSeconds(3 * 3600)));
        String offEmail = Accounts.uniqueEmail("wa-antre-mati");
        String offNumber = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.acceptsEach(offNumber);
        JsonPath off = ManageLinks.register(id, form(offEmail, offNumber, true, "id"));
        String goneEmail = Accounts.uniqueEmail("wa-antre-hapus");
        String goneNumber = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.acceptsEach(goneNumber);
        JsonPath gone = ManageLinks.register(id, form(goneEmail, goneNumber, true, "id"));
        VertxContextSupport.subscribeAndAwait(() -> reminders.sendDueReminders()); // queued, not sent yet

        given().delete("/api/registrations/" + off.getString("manageToken") + "/whatsapp").then().statusCode(200);
        given().delete("/api/registrations/" + gone.getString("manageToken") + "/personal-data").then().statusCode(204);
        sendPending();
        assertEquals(0, WhatsappStandIn.sentTo(offNumber).size());
        assertEquals(0, WhatsappStandIn.sentTo(goneNumber).size());
        assertEquals(1, reminderMails(offEmail), "switched off: the queued reminder comes by e-mail");
        assertEquals(0, reminderMails(goneEmail));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM whatsapp_message WHERE registration_id IN (?, ?) "
                + "AND (to_number IS NOT NULL OR parameters IS NOT NULL OR state <> 'FAILED')", off.getLong("id"), gone.getLong("id")),
                "nothing left to send, and no number kept");
    }
}
