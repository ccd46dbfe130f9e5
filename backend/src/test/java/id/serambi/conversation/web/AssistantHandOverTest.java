package id.serambi.conversation.web;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.assistant.knowledge.FaqEntries;
import id.serambi.assistant.knowledge.MinorQuestionRetention;
import id.serambi.conversation.threads.MinorRetention;
import id.serambi.support.Accounts;
import id.serambi.support.SseClient;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: a question Tanya Perpustakaan hands over opens a WEB thread in the inbox, known to the asker only by a
 * conversation token; follow-ups join it, staff's replies reach the asker live and on reload (never their notes), a
 * forged token reads and writes nothing, and a signed-in asker's questions and thread are theirs (a minor's kept like a
 * minor's data).
 */
@QuarkusTest
class AssistantHandOverTest {

    @Inject
    AgroalDataSource db;

    @Inject
    MinorRetention threadRetention;

    @Inject
    MinorQuestionRetention questionRetention;

    @TestHTTPResource("/api/assistant/conversations/")
    URL conversations;

    /** A question no entry answers: a word nobody uses. */
    private static String unknownQuestion() {
        return "Apakah ada " + FaqEntries.word() + " " + FaqEntries.word() + "?";
    }

    private static RequestSpecification asker() {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", Accounts.randomIp());
    }

    private static JsonPath ask(String question, String token, String bearer) {
        Map<String, Object> body = new HashMap<>();
        body.put("question", question);
        body.put("language", "id");
        body.put("conversationToken", token);
        RequestSpecification request = asker();
        if (bearer != null) {
            request = request.auth().oauth2(bearer);
        }
        return request.body(body).post("/api/assistant/questions").then().statusCode(200).extract().jsonPath();
    }

    private long threadOf(String token) {
        return Accounts.count(db, "SELECT coalesce(max(id), 0) FROM conversation_thread WHERE channel = 'WEB' AND thread_key = "
                + "'web:' || encode(sha256(convert_to(?, 'UTF8')), 'hex')", token);
    }

