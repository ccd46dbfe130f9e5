package id.serambi.conversation.whatsapp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import id.serambi.event.EventFixtures;
import id.serambi.event.reminders.ReminderJob;
import id.serambi.support.Accounts;
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
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook: verification, signatures, statuses in any order and repeated, and BERHENTI / STOP. */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class WhatsappWebhookTest {

    static final String HOOK = "/api/webhooks/whatsapp";

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    @Inject
    WhatsappSender sender;

    @Inject
    ReminderJob reminders;

    private static io.restassured.response.ValidatableResponse deliver(String body, String signature) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request = request.header("X-Hub-Signature-256", signature);
        }
        return request.post(HOOK).then();
    }

    private static io.restassured.response.ValidatableResponse deliver(String body) {
        return deliver(body, WhatsappStandIn.signature(body));
    }

    /** An opted-in registrant for an event starting soon, whose confirmation went out with this wamid. */
    private JsonPath sentConfirmation(String email, String number, String wamid) throws Throwable {
        long id = EventFixtures.published(Staff.token(), EventFixtures.body(Instant.now().plusSeconds(3 * 3600)));
        WhatsappStandIn.accepts(number, wamid);
        JsonPath r = ManageLinks.register(id, Map.of("name", "Siti", "email", email, "whatsapp", number,
                "whatsappOptIn", true));
        VertxContextSupport.subscribeAndAwait(() -> sender.sendPending());
        assertEquals(wamid, Accounts.text(db, "SELECT wamid FROM whatsapp_message WHERE registration_id = ?", r.getLong("id")));
        return r;
    }

    private String delivery(String wamid) {
        return Accounts.text(db, "SELECT delivery FROM whatsapp_message WHERE wamid = ?", wamid);
    }

    @Test
    void verificationEchoesTheChallengeOnlyForOurVerifyToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "1158201444").get(HOOK)
                .then().statusCode(200).body(equalTo("1158201444"));
        Problems.assertProblem(given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "tebakan")
                .queryParam("hub.challenge", "1158201444").get(HOOK).then(), 403, "forbidden");
        Problems.assertProblem(given().get(HOOK).then(), 403, "forbidden");
    }

    @Test
    void aForgedOrMissingSignatureIsRefusedAndStoresNothing() throws Throwable {
        String number = WhatsappStandIn.uniqueNumber();
        String wamid = "wamid.PALSU" + System.nanoTime();
        sentConfirmation(Accounts.uniqueEmail("wa-palsu"), number, wamid);
        String read = WhatsappStandIn.status(wamid, number, "read", 1764760900);
        Problems.assertProblem(deliver(read, "sha256=" + "0".repeat(64)), 403, "signature-invalid");
        Problems.assertProblem(deliver(read, WhatsappStandIn.signature(read + " ")), 403, "signature-invalid");
        Problems.assertProblem(deliver(read, "sha256=zz"), 403, "signature-invalid");
        Problems.assertProblem(deliver(read, null), 401, "signature-missing");
        String stop = WhatsappStandIn.text(number, "wamid.IN" + System.nanoTime(), "STOP");
        Problems.assertProblem(deliver(stop, WhatsappStandIn.signature(read)), 403, "signature-invalid");
        assertEquals(null, delivery(wamid));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM whatsapp_opt_out WHERE number = ?", number));

        deliver(read).statusCode(200);
        assertEquals("read", delivery(wamid));
    }

    @Test
    void statusesNeverGoBackwardsAndARepeatedDeliveryChangesNothing() throws Throwable {
        String number = WhatsappStandIn.uniqueNumber();
        String wamid = "wamid.URUT" + System.nanoTime();
        sentConfirmation(Accounts.uniqueEmail("wa-urut"), number, wamid);
        deliver(WhatsappStandIn.status(wamid, number, "delivered", 1764760860)).statusCode(200);
        assertEquals("delivered", delivery(wamid));
        deliver(WhatsappStandIn.status(wamid, number, "sent", 1764760800)).statusCode(200);
        assertEquals("delivered", delivery(wamid), "a late 'sent' does not undo 'delivered'");
        String read = WhatsappStandIn.status(wamid, number, "read", 1764760900);
        deliver(read).statusCode(200);
        deliver(read).statusCode(200);
        deliver(WhatsappStandIn.status(wamid, number, "delivered", 1764760860)).statusCode(200);
        assertEquals("read", delivery(wamid));
        assertEquals(Instant.ofEpochSecond(1764760900).toString(), Accounts.text(db,
                "SELECT to_char(delivery_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM whatsapp_message WHERE wamid = ?", wamid));
        // A status of a message Serambi never sent, and a payload without statuses: accepted, nothing stored.
        deliver(WhatsappStandIn.status("wamid.UNKNOWN" + System.nanoTime(), number, "read", 1764760900)).statusCode(200);
        deliver("{\"object\":\"whatsapp_business_account\",\"entry\":[]}").statusCode(200);
        Problems.assertProblem(deliver("[1,2]"), 400, "invalid-json");
        Problems.assertProblem(deliver("{\"entry\":[{\"changes\":[{\"value\":{\"statuses\":[\"x\"]}}]}]}"), 400, "invalid-json");
    }

    @Test
    void aFailedDeliveryFallsBackToEmailOnceEvenWhenRepeated() throws Throwable {
        String email = Accounts.uniqueEmail("wa-gagal-kirim");
        String number = WhatsappStandIn.uniqueNumber();
        String wamid = "wamid.CONF" + System.nanoTime();
        JsonPath r = sentConfirmation(email, number, wamid);
        // The reminder is accepted by the API, then reported failed by the webhook.
        String reminderWamid = "wamid.INGAT" + System.nanoTime();
        PlatformStandIns.server().resetAll();
        WhatsappStandIn.accepts(number, reminderWamid);
        VertxContextSupport.subscribeAndAwait(() -> reminders.sendDueReminders());
        VertxContextSupport.subscribeAndAwait(() -> sender.sendPending());
        assertEquals(0, reminderMails(email));

        String failed = WhatsappStandIn.status(reminderWamid, number, "failed", 1764760900);
        deliver(failed).statusCode(200);
        deliver(failed).statusCode(200);
        VertxContextSupport.subscribeAndAwait(() -> sender.sendPending());
        VertxContextSupport.subscribeAndAwait(() -> sender.sendPending());
        assertEquals(1, reminderMails(email));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM whatsapp_message WHERE registration_id = ? AND notice = 'REMINDER' "
                + "AND delivery = 'failed' AND error_code = 131026 AND fell_back_at IS NOT NULL", r.getLong("id")));
        // A late 'delivered' for the failed message changes nothing.
        deliver(WhatsappStandIn.status(reminderWamid, number, "delivered", 1764760860)).statusCode(200);
        assertEquals("failed", delivery(reminderWamid));
    }

    @Test
    void berhentiOrStopOptsTheNumberOutEvenForANewRegistrationUntilItWritesMulai() throws Throwable {
        String number = WhatsappStandIn.uniqueNumber();
        sentConfirmation(Accounts.uniqueEmail("wa-stop"), number, "wamid.S" + System.nanoTime());
        String stop = WhatsappStandIn.text(number, "wamid.IN" + System.nanoTime(), "  berhenti ");
        deliver(stop).statusCode(200);
        deliver(stop).statusCode(200);
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM whatsapp_opt_out WHERE number = ?", number));

        // A new registration with the box ticked, for the same number: e-mail only.
        long other = EventFixtures.published(Staff.token(), EventFixtures.body(EventFixtures.uniqueDay()));
        JsonPath again = ManageLinks.register(other, Map.of("name", "Siti", "email", Accounts.uniqueEmail("wa-stop2"),
                "whatsapp", number, "whatsappOptIn", true));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM whatsapp_message WHERE registration_id = ?", again.getLong("id")));

        deliver(WhatsappStandIn.text(number, "wamid.IN" + System.nanoTime(), "Mulai")).statusCode(200);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM whatsapp_opt_out WHERE number = ?", number));

        String other2 = WhatsappStandIn.uniqueNumber();
        deliver(WhatsappStandIn.text(other2, "wamid.IN" + System.nanoTime(), "STOP")).statusCode(200);
        deliver(WhatsappStandIn.text(other2, "wamid.IN" + System.nanoTime(), "stop please")).statusCode(200);
        assertNotNull(Accounts.text(db, "SELECT opted_out_at FROM whatsapp_opt_out WHERE number = ?", other2));
        String chat = WhatsappStandIn.uniqueNumber();
        deliver(WhatsappStandIn.text(chat, "wamid.IN" + System.nanoTime(), "Jam berapa acaranya?")).statusCode(200);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM whatsapp_opt_out WHERE number = ?", chat));
    }

    /** Issue 18: what a patron writes to the library's number becomes a thread in the inbox, once per wamid. */
    @Test
    void aPatronsMessageOpensAThreadInTheInboxOnceEvenWhenDeliveredTwice() {
        String number = WhatsappStandIn.uniqueNumber();
        String wamid = "wamid.IN" + System.nanoTime();
        String question = WhatsappStandIn.text(number, wamid, "Apakah acara bedah buku hari Sabtu masih ada kursi?");
        deliver(question).statusCode(200);
        deliver(question).statusCode(200);
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM conversation_thread WHERE channel = 'WHATSAPP'"
                + " AND kind = 'DIRECT' AND thread_key = ?", number));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM conversation_message WHERE channel = 'WHATSAPP'"
                + " AND external_id = ? AND direction = 'IN' AND body LIKE 'Apakah acara bedah buku%'", wamid));
        long thread = Accounts.count(db, "SELECT id FROM conversation_thread WHERE channel = 'WHATSAPP' AND thread_key = ?",
                number);
        given().auth().oauth2(Staff.token()).get("/api/conversations/" + thread).then().statusCode(200)
                .body("messages.size()", equalTo(1));
        // A second message joins the same thread.
        deliver(WhatsappStandIn.text(number, "wamid.IN" + System.nanoTime(), "Terima kasih")).statusCode(200);
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM conversation_message WHERE thread_id = ?", thread));
    }

    /** Staff answer a WhatsApp thread from the inbox: free text inside the 24-hour window; outside it, refused. */
    @Test
    void staffRepliesGoOutAsTextAndARefusalOutsideTheWindowStoresNothing() {
        String number = WhatsappStandIn.uniqueNumber();
        deliver(WhatsappStandIn.text(number, "wamid.IN" + System.nanoTime(), "Halo, perpustakaan buka hari Minggu?"))
                .statusCode(200);
        long thread = Accounts.count(db, "SELECT id FROM conversation_thread WHERE channel = 'WHATSAPP' AND thread_key = ?",
                number);
        WhatsappStandIn.accepts(number, "wamid.OUT" + thread);
        given().auth().oauth2(Staff.token()).contentType(ContentType.JSON)
                .body(Map.of("body", "Halo Kak, hari Minggu kami tutup. Sampai jumpa hari Senin!"))
                .post("/api/conversations/" + thread + "/replies").then().statusCode(201)
                .body("externalId", equalTo("wamid.OUT" + thread));
        var sent = WhatsappStandIn.sentTo(number);
        assertEquals(1, sent.size());
        assertEquals("text", sent.get(0).getString("type"));
        assertEquals("Halo Kak, hari Minggu kami tutup. Sampai jumpa hari Senin!",
                sent.get(0).getJsonObject("text").getString("body"));

        WhatsappStandIn.refuses(number, 400, 131047, "Re-engagement message",
                "Message failed to send because more than 24 hours have passed since the customer last replied");
        Problems.assertProblem(given().auth().oauth2(Staff.token()).contentType(ContentType.JSON)
                .body(Map.of("body", "Satu lagi")).post("/api/conversations/" + thread + "/replies").then(), 502,
                "reply-failed").body("detail", org.hamcrest.Matchers.containsString("24 jam"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM conversation_message WHERE thread_id = ? AND direction = 'OUT'",
                thread));
    }

    private long reminderMails(String email) {
        return mailbox.getMailsSentTo(email) == null ? 0 : mailbox.getMailsSentTo(email).stream()
                .filter(m -> m.getSubject().startsWith("Pengingat: ")).count();
    }
}
