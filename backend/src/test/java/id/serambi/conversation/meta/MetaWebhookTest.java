package id.serambi.conversation.meta;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.support.Accounts;
import id.serambi.support.PlatformStandIns;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: Meta's webhooks, in the delivery shapes of Meta's documentation (Webhooks for Pages, the Messenger
 * Platform's messages, Instagram comments and messaging), signed with the app secret PlatformStandIns configures.
 */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class MetaWebhookTest {

    static final String SECRET = "test-app-secret";
    static final String PAGE = "102030405060";
    static final String IG = "17841400000000001";

    @Inject
    AgroalDataSource db;

    static String id() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_000_000_000_000L));
    }

    static String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ValidatableResponse deliver(String body) {
        return given().contentType(ContentType.JSON).header("X-Hub-Signature-256", sign(body))
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/webhooks/meta").then();
    }

    /** A Page feed comment (item comment, verb add); parent is the post for a top-level comment. */
    static String pageComment(String postId, String commentId, String parentId, String fromId, String name, long createdTime,
            String message) {
        return """
                {"object":"page","entry":[{"id":"%s","time":%d,"changes":[{"field":"feed","value":{
                  "from":{"id":"%s","name":"%s"},"post":{"status_type":"added_photos","is_published":true,
                  "updated_time":"2026-12-04T02:00:00+0000","permalink_url":"https://www.facebook.com/%s","promotion_status":"inactive","id":"%s"},
                  "message":"%s","post_id":"%s","comment_id":"%s","created_time":%d,"item":"comment","parent_id":"%s","verb":"add"}}]}]}"""
                .formatted(PAGE, createdTime, fromId, name, postId, postId, message, postId, commentId, createdTime, parentId);
    }

    /** A Messenger (or Instagram) messaging event. */
    static String directMessage(String object, String account, String sender, String recipient, String mid, long timestampMs,
            String text, boolean echo) {
        return """
                {"object":"%s","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},"recipient":{"id":"%s"},
                  "timestamp":%d,"message":{"mid":"%s","text":"%s"%s}}]}]}"""
                .formatted(object, account, timestampMs, sender, recipient, timestampMs, mid, text, echo ? ",\"is_echo\":true,\"app_id\":1234567890" : "");
    }

    long messages(String externalId) {
        return Accounts.count(db, "SELECT count(*) FROM conversation_message WHERE external_id = ?", externalId);
    }

    long threadOf(String externalId) {
        return Accounts.count(db, "SELECT coalesce(max(thread_id), 0) FROM conversation_message WHERE external_id = ?", externalId);
    }

    @Test
    void theHandshakeEchoesTheChallengeOnlyForOurVerifyToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "1158201444").get("/api/webhooks/meta")
                .then().statusCode(200).body(equalTo("1158201444"));
        assertProblem(given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "tebakan")
                .queryParam("hub.challenge", "1158201444").get("/api/webhooks/meta").then(), 403, "forbidden");
        assertProblem(given().queryParam("hub.mode", "subscribe").queryParam("hub.challenge", "1")
                .get("/api/webhooks/meta").then(), 403, "forbidden");
        assertProblem(given().queryParam("hub.mode", "unsubscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "1").get("/api/webhooks/meta").then(), 400, "validation");
        assertProblem(given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-verify-token")
                .get("/api/webhooks/meta").then(), 400, "validation");
    }

    @Test
    void aPageCommentOpensAThreadAndItsReplyJoinsIt() {
        String post = PAGE + "_" + id();
        String root = id() + "_" + id();
        String reply = id() + "_" + id();
        String patron = id();
        deliver(pageComment(post, root, post, patron, "Siti Rahma", 1764813600, "Apakah bedah buku Sabtu ini masih bisa daftar?"))
                .statusCode(200).body("received", equalTo(1)).body("stored", equalTo(1)).body("duplicates", equalTo(0));
        long thread = threadOf(root);
        assertEquals("FACEBOOK|COMMENT|" + root + "|" + PAGE + "|" + patron + "|Siti Rahma|" + post + "|NEW",
                Accounts.text(db, "SELECT channel || '|' || kind || '|' || thread_key || '|' || account_id || '|' || contact_id"
                        + " || '|' || contact_name || '|' || post_external_id || '|' || status FROM conversation_thread WHERE id = ?", thread));

        String other = id();
        deliver(pageComment(post, reply, root, other, "Budi", 1764813700, "Saya juga mau ikut")).statusCode(200)
                .body("stored", equalTo(1));
        assertEquals(thread, threadOf(reply), "a reply joins the thread of its parent comment");
        assertEquals("Siti Rahma", Accounts.text(db, "SELECT contact_name FROM conversation_thread WHERE id = ?", thread),
                "the thread's contact stays the root comment's author");

        // The Page's own reply (a comment from the Page) is the library's, not an inbound message.
        String own = id() + "_" + id();
        deliver(pageComment(post, own, root, PAGE, "Perpustakaan Kota Banjarbaru", 1764813800, "Masih bisa, Kak!"))
                .statusCode(200).body("received", equalTo(0));
        assertEquals(0, messages(own));

        JsonPath view = given().auth().oauth2(Staff.token()).get("/api/conversations/" + thread).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(root, reply), view.getList("messages.externalId"));
        assertEquals(List.of("Siti Rahma", "Budi"), view.getList("messages.senderName"));
        assertEquals("2025-12-04T02:00:00.000Z", view.getString("messages[0].sentAt"), "created_time is epoch seconds");
    }

    @Test
    void aRepeatedDeliveryAddsNothing() {
        String post = PAGE + "_" + id();
        String comment = id() + "_" + id();
        String body = pageComment(post, comment, post, id(), "Ani", 1764813600, "Halo");
        deliver(body).statusCode(200).body("stored", equalTo(1)).body("duplicates", equalTo(0));
        long thread = threadOf(comment);
        String lastAt = Accounts.text(db, "SELECT last_message_at::text FROM conversation_thread WHERE id = ?", thread);
        deliver(body).statusCode(200).body("received", equalTo(1)).body("stored", equalTo(0)).body("duplicates", equalTo(1));
        assertEquals(1, messages(comment));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM conversation_thread WHERE thread_key = ?", comment));
        assertEquals(lastAt, Accounts.text(db, "SELECT last_message_at::text FROM conversation_thread WHERE id = ?", thread));
    }

    @Test
    void twentyConcurrentIdenticalDeliveriesStoreOneMessage() throws Exception {
        String post = PAGE + "_" + id();
        String comment = id() + "_" + id();
        String body = pageComment(post, comment, post, id(), "Citra", 1764813600, "Serentak");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> given().contentType(ContentType.JSON).header("X-Hub-Signature-256", sign(body))
                        .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/webhooks/meta").then().statusCode(200)
                        .extract().path("stored"));
            }
            int stored = 0;
            for (Future<Integer> f : pool.invokeAll(calls)) {
                stored += f.get();
            }
            assertEquals(1, stored, "exactly one delivery stored it");
        } finally {
            pool.shutdown();
        }
        assertEquals(1, messages(comment));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM conversation_thread WHERE thread_key = ?", comment));
    }

    @Test
    void outOfOrderDeliveriesKeepTheOrderTheyWereSentIn() {
        String psid = id();
        String first = "m_" + id();
        String second = "m_" + id();
        deliver(directMessage("page", PAGE, psid, PAGE, second, 1764813660000L, "kedua", false)).statusCode(200)
                .body("stored", equalTo(1));
        deliver(directMessage("page", PAGE, psid, PAGE, first, 1764813600000L, "pertama", false)).statusCode(200)
                .body("stored", equalTo(1));
        long thread = threadOf(first);
        assertEquals(thread, threadOf(second), "a sender's direct messages form one thread");
        assertEquals("DIRECT|1764813660", Accounts.text(db, "SELECT kind || '|' || extract(epoch FROM last_message_at)::bigint"
                + " FROM conversation_thread WHERE id = ?", thread), "the later message stays the last");
        JsonPath view = given().auth().oauth2(Staff.token()).get("/api/conversations/" + thread).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("pertama", "kedua"), view.getList("messages.body"));
    }

    @Test
    void echoesOfThePagesOwnMessagesAndOtherEventsAreIgnored() {
        String psid = id();
        String echo = "m_" + id();
        deliver(directMessage("page", PAGE, PAGE, psid, echo, 1764813600000L, "Balasan kami", true)).statusCode(200)
                .body("received", equalTo(0));
        assertEquals(0, messages(echo));
        deliver("""
                {"object":"page","entry":[{"id":"%s","time":1764813600000,"messaging":[{"sender":{"id":"%s"},
                  "recipient":{"id":"%s"},"timestamp":1764813600000,"read":{"watermark":1764813500000}}]}]}"""
                .formatted(PAGE, psid, PAGE)).statusCode(200).body("received", equalTo(0));
        deliver("""
                {"object":"page","entry":[{"id":"%s","time":1764813600,"changes":[{"field":"feed","value":{
                  "item":"reaction","verb":"add","reaction_type":"like","from":{"id":"%s","name":"Ani"},
                  "post_id":"%s_1","created_time":1764813600}}]}]}""".formatted(PAGE, psid, PAGE))
                .statusCode(200).body("received", equalTo(0));
        deliver("{\"object\":\"whatsapp_business_account\",\"entry\":[]}").statusCode(200).body("received", equalTo(0));
    }

    @Test
    void instagramCommentsAndMessagesBecomeThreads() {
        String media = id();
        String comment = id();
        String reply = id();
        String user = id();
        deliver("""
                {"object":"instagram","entry":[{"id":"%s","time":1764813600,"changes":[{"field":"comments","value":{
                  "from":{"id":"%s","username":"pembaca.bjb"},"media":{"id":"%s","media_product_type":"FEED"},
                  "id":"%s","text":"Bukunya bagus!"}}]}]}""".formatted(IG, user, media, comment)).statusCode(200)
                .body("stored", equalTo(1));
        deliver("""
                {"object":"instagram","entry":[{"id":"%s","time":1764813660,"changes":[{"field":"comments","value":{
                  "from":{"id":"%s","username":"teman.baca"},"media":{"id":"%s","media_product_type":"FEED"},
                  "id":"%s","parent_id":"%s","text":"Setuju"}}]}]}""".formatted(IG, id(), media, reply, comment)).statusCode(200)
                .body("stored", equalTo(1));
        long thread = threadOf(comment);
        assertEquals(thread, threadOf(reply));
        assertEquals("INSTAGRAM|COMMENT|pembaca.bjb|" + media, Accounts.text(db,
                "SELECT channel || '|' || kind || '|' || contact_name || '|' || post_external_id FROM conversation_thread WHERE id = ?", thread));

        String igsid = id();
        String mid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx" + id();
        deliver(directMessage("instagram", IG, igsid, IG, mid, 1764813600000L, "Halo admin", false)).statusCode(200)
                .body("stored", equalTo(1));
        assertEquals("INSTAGRAM|DIRECT|" + igsid, Accounts.text(db,
                "SELECT channel || '|' || kind || '|' || thread_key FROM conversation_thread WHERE id = ?", threadOf(mid)));
    }

    @Test
    void aForgedOrMissingSignatureStoresNothing() {
        String post = PAGE + "_" + id();
        String comment = id() + "_" + id();
        String body = pageComment(post, comment, post, id(), "Dewi", 1764813600, "Asli");
        String forged = body.replace("Asli", "Palsu");
        assertProblem(given().contentType(ContentType.JSON).header("X-Hub-Signature-256", sign(body))
                .body(forged.getBytes(StandardCharsets.UTF_8)).post("/api/webhooks/meta").then(), 403, "signature-invalid");
        assertProblem(given().contentType(ContentType.JSON).header("X-Hub-Signature-256", "sha256=zz")
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/webhooks/meta").then(), 403, "signature-invalid");
        assertProblem(given().contentType(ContentType.JSON).header("X-Hub-Signature-256", sign(body).replace("sha256=", "sha1="))
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/webhooks/meta").then(), 403, "signature-invalid");
        assertProblem(given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/webhooks/meta").then(), 401, "signature-missing");
        assertEquals(0, messages(comment));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM conversation_thread WHERE thread_key = ?", comment));

        deliver(body).statusCode(200).body("stored", equalTo(1));
        assertEquals(1, messages(comment), "the genuine delivery is stored");
    }

    @Test
    void aSignedBodyThatIsNotJsonIsA400() {
        assertProblem(deliver("{\"object\":"), 400, "malformed-json");
        assertProblem(deliver("[1,2]"), 400, "malformed-json");
        // Events missing what a message needs are skipped, not a 500.
        deliver("""
                {"object":"page","entry":[{"id":"%s","time":1764813600,"changes":[{"field":"feed","value":{
                  "item":"comment","verb":"add","from":{"id":"1"},"created_time":1764813600}}]},"x",
                  {"messaging":[{"message":{"text":"tanpa mid"},"sender":{"id":"2"}}]}]}""".formatted(PAGE))
                .statusCode(200).body("received", equalTo(0));
    }
}