    private static JsonPath conversation(String token) {
        return asker().get("/api/assistant/conversations/" + token).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aHandOverOpensOneThreadAndFollowUpsJoinIt() throws Exception {
        String first = unknownQuestion();
        JsonPath handedOver = ask(first, null, null);
        assertTrue(handedOver.getBoolean("handedOver"));
        String token = handedOver.getString("conversationToken");
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        long thread = threadOf(token);
        assertNotEquals(0, thread, "a thread keyed by the token's hash");
        assertEquals("WEB DIRECT NEW Pengunjung web", Accounts.text(db,
                "SELECT channel || ' ' || kind || ' ' || status || ' ' || contact_name FROM conversation_thread WHERE id = ?", thread));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM conversation_thread WHERE thread_key LIKE ? OR contact_id LIKE ?",
                "%" + token + "%", "%" + token + "%"), "the token itself is stored nowhere");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM assistant_question WHERE question = ? AND handed_over "
                + "AND account_id IS NULL AND NOT minor", first));

        // A later question with the token, handed over too, joins the thread; so does an answered one (context).
        String second = unknownQuestion();
        assertEquals(token, ask(second, token, null).getString("conversationToken"));
        String staff = Staff.token();
        String word = FaqEntries.word();
        int entry = FaqEntries.create(staff, FaqEntries.entry(word));
        String answerable = "pinjem " + word + " gmn?";
        FaqEntries.askUntil(answerable, "id", a -> !a.getBoolean("handedOver") && Integer.valueOf(entry).equals(a.get("entryId")));
        JsonPath answered = ask(answerable, token, null);
        assertFalse(answered.getBoolean("handedOver"));
        assertEquals(token, answered.getString("conversationToken"));
        assertNull(ask(answerable, null, null).get("conversationToken"), "an answered question outside a conversation opens none");

        asker().body(Map.of("text", "  Terima kasih, saya tunggu.  ")).post("/api/assistant/conversations/" + token + "/messages")
                .then().statusCode(201).body("from", equalTo("ASKER")).body("text", equalTo("Terima kasih, saya tunggu."));
        assertEquals(thread, threadOf(token));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM conversation_thread WHERE channel = 'WEB' AND thread_key = "
                + "(SELECT thread_key FROM conversation_thread WHERE id = ?)", thread));
        JsonPath all = conversation(token);
        assertEquals(List.of(first, second, answerable, "Terima kasih, saya tunggu."), all.getList("messages.text"));
        assertEquals(List.of("ASKER", "ASKER", "ASKER", "ASKER"), all.getList("messages.from"));
        assertEquals(4, Accounts.count(db, "SELECT count(*) FROM conversation_message WHERE thread_id = ? AND direction = 'IN'", thread));
    }

    @Test
    void aStaffReplyReachesTheAskersStreamAndTheConversationButANoteNever() throws Exception {
        String question = unknownQuestion();
        String token = ask(question, null, null).getString("conversationToken");
        long thread = threadOf(token);
        String staff = Staff.token();
        String note = "Catatan internal " + FaqEntries.word();
        try (SseClient stream = new SseClient(conversations + token + "/stream")) {
            for (long until = System.currentTimeMillis() + 5000; stream.status == 0 && System.currentTimeMillis() < until; ) {
                Thread.sleep(50);
            }
            assertEquals(200, stream.status);
            assertTrue(stream.contentType.startsWith("text/event-stream"), stream.contentType);
            Thread.sleep(300);
            given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("body", note))
                    .post("/api/conversations/" + thread + "/notes").then().statusCode(201);
            given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("body", "Halo Kak, bisa kami bantu."))
                    .post("/api/conversations/" + thread + "/replies").then().statusCode(201).body("delivery", equalTo("SENT"));
            SseClient.Event reply = stream.nextData(Duration.ofSeconds(10));
            assertNotNull(reply, "the reply arrives live");
            assertEquals("message", reply.name());
            JsonPath data = new JsonPath(reply.data());
            assertEquals("LIBRARY", data.getString("from"));
            assertEquals("Halo Kak, bisa kami bantu.", data.getString("text"));
            assertTrue(data.getLong("id") > 0);
            assertNotNull(Instant.parse(data.getString("sentAt")));
            assertNull(stream.nextData(Duration.ofMillis(1500)), "nothing else: the note is not sent");

            // A reply another instance stored: only its row and its NOTIFY reach this one.
            assertEquals(1, Accounts.count(db, """
                    WITH m AS (INSERT INTO conversation_message (thread_id, channel, direction, external_id, body, sent_at, delivery)
                               VALUES (?, 'WEB', 'OUT', 'web-reply:other-instance-' || ?, 'Dari instans lain', now(), 'SENT')
                               RETURNING thread_id)
                    SELECT count(pg_notify('conversation_changed', thread_id::text)) FROM m""", thread, token));
            SseClient.Event other = stream.nextData(Duration.ofSeconds(10));
            assertNotNull(other, "a reply stored on another instance arrives too");
            assertEquals("Dari instans lain", new JsonPath(other.data()).getString("text"));
        }
        JsonPath all = conversation(token);
        assertEquals(List.of(question, "Halo Kak, bisa kami bantu.", "Dari instans lain"), all.getList("messages.text"));
        assertEquals(List.of("ASKER", "LIBRARY", "LIBRARY"), all.getList("messages.from"));
        assertFalse(all.prettify().contains(note));
        assertEquals("WAITING", Accounts.text(db, "SELECT status FROM conversation_thread WHERE id = ?", thread));

        // The asker writes again: the thread is open again; a DONE one too.
        asker().body(Map.of("text", "Baik, terima kasih")).post("/api/assistant/conversations/" + token + "/messages")
                .then().statusCode(201);
        assertEquals("OPEN", Accounts.text(db, "SELECT status FROM conversation_thread WHERE id = ?", thread));
    }

    @Test
    void anUnknownOrForgedTokenIsNotFoundAndWritesNothing() {
        String forged = "A".repeat(43);
        long questions = Accounts.count(db, "SELECT count(*) FROM assistant_question");
        long messages = Accounts.count(db, "SELECT count(*) FROM conversation_message");
        long threads = Accounts.count(db, "SELECT count(*) FROM conversation_thread");
        Map<String, Object> body = new HashMap<>(Map.of("question", unknownQuestion(), "conversationToken", forged));
        assertProblem(asker().body(body).post("/api/assistant/questions").then(), 404, "not-found");
        for (String token : List.of(forged, "abc", "A".repeat(44))) {
            assertProblem(asker().get("/api/assistant/conversations/" + token).then(), 404, "not-found");
            assertProblem(asker().body(Map.of("text", "Halo")).post("/api/assistant/conversations/" + token + "/messages").then(),
                    404, "not-found");
            assertProblem(asker().accept("text/event-stream").get("/api/assistant/conversations/" + token + "/stream").then(),
                    404, "not-found");
        }
        body.put("conversationToken", "not a token");
        assertProblem(asker().body(body).post("/api/assistant/questions").then(), 400, "validation");
        assertEquals(questions, Accounts.count(db, "SELECT count(*) FROM assistant_question"));
        assertEquals(messages, Accounts.count(db, "SELECT count(*) FROM conversation_message"));
        assertEquals(threads, Accounts.count(db, "SELECT count(*) FROM conversation_thread"));

        String token = ask(unknownQuestion(), null, null).getString("conversationToken");
        assertProblem(asker().body(Map.of("text", " ")).post("/api/assistant/conversations/" + token + "/messages").then(), 400, "validation");
        assertProblem(asker().body(Map.of("text", "x".repeat(2001))).post("/api/assistant/conversations/" + token + "/messages").then(),
                400, "validation");
        assertProblem(asker().body("{}").post("/api/assistant/conversations/" + token + "/messages").then(), 400, "validation");
        assertEquals(1, conversation(token).getList("messages").size());
    }

    @Test
    void anAskerReadsOnlyTheConversationOfTheirToken() {
        String a = unknownQuestion();
        String b = unknownQuestion();
        String tokenA = ask(a, null, null).getString("conversationToken");
        String tokenB = ask(b, null, null).getString("conversationToken");
        assertNotEquals(tokenA, tokenB);
        assertNotEquals(threadOf(tokenA), threadOf(tokenB));
        assertEquals(List.of(a), conversation(tokenA).getList("messages.text"));
        assertEquals(List.of(b), conversation(tokenB).getList("messages.text"));
        // One character off is another (unknown) token.
        String near = tokenA.substring(0, 42) + (tokenA.charAt(42) == 'A' ? 'B' : 'A');
        assertProblem(asker().get("/api/assistant/conversations/" + near).then(), 404, "not-found");
    }

    @Test
    void concurrentQuestionsWithOneTokenMakeOneThread() throws Exception {
        String token = ask(unknownQuestion(), null, null).getString("conversationToken");
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String question = i % 2 == 0 ? unknownQuestion() : null;
                calls.add(question != null ? () -> ask(question, token, null).getString("conversationToken")
                        : () -> asker().body(Map.of("text", "Pesan " + FaqEntries.word()))
                                .post("/api/assistant/conversations/" + token + "/messages").then().statusCode(201)
                                .extract().path("from"));
            }
            Set<String> results = new HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            assertEquals(Set.of(token, "ASKER"), results);
        } finally {
            pool.shutdownNow();
        }
        long thread = threadOf(token);
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM conversation_thread WHERE channel = 'WEB' AND contact_id = "
                + "(SELECT contact_id FROM conversation_thread WHERE id = ?)", thread));
        assertEquals(n + 1, Accounts.count(db, "SELECT count(*) FROM conversation_message WHERE thread_id = ?", thread));
        assertEquals(n + 1, conversation(token).getList("messages").size());
    }

    private long member(String email, int birthYear, String name) {
        long id = Accounts.register(email);
        Accounts.sql(db, "UPDATE app_user SET birth_year = ?, display_name = ? WHERE id = ?", birthYear, name, id);
        return id;
    }

    @Test
    void aSignedInAskersQuestionsAreTheirsAndAMinorsAreKeptLikeAMinorsData() throws Throwable {
        String teenEmail = Accounts.uniqueEmail("remaja");
        long teen = member(teenEmail, 2012, "Nadia Remaja");
        String teenToken = Accounts.login(teenEmail, Accounts.PASSWORD);
        String adultEmail = Accounts.uniqueEmail("dewasa");
        long adult = member(adultEmail, 1980, "Budi Dewasa");
        String adultToken = Accounts.login(adultEmail, Accounts.PASSWORD);

        String teenQuestion = unknownQuestion();
        String teenConversation = ask(teenQuestion, null, teenToken).getString("conversationToken");
        long teenThread = threadOf(teenConversation);
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM assistant_question WHERE question = ? AND account_id = ? AND minor",
                teenQuestion, teen));
        assertEquals("true Nadia Remaja", Accounts.text(db, "SELECT minor || ' ' || contact_name FROM conversation_thread WHERE id = ?",
                teenThread));
        assertEquals(teen, Accounts.count(db, "SELECT account_id FROM web_conversation WHERE thread_id = ?", teenThread));

        String adultQuestion = unknownQuestion();
        String adultConversation = ask(adultQuestion, null, adultToken).getString("conversationToken");
        long adultThread = threadOf(adultConversation);
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM assistant_question WHERE question = ? AND account_id = ? AND NOT minor",
                adultQuestion, adult));
        assertEquals("false", Accounts.text(db, "SELECT minor::text FROM conversation_thread WHERE id = ?", adultThread));

        // The export holds the member's questions and conversations; the other member's are not in it.
        JsonPath export = given().auth().oauth2(adultToken).get("/api/me/export").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(adultQuestion), export.getList("assistantQuestions.question"));
        assertEquals(List.of(true), export.getList("assistantQuestions.handedOver"));
        assertEquals(List.of(List.of(adultQuestion)), export.getList("webConversations.messages.text"));
        assertFalse(export.prettify().contains(teenQuestion));

        // Past the minors' retention: the minor's questions and thread content go, the adult's stay.
        Instant later = Instant.now().plus(Duration.ofDays(181));
        VertxContextSupport.subscribeAndAwait(() -> questionRetention.purge(later));
        VertxContextSupport.subscribeAndAwait(() -> threadRetention.purge(later));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM assistant_question WHERE account_id = ?", teen));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM conversation_message WHERE thread_id = ?", teenThread));
        assertProblem(asker().get("/api/assistant/conversations/" + teenConversation).then(), 404, "not-found");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM assistant_question WHERE account_id = ?", adult));
        assertEquals(List.of(adultQuestion), conversation(adultConversation).getList("messages.text"));

        // Erasure takes the member's questions and conversations with the account.
        given().auth().oauth2(adultToken).delete("/api/me").then().statusCode(204);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM assistant_question WHERE question = ?", adultQuestion));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM conversation_thread WHERE id = ?", adultThread));
        assertProblem(asker().get("/api/assistant/conversations/" + adultConversation).then(), 404, "not-found");
    }
}
