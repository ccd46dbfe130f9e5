package id.serambi.conversation.threads;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.Conversations;
import id.serambi.conversation.InboundMessage;
import id.serambi.support.Accounts;
import id.serambi.support.Concurrently;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: staff and admins are told once of a thread left unassigned (and not DONE) longer than
 * serambi.conversations.unassigned-alert-after (30 minutes), even when two instances run the alert at once.
 */
@QuarkusTest
class ThreadAlertsTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Conversations conversations;

    @Inject
    ThreadAlerts alerts;

    /** A new WhatsApp thread whose first message came {@code ago} before now; its id. */
    long thread(Duration ago) throws Throwable {
        String key = "62811" + (System.nanoTime() % 10_000_000L);
        InboundMessage m = ThreadInboxTest.message(ConversationChannel.WHATSAPP, key, "wamid." + ThreadInboxTest.unique(),
                "Halo, apakah masih bisa daftar?", Instant.now().minus(ago));
        long id = VertxContextSupport.subscribeAndAwait(() -> conversations.ingest(m)).threadId();
        // The thread has waited unassigned since it arrived.
        Accounts.sql(db, "UPDATE conversation_thread SET unassigned_since = now() - CAST(? AS interval) WHERE id = ?",
                ago.toSeconds() + " seconds", id);
        return id;
    }

    List<Long> alert() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> alerts.alert(Instant.now()));
    }

    /** The alert notifications about this thread, to anyone. */
    long notices(long thread) {
        return Accounts.count(db, "SELECT count(*) FROM notification WHERE kind = 'CONVERSATION_UNASSIGNED' AND link = ?",
                "/staf/percakapan?utas=" + thread);
    }

    long noticesTo(long account, long thread) {
        return Accounts.count(db, "SELECT count(*) FROM notification WHERE kind = 'CONVERSATION_UNASSIGNED' AND link = ? "
                + "AND account_id = ?", "/staf/percakapan?utas=" + thread, account);
    }

    record Member(long id, String token) {
    }

    Member staffMember() {
        String email = Accounts.uniqueEmail("staf");
        long id = account("STAFF", email);
        return new Member(id, Accounts.login(email, Accounts.PASSWORD));
    }

    long account(String role) {
        return account(role, Accounts.uniqueEmail(role.toLowerCase()));
    }

    long account(String role, String email) {
        long id = Accounts.register(email);
        Accounts.sql(db, "UPDATE app_user SET role = ? WHERE id = ?", role, id);
        return id;
    }

    void assign(String token, long thread, Long assignee) {
        int version = ThreadInboxTest.get(token, thread).getInt("thread.version");
        Map<String, Object> body = new HashMap<>();
        body.put("assigneeId", assignee);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"").body(body)
                .put("/api/conversations/" + thread + "/assignee").then().statusCode(200);
    }

    @Test
    void aThreadUnassignedLongerThanTheSetTimeIsAnnouncedOnceToStaffAndAdminsOnly() throws Throwable {
        long staff = account("STAFF");
        long admin = account("ADMIN");
        long reviewer = account("REVIEWER");
        long member = account("MEMBER");
        long old = thread(Duration.ofMinutes(31));
        long fresh = thread(Duration.ofMinutes(29));

        List<Long> announced = alert();
        assertTrue(announced.contains(old));
        assertFalse(announced.contains(fresh), "29 minutes is not yet longer than 30");
        assertEquals(1, noticesTo(staff, old));
        assertEquals(1, noticesTo(admin, old));
        assertEquals(0, noticesTo(reviewer, old), "reviewers do not work the inbox");
        assertEquals(0, noticesTo(member, old));
        assertEquals(0, notices(fresh));
        assertNotNull(Accounts.text(db, "SELECT unassigned_alerted_at FROM conversation_thread WHERE id = ?", old));
        String body = Accounts.text(db, "SELECT body FROM notification WHERE link = ? AND account_id = ?",
                "/staf/percakapan?utas=" + old, staff);
        assertFalse(body.contains("Halo"), "the notice never carries the message: it may be a minor's");

        // A second run, and a new message on the thread, announce nothing again.
        assertFalse(alert().contains(old));
        VertxContextSupport.subscribeAndAwait(() -> conversations.ingest(ThreadInboxTest.message(ConversationChannel.WHATSAPP,
                Accounts.text(db, "SELECT thread_key FROM conversation_thread WHERE id = ?", old),
                "wamid." + ThreadInboxTest.unique(), "Halo lagi?", Instant.now())));
        assertFalse(alert().contains(old));
        assertEquals(1, noticesTo(staff, old));
    }

    @Test
    void doneAndAssignedThreadsAreNotAnnounced() throws Throwable {
        Member staff = staffMember();
        String token = staff.token();
        long me = staff.id();
        long done = thread(Duration.ofHours(2));
        Accounts.sql(db, "UPDATE conversation_thread SET status = 'DONE', resolved_at = now() WHERE id = ?", done);
        long assigned = thread(Duration.ofHours(2));
        assign(token, assigned, me);
        assertNull(Accounts.text(db, "SELECT unassigned_since FROM conversation_thread WHERE id = ?", assigned));

        List<Long> announced = alert();
        assertFalse(announced.contains(done));
        assertFalse(announced.contains(assigned));
        assertEquals(0, notices(done) + notices(assigned));
    }

    @Test
    void assigningClearsTheAlertAndUnassigningStartsTheClockAgain() throws Throwable {
        Member staff = staffMember();
        String token = staff.token();
        long me = staff.id();
        long thread = thread(Duration.ofHours(1));
        assertTrue(alert().contains(thread));
        long first = notices(thread);
        assertTrue(first > 0);

        assign(token, thread, me);
        assertNull(Accounts.text(db, "SELECT unassigned_alerted_at FROM conversation_thread WHERE id = ?", thread));
        assign(token, thread, null);
        assertFalse(alert().contains(thread), "unassigned just now: not yet 30 minutes");

        Accounts.sql(db, "UPDATE conversation_thread SET unassigned_since = now() - interval '31 minutes' WHERE id = ?", thread);
        assertTrue(alert().contains(thread), "unassigned again for longer than the set time: announced again, once");
        assertFalse(alert().contains(thread));
        assertEquals(2 * first, notices(thread));
    }

    @Test
    void twoInstancesRunningTheAlertAtOnceAnnounceEachThreadOnce() throws Throwable {
        long staff = account("STAFF");
        List<Long> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            threads.add(thread(Duration.ofMinutes(45)));
        }
        List<List<Long>> runs = Concurrently.twice(() -> alerts.alert(Instant.now()));
        for (long t : threads) {
            long claims = runs.stream().filter(run -> run.contains(t)).count();
            assertEquals(1, claims, "thread " + t + " claimed by exactly one run");
            assertEquals(1, noticesTo(staff, t), "thread " + t + " announced once");
        }
    }
}
