package id.serambi.conversation.threads;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ConversationKind;
import id.serambi.conversation.Conversations;
import id.serambi.conversation.InboundMessage;
import id.serambi.support.Accounts;
import id.serambi.support.SseClient;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 18: the inbox live over SSE (through PostgreSQL NOTIFY), and a contact's conversations as personal data. */
@QuarkusTest
class ThreadLiveAndPrivacyTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Conversations conversations;

    @TestHTTPResource("/")
    URL base;

    long ingest(String key, String contact, String text) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> conversations.ingest(new InboundMessage(ConversationChannel.WEB,
                ConversationKind.DIRECT, key, "w-" + UUID.randomUUID(), "library", contact, "Rani", text, Instant.now(), null)))
                .threadId();
    }

    @Test
    void anOpenInboxHearsOfEveryChangedThread() throws Throwable {
        String url = base + "api/conversations/stream";
        try (SseClient anonymous = new SseClient(url)) {
            for (int i = 0; i < 100 && anonymous.status == 0; i++) {
                Thread.sleep(50);
            }
            assertEquals(401, anonymous.status);
        }
        String staff = Staff.token();
        try (SseClient sse = new SseClient(url, Map.of("Authorization", "Bearer " + staff))) {
            for (int i = 0; i < 100 && sse.status == 0; i++) {
                Thread.sleep(50);
            }
            assertEquals(200, sse.status);
            Thread.sleep(300);
            String key = UUID.randomUUID().toString();
            long thread = ingest(key, key, "Halo");
            SseClient.Event event = sse.nextData(Duration.ofSeconds(10));
            assertNotNull(event, "the new message is announced");
            assertEquals("conversation", event.name());
            assertEquals("{\"threadId\":" + thread + "}", event.data());

            given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("body", "Catatan"))
                    .post("/api/conversations/" + thread + "/notes").then().statusCode(201);
            given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("status", "OPEN")).put("/api/conversations/" + thread + "/status").then().statusCode(200);
            SseClient.Event changed = sse.nextData(Duration.ofSeconds(10));
            assertNotNull(changed, "the status change is announced");
            assertEquals("{\"threadId\":" + thread + "}", changed.data());
        }
    }

    @Test
    void aVerifiedContactsConversationsAreExportedAndErasedWithThem() throws Throwable {
        String email = Accounts.uniqueEmail("kontak");
        long id = Accounts.register(email);
        String token = Accounts.login(email, Accounts.PASSWORD);
        long thread = ingest(email.toUpperCase(), email.toUpperCase(), "Pesan dari remaja");
        Accounts.sql(db, "UPDATE conversation_thread SET minor = true WHERE id = ?", thread);

        // Unverified, the address may be someone else's: nothing of the conversations is theirs yet.
        given().auth().oauth2(token).get("/api/me/export").then().statusCode(200).body("conversations.threads", hasSize(0));

        Accounts.sql(db, "UPDATE app_user SET email_verified_at = now() WHERE id = ?", id);
        given().auth().oauth2(token).get("/api/me/export").then().statusCode(200)
                .body("conversations.threads", hasSize(1))
                .body("conversations.threads[0].minor", equalTo(true))
                .body("conversations.threads[0].messages[0].body", equalTo("Pesan dari remaja"));

        given().auth().oauth2(token).delete("/api/me").then().statusCode(204);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM conversation_thread WHERE id = ?", thread));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM conversation_message WHERE thread_id = ?", thread));
    }

    @Test
    void whatStaffWroteStaysWithTheThreadButNoLongerNamesThem() throws Throwable {
        String email = Accounts.uniqueEmail("staf-keluar");
        long id = Accounts.register(email);
        Accounts.sql(db, "UPDATE app_user SET role = 'STAFF' WHERE id = ?", id);
        String token = Accounts.login(email, Accounts.PASSWORD);
        String key = UUID.randomUUID().toString();
        long thread = ingest(key, key, "Halo");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("body", "Catatan staf"))
                .post("/api/conversations/" + thread + "/notes").then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("assigneeId", id)).put("/api/conversations/" + thread + "/assignee").then().statusCode(200);
        given().auth().oauth2(token).get("/api/me/export").then().statusCode(200)
                .body("conversations.notesWritten[0].body", equalTo("Catatan staf"));

        given().auth().oauth2(token).delete("/api/me").then().statusCode(204);
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM conversation_note WHERE thread_id = ? AND author_id IS NULL", thread));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM conversation_thread WHERE id = ? AND assignee_id IS NOT NULL", thread));
    }
}
