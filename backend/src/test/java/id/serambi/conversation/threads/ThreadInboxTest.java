package id.serambi.conversation.threads;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ConversationKind;
import id.serambi.conversation.Conversations;
import id.serambi.conversation.InboundMessage;
import id.serambi.conversation.IngestResult;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 18: ingesting messages into threads, and the staff inbox API over them. */
@QuarkusTest
class ThreadInboxTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Conversations conversations;

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static InboundMessage message(ConversationChannel channel, String key, String externalId, String text, Instant at) {
        return new InboundMessage(channel, ConversationKind.DIRECT, key, externalId, "library", key, "Kontak " + key, text, at, null);
    }

    IngestResult ingest(InboundMessage m) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> conversations.ingest(m));
    }

    /** A staff account: its id and token. */
    record Member(long id, String token) {
    }

    Member account(String role) {
        String email = Accounts.uniqueEmail(role.toLowerCase());
        long id = Accounts.register(email);
        Accounts.sql(db, "UPDATE app_user SET role = ? WHERE id = ?", role, id);
        return new Member(id, Accounts.login(email, Accounts.PASSWORD));
    }

    static JsonPath get(String token, long thread) {
        return given().auth().oauth2(token).get("/api/conversations/" + thread).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void ingestOpensAThreadAddsToItAndIgnoresARepeat() throws Throwable {
        String key = unique();
        Instant at = Instant.parse("2026-12-04T02:00:00Z");
        IngestResult first = ingest(message(ConversationChannel.WEB, key, "w-" + key + "-1", "Halo", at));
        assertFalse(first.duplicate());
        IngestResult second = ingest(message(ConversationChannel.WEB, key, "w-" + key + "-2", "Masih di sana?", at.plusSeconds(60)));
        assertFalse(second.duplicate());
        assertEquals(first.threadId(), second.threadId());
        assertNotEquals(first.messageId(), second.messageId());

        IngestResult again = ingest(message(ConversationChannel.WEB, key, "w-" + key + "-1", "Halo", at));
        assertTrue(again.duplicate());
        assertEquals(first.messageId(), again.messageId());
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM conversation_message WHERE thread_id = ?", first.threadId()));

        // The same external id on another channel is another message.
        IngestResult elsewhere = ingest(message(ConversationChannel.X, key, "w-" + key + "-1", "Halo", at));
        assertFalse(elsewhere.duplicate());
        assertNotEquals(first.threadId(), elsewhere.threadId());
    }

    @Test
    void aNewMessageReopensADoneThread() throws Throwable {
        String staff = Staff.token();
        String key = unique();
        long thread = ingest(message(ConversationChannel.WEB, key, "w-" + key, "Halo", Instant.now())).threadId();
        int version = get(staff, thread).getInt("thread.version");
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("status", "DONE")).put("/api/conversations/" + thread + "/status")
                .then().statusCode(200).body("thread.status", equalTo("DONE")).body("thread.resolvedAt", notNullValue())
                .header("ETag", equalTo("\"" + (version + 1) + "\""));

        ingest(message(ConversationChannel.WEB, key, "w-" + key + "-b", "Satu lagi", Instant.now()));
        JsonPath after = get(staff, thread);
        assertEquals("OPEN", after.getString("thread.status"));
        assertEquals(null, after.getString("thread.resolvedAt"));
        assertEquals(version + 2, after.getInt("thread.version"), "reopening moves the version on");
    }

    @Test
    void staffListAndFilterTheInbox() throws Throwable {
        Member rina = account("STAFF");
        String word = "cari" + unique();
        String a = unique();
        String b = unique();
        long older = ingest(message(ConversationChannel.WEB, a, "w-" + a, "Tanya " + word, Instant.parse("2026-12-01T01:00:00Z"))).threadId();
        long newer = ingest(message(ConversationChannel.X, b, "x-" + b, "Pertanyaan " + word, Instant.parse("2026-12-01T02:00:00Z"))).threadId();

        given().auth().oauth2(rina.token()).queryParam("q", word).get("/api/conversations").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) newer, (int) older))).body("total", equalTo(2))
                .body("items[0].lastMessage", equalTo("Pertanyaan " + word)).body("items[0].status", equalTo("NEW"));
        given().auth().oauth2(rina.token()).queryParam("q", word).queryParam("channel", "web").get("/api/conversations")
                .then().statusCode(200).body("items.id", equalTo(List.of((int) older)));
        given().auth().oauth2(rina.token()).queryParam("q", "Kontak " + b).get("/api/conversations")
                .then().statusCode(200).body("items.id", equalTo(List.of((int) newer)));
        given().auth().oauth2(rina.token()).queryParam("q", word).queryParam("size", 1).queryParam("page", 1)
                .get("/api/conversations").then().statusCode(200).body("items.id", equalTo(List.of((int) older)))
                .body("size", equalTo(1)).body("total", equalTo(2));
        given().auth().oauth2(rina.token()).queryParam("q", word).queryParam("size", 1000).get("/api/conversations")
                .then().statusCode(200).body("size", equalTo(100));
        given().auth().oauth2(rina.token()).queryParam("q", word).queryParam("size", 0).get("/api/conversations")
                .then().statusCode(200).body("size", equalTo(1));

        // Assign the older one to Rina: "mine", her id, and "unassigned" tell them apart.
        int version = get(rina.token(), older).getInt("thread.version");
        given().auth().oauth2(rina.token()).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("assigneeId", rina.id())).put("/api/conversations/" + older + "/assignee")
                .then().statusCode(200).body("thread.assigneeId", equalTo((int) rina.id()))
                .body("thread.assigneeName", equalTo("Pengguna Uji"));
        given().auth().oauth2(rina.token()).queryParam("q", word).queryParam("assignee", "mine").get("/api/conversations")
                .then().statusCode(200).body("items.id", equalTo(List.of((int) older)));
        given().auth().oauth2(rina.token()).queryParam("q", word).queryParam("assignee", rina.id()).get("/api/conversations")
                .then().statusCode(200).body("items.id", equalTo(List.of((int) older)));
        given().auth().oauth2(rina.token()).queryParam("q", word).queryParam("assignee", "unassigned").get("/api/conversations")
                .then().statusCode(200).body("items.id", equalTo(List.of((int) newer)));
        given().auth().oauth2(Staff.token()).queryParam("q", word).queryParam("assignee", "mine").get("/api/conversations")
                .then().statusCode(200).body("items", equalTo(List.of()));
        given().auth().oauth2(rina.token()).queryParam("q", word).queryParam("status", "new").get("/api/conversations")
                .then().statusCode(200).body("total", equalTo(2));
        given().auth().oauth2(rina.token()).queryParam("q", word).queryParam("status", "DONE").get("/api/conversations")
                .then().statusCode(200).body("total", equalTo(0));
        // A search for a LIKE wildcard matches only the character itself.
        given().auth().oauth2(rina.token()).queryParam("q", "%").queryParam("channel", "WEB").queryParam("assignee", rina.id())
                .get("/api/conversations").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badFiltersAreProblemsNot500s() {
        String staff = Staff.token();
        assertProblem(given().auth().oauth2(staff).queryParam("status", "LUPA").get("/api/conversations").then(), 400, "validation")
                .body("errors[0].field", equalTo("status"));
        assertProblem(given().auth().oauth2(staff).queryParam("channel", "TIKTOK").get("/api/conversations").then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).queryParam("assignee", "siapa").get("/api/conversations").then(), 400, "validation")
                .body("errors[0].field", equalTo("assignee"));
        assertProblem(given().auth().oauth2(staff).queryParam("q", "x".repeat(201)).get("/api/conversations").then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).queryParam("page", "abc").get("/api/conversations").then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).get("/api/conversations/999999999").then(), 404, "not-found");
        assertProblem(given().auth().oauth2(staff).get("/api/conversations/abc").then(), 404, "not-found");
    }

    @Test
    void statusAndAssigneeNeedTheCurrentVersion() throws Throwable {
        String staff = Staff.token();
        Member patron = account("MEMBER");
        String key = unique();
        long thread = ingest(message(ConversationChannel.WEB, key, "w-" + key, "Halo", Instant.now())).threadId();
        int version = get(staff, thread).getInt("thread.version");
        String path = "/api/conversations/" + thread;

        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("status", "OPEN"))
                .put(path + "/status").then(), 428, "version-required");
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("status", "OPEN")).put(path + "/status").then().statusCode(200)
                .body("thread.status", equalTo("OPEN")).body("thread.resolvedAt", nullValue());
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("status", "DONE")).put(path + "/status").then(), 412, "stale-version")
                .header("ETag", equalTo("\"" + (version + 1) + "\""));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("assigneeId", 1)).put(path + "/assignee").then(), 412, "stale-version");
        assertEquals("OPEN", Accounts.text(db, "SELECT status FROM conversation_thread WHERE id = ?", thread));

        String current = "\"" + (version + 1) + "\"";
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", current)
                .body(Map.of("status", "GONE")).put(path + "/status").then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", current)
                .body("{}").put(path + "/status").then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", current)
                .body(Map.of("assigneeId", patron.id())).put(path + "/assignee").then(), 400, "validation")
                .body("errors[0].field", equalTo("assigneeId"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM conversation_thread WHERE id = ? AND assignee_id IS NOT NULL", thread));
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", current)
                .body("{\"assigneeId\":null}").put(path + "/assignee").then().statusCode(200)
                .body("thread.assigneeId", nullValue());
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"" + (version + 2) + "\"")
                .body(Map.of("minor", true)).put(path + "/minor").then().statusCode(200).body("thread.minor", equalTo(true));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("status", "OPEN")).put("/api/conversations/999999999/status").then(), 404, "not-found");
    }

    @Test
    void notesStayInternal() throws Throwable {
        String staff = Staff.token();
        String key = unique();
        long thread = ingest(message(ConversationChannel.WEB, key, "w-" + key, "Halo", Instant.now())).threadId();
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("body", "  Sudah dicek: kuota masih ada.  "))
                .post("/api/conversations/" + thread + "/notes").then().statusCode(201)
                .header("Location", endsWith("/api/conversations/" + thread)).body("body", equalTo("Sudah dicek: kuota masih ada."))
                .body("author", equalTo("Pengguna Uji"));
        assertEquals(List.of("Sudah dicek: kuota masih ada."), get(staff, thread).getList("notes.body"));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("body", "  "))
                .post("/api/conversations/" + thread + "/notes").then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("body", "x".repeat(4001)))
                .post("/api/conversations/" + thread + "/notes").then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"body\":")
                .post("/api/conversations/" + thread + "/notes").then(), 400, "malformed-json");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("body", "Catatan"))
                .post("/api/conversations/999999999/notes").then(), 404, "not-found");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM conversation_note WHERE thread_id = ?", thread));
    }

    @Test
    void aReplyGoesThroughTheChannelsSenderOrNowhere() throws Throwable {
        String staff = Staff.token();
        String key = unique();
        long thread = ingest(message(ConversationChannel.WEB, key, "w-" + key, "Halo", Instant.now().minusSeconds(60))).threadId();
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("body", " Halo Kak, ada yang bisa dibantu? "))
                .post("/api/conversations/" + thread + "/replies").then().statusCode(201)
                .body("direction", equalTo("OUT")).body("delivery", equalTo("SENT")).body("author", equalTo("Pengguna Uji"))
                .body("body", equalTo("Halo Kak, ada yang bisa dibantu?")).body("externalId", notNullValue());
        JsonPath view = get(staff, thread);
        assertEquals("WAITING", view.getString("thread.status"));
        String firstResponse = view.getString("thread.firstResponseAt");
        assertTrue(firstResponse != null);
        assertEquals(List.of("IN", "OUT"), view.getList("messages.direction"));

        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("body", "Satu lagi"))
                .post("/api/conversations/" + thread + "/replies").then().statusCode(201);
        assertEquals(firstResponse, get(staff, thread).getString("thread.firstResponseAt"), "only the first reply sets it");

        // (A platform's refusal, 502 reply-failed with nothing stored: WhatsappWebhookTest and MetaReplyTest; the WEB
        // channel's own sender, conversation.web.WebReplies, never refuses.)
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM conversation_message WHERE thread_id = ? AND direction = 'OUT'", thread));

        // X without a connected account: 409, nothing stored.
        Accounts.sql(db, "DELETE FROM social_connection WHERE platform = 'X'");
        String fb = unique();
        long fbThread = ingest(message(ConversationChannel.X, fb, "x-" + fb, "Halo", Instant.now())).threadId();
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("body", "Halo juga"))
                .post("/api/conversations/" + fbThread + "/replies").then(), 409, "channel-not-connected");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM conversation_message WHERE thread_id = ? AND direction = 'OUT'", fbThread));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM conversation_thread WHERE id = ? AND first_response_at IS NOT NULL", fbThread));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("body", ""))
                .post("/api/conversations/" + thread + "/replies").then(), 400, "validation");
    }

    @Test
    void onlyStaffSeeTheInbox() throws Throwable {
        String key = unique();
        long thread = ingest(message(ConversationChannel.WEB, key, "w-" + key, "Halo", Instant.now())).threadId();
        String patron = account("MEMBER").token();
        assertProblem(given().get("/api/conversations").then(), 401, "unauthenticated");
        assertProblem(given().auth().oauth2(patron).get("/api/conversations").then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(patron).get("/api/conversations/" + thread).then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(patron).contentType(ContentType.JSON).body(Map.of("body", "Hai"))
                .post("/api/conversations/" + thread + "/replies").then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(patron).get("/api/conversations/saved-replies").then(), 403, "forbidden");
        assertProblem(given().get("/api/conversations/saved-replies").then(), 401, "unauthenticated");
        given().auth().oauth2(account("ADMIN").token()).get("/api/conversations/" + thread).then().statusCode(200);
    }
}
