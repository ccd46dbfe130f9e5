package id.serambi.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.assistant.knowledge.FaqEntries;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Tanya Perpustakaan with two packaged instances on one database (issue 19): each instance holds its own FAQ index in
 * memory and rebuilds it when any instance changes the knowledge base (NOTIFY at commit). An entry created, edited and
 * switched off through instance A's {@code /api/faq} changes instance B's answers within seconds, and a deleted entry
 * stops answering on both. The entries are about made-up words, so only they can answer questions with them.
 */
class AssistantTwoInstancesIT extends OnTwoInstances {

    /** How long a change may take to reach an instance's answers (polled; it usually takes well under a second). */
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Test
    void anEntryCreatedEditedAndSwitchedOffOnAChangesTheAnswersOfB() throws Exception {
        String staff = pair.adminToken(pair.portA);
        String word = FaqEntries.word();
        String question = "gmn cara pinjem " + word + " di perpus?";
        // Before: neither instance knows the word.
        assertTrue(ask(pair.portB, question).getBoolean("handedOver"), "B hands over before the entry exists");

        JsonPath created = given().baseUri(pair.url(pair.portA)).auth().oauth2(staff).contentType(ContentType.JSON)
                .body(entry(word, "Untuk meminjam " + word + ", tanyakan di meja layanan.")).post("/api/faq")
                .then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        JsonPath onB = askUntil(pair.portB, question, a -> !a.getBoolean("handedOver"));
        assertEquals(id, onB.getLong("entryId"), "B answers with the entry A created");
        assertTrue(onB.getString("answer").contains("meja layanan"), onB.getString("answer"));

        // Edited on A: B answers with the new text.
        Map<String, Object> edited = entry(word, "Untuk meminjam " + word + ", isi formulir di lantai dua.");
        given().baseUri(pair.url(pair.portA)).auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(edited).put("/api/faq/" + id).then().statusCode(200);
        onB = askUntil(pair.portB, question, a -> a.getString("answer").contains("lantai dua"));
        assertEquals(id, onB.getLong("entryId"));
        assertFalse(onB.getBoolean("handedOver"));

        // Switched off on A: B hands the question over.
        edited.put("active", false);
        given().baseUri(pair.url(pair.portA)).auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(edited).put("/api/faq/" + id).then().statusCode(200);
        onB = askUntil(pair.portB, question, a -> a.getBoolean("handedOver"));
        assertNull(onB.get("entryId"), "a switched-off entry answers nothing");
        assertTrue(ask(pair.portA, question).getBoolean("handedOver"), "nor on A");
    }

    @Test
    void aDeletedEntryStopsAnsweringOnBothInstances() throws Exception {
        String staff = pair.adminToken(pair.portB);
        String word = FaqEntries.word();
        String question = "syarat pinjam " + word + " apa aja?";
        long id = given().baseUri(pair.url(pair.portB)).auth().oauth2(staff).contentType(ContentType.JSON)
                .body(entry(word, "Untuk meminjam " + word + ", bawa kartu anggota.")).post("/api/faq")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        for (int port : List.of(pair.portA, pair.portB)) {
            assertEquals(id, askUntil(port, question, a -> !a.getBoolean("handedOver")).getLong("entryId"),
                    "port " + port + " answers with the new entry");
        }

        given().baseUri(pair.url(pair.portA)).auth().oauth2(staff).delete("/api/faq/" + id).then().statusCode(204);
        for (int port : List.of(pair.portA, pair.portB)) {
            JsonPath after = askUntil(port, question, a -> a.getBoolean("handedOver"));
            assertNull(after.get("entryId"), "port " + port + " no longer answers with the deleted entry");
        }
        // And it stays so: the questions asked after the delete were logged as handed over, none with the entry.
        try (Connection db = TwoInstances.database()) {
            assertEquals(0, TwoInstances.count(db, "SELECT count(*) FROM faq_entry WHERE id = ?", id));
        }
        for (int i = 0; i < 5; i++) {
            for (int port : List.of(pair.portA, pair.portB)) {
                assertTrue(ask(port, question).getBoolean("handedOver"), "port " + port + " answered a deleted entry");
            }
        }
    }

    /** FaqEntries' entry about the word (as the single-instance tests use), with this Indonesian answer. */
    private static Map<String, Object> entry(String word, String answerId) {
        Map<String, Object> body = FaqEntries.entry(word);
        body.put("answerId", answerId);
        return body;
    }

    private static JsonPath ask(int port, String question) {
        return given().baseUri(pair.url(port)).contentType(ContentType.JSON)
                .body(Map.of("question", question, "language", "id")).post("/api/assistant/questions")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Asks on this instance until the answer is the expected one, at most {@link #WITHIN}. */
    private static JsonPath askUntil(int port, String question, Predicate<JsonPath> expected) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        JsonPath answer;
        do {
            answer = ask(port, question);
            if (expected.test(answer)) {
                return answer;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("port " + port + " did not answer as expected within " + WITHIN.toSeconds() + " s: "
                + answer.prettify());
    }
}
