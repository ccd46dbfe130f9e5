package id.serambi.conversation.threads;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ConversationKind;
import id.serambi.conversation.Conversations;
import id.serambi.conversation.InboundMessage;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: minors' messages and notes are kept for serambi.conversations.minor-retention (P180D) and then deleted; an
 * emptied thread keeps its row, without its contact, for the report. Other threads keep everything.
 */
@QuarkusTest
class MinorRetentionTest {

    private static final Duration RETENTION = Duration.ofDays(180);

    @Inject
    AgroalDataSource db;

    @Inject
    Conversations conversations;

    @Inject
    MinorRetention retention;

    long message(String key, String text, Instant at) throws Throwable {
        InboundMessage m = new InboundMessage(ConversationChannel.WEB, ConversationKind.DIRECT, key, "m-" + UUID.randomUUID(),
                "library", key, "Adik " + key, text, at, null);
        return VertxContextSupport.subscribeAndAwait(() -> conversations.ingest(m)).threadId();
    }

    long count(String sql, Object... args) {
        return Accounts.count(db, sql, args);
    }

    @Test
    void aMinorsOldMessagesAndNotesGoAndAnEmptiedThreadKeepsOnlyItsFigures() throws Throwable {
        String staff = Staff.token();
        Instant now = Instant.now();
        Instant old = now.minus(RETENTION).minus(Duration.ofDays(1));
        Instant recent = now.minus(RETENTION).plus(Duration.ofDays(1));

        // A minor's thread that went quiet long ago: emptied.
        String quietKey = UUID.randomUUID().toString();
        long quiet = message(quietKey, "Aku umur 13, boleh ikut lomba?", old);
        // A minor's thread with an old and a recent message: only the old one goes.
        String activeKey = UUID.randomUUID().toString();
        long active = message(activeKey, "Pesan lama", old);
        message(activeKey, "Pesan baru", recent);
        // An adult's old thread: kept.
        long adult = message(UUID.randomUUID().toString(), "Pesan orang dewasa", old);
        for (long t : new long[] { quiet, active }) {
            Accounts.sql(db, "UPDATE conversation_thread SET minor = true, first_response_at = first_inbound_at + interval '10 minutes' "
                    + "WHERE id = ?", t);
            given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("body", "Catatan tentang anak"))
                    .post("/api/conversations/" + t + "/notes").then().statusCode(201);
        }
        Accounts.sql(db, "UPDATE conversation_note SET created_at = ? WHERE thread_id IN (?, ?)",
                java.sql.Timestamp.from(old), quiet, active);
        Accounts.sql(db, "INSERT INTO conversation_note (thread_id, body) VALUES (?, 'Catatan baru')", active);

        MinorRetention.Purged purged = VertxContextSupport.subscribeAndAwait(() -> retention.purge(now));
        assertTrue(purged.messages() >= 2 && purged.notes() >= 2 && purged.threadsEmptied() >= 1, purged.toString());

        assertEquals(0, count("SELECT count(*) FROM conversation_message WHERE thread_id = ?", quiet));
        assertEquals(0, count("SELECT count(*) FROM conversation_note WHERE thread_id = ?", quiet));
        assertEquals(1, count("SELECT count(*) FROM conversation_thread WHERE id = ? AND contact_name IS NULL AND contact_id = "
                + "'dihapus' AND thread_key = 'dihapus:' || id AND content_purged_at IS NOT NULL AND first_response_at IS NOT NULL",
                quiet), "the row stays, with its times, without its contact");
        given().auth().oauth2(staff).get("/api/conversations/" + quiet).then().statusCode(200)
                .body("messages", hasSize(0)).body("notes", hasSize(0)).body("thread.contentPurgedAt", notNullValue());

        assertEquals(1, count("SELECT count(*) FROM conversation_message WHERE thread_id = ?", active));
        assertEquals("Pesan baru", Accounts.text(db, "SELECT body FROM conversation_message WHERE thread_id = ?", active));
        assertEquals("Catatan baru", Accounts.text(db, "SELECT body FROM conversation_note WHERE thread_id = ?", active));
        assertNull(Accounts.text(db, "SELECT content_purged_at FROM conversation_thread WHERE id = ?", active));
        assertEquals("Adik " + activeKey, Accounts.text(db, "SELECT contact_name FROM conversation_thread WHERE id = ?", active));

        assertEquals(1, count("SELECT count(*) FROM conversation_message WHERE thread_id = ?", adult), "an adult's messages stay");

        // The contact writing again opens a new thread; a second run deletes nothing more.
        long again = message(quietKey, "Halo lagi", now);
        assertTrue(again != quiet);
        MinorRetention.Purged second = VertxContextSupport.subscribeAndAwait(() -> retention.purge(now));
        assertNotNull(second);
        assertEquals(1, count("SELECT count(*) FROM conversation_message WHERE thread_id = ?", active));
        given().auth().oauth2(staff).get("/api/conversations/" + again).then().statusCode(200)
                .body("messages[0].body", equalTo("Halo lagi"));
    }
}
