package id.serambi.conversation.whatsapp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import id.serambi.assistant.knowledge.FaqEntries;
import id.serambi.support.Accounts;
import id.serambi.support.PlatformStandIns;
import id.serambi.support.Problems;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: Tanya Perpustakaan answers WhatsApp while staff have switched it on; the switch's API. The answers are sent
 * in the background after the webhook answered, so the tests wait for the stand-in to receive them, then wait a little
 * more to see that nothing else comes.
 */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class WhatsappAutoAnswerTest {

    static final String HOOK = "/api/webhooks/whatsapp";
    static final String SETTINGS = "/api/assistant/settings";
    /** How long nothing more must arrive after what was expected. */
    static final long QUIET_MS = 1500;

    @Inject
    AgroalDataSource db;

    @AfterEach
    void switchOff() {
        Accounts.sql(db, "UPDATE assistant_setting SET whatsapp_auto_answer = false, version = version + 1 WHERE id = 1");
    }

    private static void deliver(String body) {
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", WhatsappStandIn.signature(body)).body(body)
                .post(HOOK).then().statusCode(200);
    }

    /** Switches the WhatsApp answers through the API, as staff do. */
    private static void autoAnswer(boolean on) {
        String etag = given().auth().oauth2(Staff.token()).get(SETTINGS).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Staff.token()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("whatsappAutoAnswer", on)).put(SETTINGS).then().statusCode(200)
                .body("whatsappAutoAnswer", equalTo(on));
    }

    /** A new entry about a word of its own, once the index answers it. */
    private static String answerableWord() throws InterruptedException {
        String word = FaqEntries.word();
        FaqEntries.create(Staff.token(), FaqEntries.entry(word));
        FaqEntries.askUntil(question(word), "id", a -> !a.getBoolean("handedOver"));
        return word;
    }

    private static String question(String word) {
        return "Bagaimana cara meminjam " + word + " di perpustakaan?";
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        for (long until = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < until; Thread.sleep(50)) {
            if (done.getAsBoolean()) {
                return;
            }
        }
        fail("never happened: " + what);
    }

    private long thread(String number) {
        return Accounts.count(db, "SELECT id FROM conversation_thread WHERE channel = 'WHATSAPP' AND thread_key = ?", number);
    }

    private long automatic(long thread) {
        return Accounts.count(db, "SELECT count(*) FROM conversation_message WHERE thread_id = ? AND direction = 'OUT' AND automatic",
                thread);
    }

    @Test
    void aConfidentQuestionGetsOneAnswerStoredInTheThreadAndARepeatedDeliveryNothingMore() throws Exception {
        String word = answerableWord();
        String number = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.accepts(number, "wamid.AUTO" + System.nanoTime());
        autoAnswer(true);
        String message = WhatsappStandIn.text(number, "wamid.IN" + System.nanoTime(), "pinjem " + word + " gmn?");
        deliver(message);
        await("the answer stored", () -> thread(number) > 0 && automatic(thread(number)) == 1);

        List<JsonObject> sent = WhatsappStandIn.sentTo(number);
        assertEquals(1, sent.size());
        assertEquals("text", sent.get(0).getString("type"));
        String body = sent.get(0).getJsonObject("text").getString("body");
        assertTrue(body.startsWith("Untuk meminjam " + word + ", tanyakan di meja layanan."), body);
        assertTrue(body.contains("Daftar acara: http"), "the link, absolute: " + body);
        assertTrue(body.contains("Tanya Perpustakaan (jawaban otomatis)"), body);

        long thread = thread(number);
        given().auth().oauth2(Staff.token()).get("/api/conversations/" + thread).then().statusCode(200)
                .body("thread.status", equalTo("DONE"))
                .body("thread.firstResponseAt", nullValue())
                .body("messages.size()", equalTo(2))
                .body("messages[1].direction", equalTo("OUT"))
                .body("messages[1].automatic", equalTo(true))
                .body("messages[1].author", nullValue())
                .body("messages[1].body", equalTo(body))
                .body("messages[0].automatic", equalTo(false));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM assistant_question WHERE question = ? AND NOT handed_over",
                "pinjem " + word + " gmn?"));

        deliver(message);
        Thread.sleep(QUIET_MS);
        assertEquals(1, WhatsappStandIn.sentTo(number).size(), "a repeated delivery is not answered again");
        assertEquals(1, automatic(thread));
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM conversation_message WHERE thread_id = ?", thread));
    }

    @Test
    void anUnknownQuestionGetsOneNoticeADayAndTheThreadStaysOpen() throws Exception {
        String number = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.acceptsEach(number);
        autoAnswer(true);
        String asked = "siapa pemenang " + FaqEntries.word() + " tahun lalu?";
        deliver(WhatsappStandIn.text(number, "wamid.IN" + System.nanoTime(), asked));
        await("the notice stored", () -> thread(number) > 0 && automatic(thread(number)) == 1);
        List<JsonObject> sent = WhatsappStandIn.sentTo(number);
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).getJsonObject("text").getString("body").startsWith("Terima kasih, pesan Anda sudah kami terima. "
                + "Pustakawan kami akan membalas"), sent.get(0).encode());
        long thread = thread(number);
        given().auth().oauth2(Staff.token()).get("/api/conversations/" + thread).then().statusCode(200)
                .body("thread.status", equalTo("NEW"))
                .body("messages[1].automatic", equalTo(true));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM assistant_question WHERE question = ? AND handed_over", asked));

        // The next unknown question the same day: stored for staff, no second notice.
        deliver(WhatsappStandIn.text(number, "wamid.IN" + System.nanoTime(), "halo? " + FaqEntries.word()));
        await("the second message stored", () -> Accounts.count(db,
                "SELECT count(*) FROM conversation_message WHERE thread_id = ? AND direction = 'IN'", thread) == 2);
        Thread.sleep(QUIET_MS);
        assertEquals(1, WhatsappStandIn.sentTo(number).size());
        assertEquals(1, automatic(thread));
    }

    @Test
    void switchedOffOrAKeywordNothingIsSent() throws Exception {
        String word = answerableWord();
        String number = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.acceptsEach(number);
        deliver(WhatsappStandIn.text(number, "wamid.IN" + System.nanoTime(), question(word)));
        Thread.sleep(QUIET_MS);
        assertEquals(0, WhatsappStandIn.sentTo(number).size(), "off by default");
        assertEquals(0, automatic(thread(number)));

        autoAnswer(true);
        deliver(WhatsappStandIn.text(number, "wamid.IN" + System.nanoTime(), "STOP"));
        // A number that opted out is not answered, whatever it asks.
        deliver(WhatsappStandIn.text(number, "wamid.IN" + System.nanoTime(), question(word)));
        Thread.sleep(QUIET_MS);
        assertEquals(0, WhatsappStandIn.sentTo(number).size());
        assertEquals(3, Accounts.count(db, "SELECT count(*) FROM conversation_message WHERE thread_id = ?", thread(number)));
    }

    @Test
    void twoConcurrentDeliveriesOfOneMessageAreAnsweredOnce() throws Exception {
        String word = answerableWord();
        String number = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.acceptsEach(number);
        autoAnswer(true);
        String message = WhatsappStandIn.text(number, "wamid.IN" + System.nanoTime(), question(word));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> post = () -> given().contentType(ContentType.JSON)
                    .header("X-Hub-Signature-256", WhatsappStandIn.signature(message)).body(message).post(HOOK).statusCode();
            for (Future<Integer> f : pool.invokeAll(List.of(post, post))) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdown();
        }
        await("the answer stored", () -> thread(number) > 0 && automatic(thread(number)) == 1);
        Thread.sleep(QUIET_MS);
        assertEquals(1, WhatsappStandIn.sentTo(number).size());
        assertEquals(1, automatic(thread(number)));
    }

    @Test
    void theSwitchIsForStaffWithIfMatch() {
        String staff = Staff.token();
        var read = given().auth().oauth2(staff).get(SETTINGS).then().statusCode(200)
                .body("whatsappAutoAnswer", equalTo(false)).extract();
        int version = read.path("version");
        assertEquals("\"" + version + "\"", read.header("ETag"));

        Problems.assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("whatsappAutoAnswer", true)).put(SETTINGS).then(), 428, "version-required");
        Problems.assertProblem(given().auth().oauth2(staff).header("If-Match", "\"" + (version + 7) + "\"")
                .contentType(ContentType.JSON).body(Map.of("whatsappAutoAnswer", true)).put(SETTINGS).then(), 412, "stale-version");
        Problems.assertProblem(given().auth().oauth2(staff).header("If-Match", "\"" + version + "\"")
                .contentType(ContentType.JSON).body("{}").put(SETTINGS).then(), 400, "validation");
        given().auth().oauth2(staff).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body("{\"whatsappAutoAnswer\":\"kadang\"}").put(SETTINGS).then().statusCode(400)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        String patron = Accounts.tokenFor(db, "MEMBER");
        Problems.assertProblem(given().auth().oauth2(patron).get(SETTINGS).then(), 403, "forbidden");
        Problems.assertProblem(given().auth().oauth2(patron).header("If-Match", "\"" + version + "\"")
                .contentType(ContentType.JSON).body(Map.of("whatsappAutoAnswer", true)).put(SETTINGS).then(), 403, "forbidden");
        given().get(SETTINGS).then().statusCode(401);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM assistant_setting WHERE whatsapp_auto_answer"),
                "nothing refused was written");

        given().auth().oauth2(staff).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body(Map.of("whatsappAutoAnswer", true)).put(SETTINGS).then().statusCode(200)
                .header("ETag", "\"" + (version + 1) + "\"").body("whatsappAutoAnswer", equalTo(true))
                .body("version", equalTo(version + 1));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM assistant_setting WHERE whatsapp_auto_answer"));
    }
}
