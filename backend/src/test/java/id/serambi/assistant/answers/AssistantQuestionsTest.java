package id.serambi.assistant.answers;

import static id.serambi.assistant.knowledge.FaqEntries.ask;
import static id.serambi.assistant.knowledge.FaqEntries.askUntil;
import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.assistant.knowledge.FaqEntries;
import id.serambi.common.SerambiConfig;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: POST /api/assistant/questions answers from the active entries as soon as the index is rebuilt (NOTIFY at
 * commit), hands everything else over, logs every question, and fills the library's placeholders.
 */
@QuarkusTest
class AssistantQuestionsTest {

    @Inject
    AgroalDataSource db;

    @Inject
    SerambiConfig config;

    private static Predicate<JsonPath> answeredBy(int id) {
        return a -> !a.getBoolean("handedOver") && Integer.valueOf(id).equals(a.get("entryId"));
    }

    private static final Predicate<JsonPath> HANDED_OVER = a -> a.getBoolean("handedOver");

    @Test
    void aNewEntryAnswersInTheAskedLanguageAndStopsWhenSwitchedOffOrDeleted() throws Exception {
        String staff = Staff.token();
        String word = FaqEntries.word();
        String question = "Bagaimana cara meminjam " + word + " di perpustakaan?";
        Map<String, Object> body = FaqEntries.entry(word);
        int id = FaqEntries.create(staff, body);

        JsonPath id1 = askUntil(question, "id", answeredBy(id));
        assertEquals("Untuk meminjam " + word + ", tanyakan di meja layanan.", id1.getString("answer"));
        assertTrue(id1.getDouble("confidence") >= 0.55, "confidence " + id1.getDouble("confidence"));
        assertEquals(List.of(Map.of("label", "Daftar acara", "url", "/acara")), id1.getList("links"));
        JsonPath en = ask("pinjem " + word + " gmn?", "en");
        assertEquals(id, en.getInt("entryId"));
        assertEquals("To borrow a " + word + ", ask at the service desk.", en.getString("answer"));
        assertEquals("Events", en.getString("links[0].label"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM assistant_question WHERE question = ? AND language = 'en' "
                + "AND entry_id = ? AND NOT handed_over AND confidence >= 0.55", "pinjem " + word + " gmn?", (long) id));

        body.put("active", false);
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).put("/api/faq/" + id)
                .then().statusCode(200);
        JsonPath off = askUntil(question, "id", HANDED_OVER);
        assertEquals(AssistantService.HANDED_OVER_ID, off.getString("answer"));
        assertNull(off.get("entryId"));
        assertEquals(List.of(), off.getList("links"));

        body.put("active", true);
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body).put("/api/faq/" + id)
                .then().statusCode(200);
        askUntil(question, "id", answeredBy(id));
        long logged = Accounts.count(db, "SELECT count(*) FROM assistant_question WHERE entry_id = ?", (long) id);
        assertTrue(logged >= 3, "questions logged with the entry: " + logged);

        given().auth().oauth2(staff).delete("/api/faq/" + id).then().statusCode(204);
        askUntil(question, "id", HANDED_OVER);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM assistant_question WHERE entry_id = ?", (long) id));
        assertTrue(Accounts.count(db, "SELECT count(*) FROM assistant_question WHERE question = ? AND entry_id IS NULL "
                + "AND NOT handed_over", question) >= 2, "the answered questions stay logged without their entry");
    }

    @Test
    void anEntryAnotherInstanceWroteAnswersOnceItsNotifyArrives() throws Exception {
        String word = FaqEntries.word();
        String question = "Bagaimana cara meminjam " + word + " di perpustakaan?";
        // Another instance's write: the row and the NOTIFY in one transaction, not through this instance's API.
        long id = Accounts.count(db, "WITH e AS (INSERT INTO faq_entry (key, question_id, question_en, answer_id, answer_en) "
                + "VALUES (?, ?, 'How?', 'Dari instans lain.', 'From another instance.') RETURNING id), "
                + "n AS (SELECT pg_notify('faq_changed', '') FROM e) SELECT e.id FROM e, n", "lain-" + word, question);
        JsonPath a = askUntil(question, "id", answeredBy((int) id));
        assertEquals("Dari instans lain.", a.getString("answer"));
    }

    @Test
    void anOffTopicQuestionIsHandedOverAndListedForStaffWithItsCount() {
        String word = FaqEntries.word();
        String question = "Siapa pemenang piala dunia tahun " + word + "?";
        JsonPath first = ask(question, "id");
        assertTrue(first.getBoolean("handedOver"));
        assertEquals(AssistantService.HANDED_OVER_ID, first.getString("answer"));
        assertTrue(first.getDouble("confidence") < 0.55);
        JsonPath english = ask("  " + question.toUpperCase() + " ", "en");
        assertEquals(AssistantService.HANDED_OVER_EN, english.getString("answer"));
        ask("Apakah besok " + word + " akan hujan?", null);

        List<Map<String, Object>> unanswered = given().auth().oauth2(Staff.token()).get("/api/faq/unanswered").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertEquals("Apakah besok " + word + " akan hujan?", unanswered.get(0).get("question"), "newest first");
        Map<String, Object> twice = unanswered.stream().filter(u -> ((String) u.get("question")).equalsIgnoreCase(question))
                .findFirst().orElseThrow();
        assertEquals(2, twice.get("count"));
        assertNotNull(twice.get("lastAskedAt"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM assistant_question WHERE question = ? AND language = 'id' "
                + "AND handed_over AND entry_id IS NULL", "Apakah besok " + word + " akan hujan?"));
    }

    @Test
    void theLibrarysHoursAddressAndContactsFillThePlaceholders() throws Exception {
        String word = FaqEntries.word();
        Map<String, Object> body = FaqEntries.entry(word);
        body.put("answerId", "Buka {jam_buka}, di {alamat}. Telepon {telepon}, WhatsApp {whatsapp}, surel {email}.");
        body.put("answerEn", "Open {jam_buka} at {alamat}.");
        int id = FaqEntries.create(Staff.token(), body);
        SerambiConfig.Library library = config.library();
        JsonPath a = askUntil("Bagaimana cara meminjam " + word + " di perpustakaan?", "id", answeredBy(id));
        assertEquals("Buka " + library.hours() + ", di " + library.address() + ". Telepon " + library.phone() + ", WhatsApp "
                + library.whatsapp() + ", surel " + library.email() + ".", a.getString("answer"));
        assertTrue(library.address().contains("Banjarbaru"));
        assertEquals("Open " + library.hours() + " at " + library.address() + ".",
                ask("How do I borrow a " + word + " at the library?", "en").getString("answer"));
    }

    @Test
    void badQuestionsAre400sAndAreNotLogged() {
        String word = FaqEntries.word();
        Object[][] cases = { { "question", " " }, { "question", null }, { "question", word + "x".repeat(500) },
                { "language", "fr" } };
        for (Object[] c : cases) {
            Map<String, Object> body = new HashMap<>(Map.of("question", "Kapan " + word + " buka?", "language", "id"));
            body.put((String) c[0], c[1]);
            assertProblem(given().contentType(ContentType.JSON).body(body).post("/api/assistant/questions").then(), 400,
                    "validation").body("errors[0].field", equalTo(c[0]));
        }
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM assistant_question WHERE question LIKE ?", "%" + word + "%"));
    }
}
