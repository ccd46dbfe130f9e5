package id.serambi.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import id.serambi.support.SseClient;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inbox and WhatsApp with two packaged instances on one database (issue 18 part 3): a webhook delivered to either
 * instance reaches the open inbox pages (SSE) of both, a repeated delivery adds nothing, and with both instances
 * running the reminder job and the WhatsApp sender every second, each opted-in registrant's reminder goes to the Cloud
 * API's stand-in exactly once, and no reminder e-mail goes to them.
 */
class ConversationsTwoInstancesIT {

    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String APP_SECRET = "it-whatsapp-app-secret";
    static final String MESSAGES = "/whatsapp/v23.0/" + PHONE_NUMBER_ID + "/messages";

    private static WireMockServer standIn;
    private static TwoInstances pair;

    @BeforeAll
    static void start() throws Exception {
        standIn = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .globalTemplating(true).containerThreads(40));
        standIn.start();
        // The Cloud API's answer to a send, as its documentation shows it, with a wamid of its own each time.
        standIn.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"{{jsonPath request.body '$.to'}}",\
                        "wa_id":"{{jsonPath request.body '$.to'}}"}],\
                        "messages":[{"id":"wamid.HBgN{{randomValue length=24 type='ALPHANUMERIC'}}","message_status":"accepted"}]}""")));
        pair = TwoInstances.start(TwoInstances.PORT_A, TwoInstances.PORT_B, Map.of(
                "SERAMBI_WHATSAPP_API_URL", standIn.baseUrl() + "/whatsapp/v23.0",
                "SERAMBI_WHATSAPP_PHONE_NUMBER_ID", PHONE_NUMBER_ID,
                "SERAMBI_WHATSAPP_ACCESS_TOKEN", "it-whatsapp-token",
                "SERAMBI_WHATSAPP_APP_SECRET", APP_SECRET,
                // Both instances send the queue every second, so they really compete for the same messages.
                "SERAMBI_WHATSAPP_SEND_EVERY", "1s"));
    }

    @AfterAll
    static void stop() {
        if (pair != null) {
            pair.close();
        }
        if (standIn != null) {
            standIn.stop();
        }
    }

    @Test
    void aWebhookDeliveredToEitherInstanceReachesTheInboxPagesOfBothAndARepeatAddsNothing() throws Exception {
        String staff = pair.adminToken(pair.portA);
        Map<String, String> auth = Map.of("Authorization", "Bearer " + staff);
        try (SseClient onA = new SseClient(pair.url(pair.portA) + "/api/conversations/stream", auth);
                SseClient onB = new SseClient(pair.url(pair.portB) + "/api/conversations/stream", auth)) {
            awaitOpen(onA);
            awaitOpen(onB);
            String number = uniqueNumber();
            String first = inbound(number, "wamid.IT" + System.nanoTime(), "Halo, jam buka perpustakaan hari Sabtu?");
            deliver(pair.portA, first);
            long thread;
            try (Connection db = TwoInstances.database()) {
                thread = TwoInstances.count(db, "SELECT id FROM conversation_thread WHERE channel = 'WHATSAPP' AND contact_id = ?",
                        number);
            }
            assertTrue(thread > 0, "the message became a thread");
            assertChange(onA, thread, "instance A, which took the webhook");
            assertChange(onB, thread, "instance B, which heard it by NOTIFY");

            // The same thread's next message arrives at B; Meta repeats the first delivery at A meanwhile.
            deliver(pair.portB, inbound(number, "wamid.IT" + System.nanoTime(), "Dan hari Minggu?"));
            assertChange(onA, thread, "instance A, for B's delivery");
            assertChange(onB, thread, "instance B, which took it");
            deliver(pair.portA, first);
            deliver(pair.portB, first);
            try (Connection db = TwoInstances.database()) {
                assertEquals(2, TwoInstances.count(db, "SELECT count(*) FROM conversation_message WHERE thread_id = " + thread));
                assertEquals(1, TwoInstances.count(db, "SELECT count(*) FROM conversation_thread WHERE channel = 'WHATSAPP' AND contact_id = '"
                        + number + "'"));
            }
            given().baseUri(pair.url(pair.portB)).auth().oauth2(staff).get("/api/conversations/" + thread)
                    .then().statusCode(200);
        }
    }

    @Test
    void eachWhatsappReminderGoesOutOnceWhileBothInstancesRunTheReminderJobAndTheSender() throws Exception {
        String title = "Diskusi Buku Dua Instans " + System.nanoTime();
        long id = pair.publishedEvent(title, Instant.now().plus(3, ChronoUnit.HOURS), 100); // the day-before reminder is due
        int patrons = 30;
        String[] numbers = new String[patrons];
        for (int i = 0; i < patrons; i++) {
            numbers[i] = uniqueNumber();
            Map<String, Object> form = new HashMap<>(Map.of("name", "Pembaca " + i, "email", "pembaca" + i + "-" + id
                    + "@it.serambi.id", "whatsapp", numbers[i], "whatsappOptIn", true, "language", "id"));
            given().baseUri(pair.url(i % 2 == 0 ? pair.portA : pair.portB)).contentType(ContentType.JSON).body(form)
                    .post("/api/events/" + id + "/registrations").then().statusCode(202);
        }
        String settled = "SELECT count(*) FROM whatsapp_message m JOIN registration r ON r.id = m.registration_id "
                + "WHERE r.event_id = " + id + " AND m.notice = 'REMINDER' AND m.state = 'SENT'";
        try (Connection db = TwoInstances.database()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (TwoInstances.count(db, settled) < patrons && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertEquals(patrons, TwoInstances.count(db, settled), "every reminder was sent within 90 s");
            Thread.sleep(3000); // both instances go on running: nothing more may go out
            assertEquals(patrons, TwoInstances.count(db, "SELECT count(*) FROM whatsapp_message m JOIN registration r ON r.id = "
                    + "m.registration_id WHERE r.event_id = " + id + " AND m.notice = 'REMINDER'"), "one reminder row each");
        }
        List<JsonObject> reminders = standIn.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).stream()
                .map(r -> new JsonObject(r.getBodyAsString()))
                .filter(m -> m.getJsonObject("template") != null
                        && "serambi_reminder".equals(m.getJsonObject("template").getString("name")))
                .toList();
        for (String number : numbers) {
            assertEquals(1, reminders.stream().filter(m -> number.equals(m.getString("to"))
                    || number.substring(1).equals(m.getString("to"))).count(), "reminders to " + number);
        }
        String subject = "E-mail dropped (mock mailer): \"Pengingat: " + title;
        for (String instance : List.of("a", "b")) {
            assertEquals(0, TwoInstances.log(instance).lines().filter(l -> l.contains(subject)).count(),
                    "no reminder e-mail from instance " + instance + ": WhatsApp carried them");
        }
    }

    @Test
    void aLibrariansReplyOnOneInstanceReachesTheWebAskersStreamOnTheOther() throws Exception {
        // Issue 19: the asker is handed over on A and listens on A; staff answer from B.
        String token = given().baseUri(pair.url(pair.portA)).contentType(ContentType.JSON)
                .body(Map.of("question", "Apakah ada zuqxwvrplm di sini?", "language", "id"))
                .post("/api/assistant/questions").then().statusCode(200).extract().path("conversationToken");
        assertTrue(token != null && token.length() == 43, "handed over with a token: " + token);
        try (SseClient onA = new SseClient(pair.url(pair.portA) + "/api/assistant/conversations/" + token + "/stream")) {
            awaitOpen(onA);
            long thread;
            try (Connection db = TwoInstances.database()) {
                thread = TwoInstances.count(db, "SELECT id FROM conversation_thread WHERE channel = 'WEB' AND thread_key = 'web:' || "
                        + "encode(sha256(convert_to('" + token + "', 'UTF8')), 'hex')");
            }
            String staff = pair.adminToken(pair.portB);
            given().baseUri(pair.url(pair.portB)).auth().oauth2(staff).contentType(ContentType.JSON)
                    .body(Map.of("body", "Catatan: cek katalog")).post("/api/conversations/" + thread + "/notes").then().statusCode(201);
            given().baseUri(pair.url(pair.portB)).auth().oauth2(staff).contentType(ContentType.JSON)
                    .body(Map.of("body", "Belum ada, Kak. Kami catat sebagai usulan.")).post("/api/conversations/" + thread + "/replies")
                    .then().statusCode(201);
            SseClient.Event reply = onA.nextData(Duration.ofSeconds(10));
            assertTrue(reply != null, "the reply sent on B reached the asker's stream on A");
            assertEquals("message", reply.name());
            assertTrue(reply.data().contains("\"from\":\"LIBRARY\"") && reply.data().contains("Kami catat sebagai usulan"),
                    reply.data());
            assertEquals(null, onA.nextData(Duration.ofSeconds(1)), "the note is never sent");
        }
    }

    private static void awaitOpen(SseClient sse) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sse.status == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(200, sse.status, "the stream opened");
        Thread.sleep(300); // the subscription reaches the feed just after the headers
    }

    private static void assertChange(SseClient sse, long thread, String where) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            SseClient.Event e = sse.nextData(Duration.ofMillis(500));
            if (e != null && "conversation".equals(e.name()) && e.data().equals("{\"threadId\":" + thread + "}")) {
                return;
            }
        }
        throw new AssertionError("no change of thread " + thread + " reached " + where + " within 10 s");
    }

    private static void deliver(int port, String body) {
        given().baseUri(pair.url(port)).contentType(ContentType.JSON).header("X-Hub-Signature-256", signature(body))
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/webhooks/whatsapp").then().statusCode(200);
    }

    /** A webhook delivery of one inbound text message from this number, as the Cloud API's documentation shows it. */
    static String inbound(String number, String wamid, String text) {
        String waId = number.substring(1);
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{\
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},\
                "contacts":[{"profile":{"name":"Rahmi"},"wa_id":"%s"}],\
                "messages":[{"from":"%s","id":"%s","timestamp":"%d","text":{"body":"%s"},"type":"text"}]},\
                "field":"messages"}]}]}""".formatted(PHONE_NUMBER_ID, waId, waId, wamid, Instant.now().getEpochSecond(), text);
    }

    static String signature(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String uniqueNumber() {
        return "+62813" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

}
