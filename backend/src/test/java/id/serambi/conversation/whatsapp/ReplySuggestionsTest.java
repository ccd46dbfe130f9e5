package id.serambi.conversation.whatsapp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.assistant.knowledge.FaqEntries;
import id.serambi.support.Accounts;
import id.serambi.support.PlatformStandIns;
import id.serambi.support.Problems;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 19: the inbox's suggested answers for a thread's latest message, from Tanya Perpustakaan's knowledge base. */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class ReplySuggestionsTest {

    @Inject
    AgroalDataSource db;

    private long threadWith(String... messages) {
        String number = WhatsappStandIn.uniqueNumber();
        long at = 1764760800L;
        for (String m : messages) {
            String body = WhatsappStandIn.text(number, "wamid.IN" + System.nanoTime(), m, at++);
            given().contentType(ContentType.JSON).header("X-Hub-Signature-256", WhatsappStandIn.signature(body)).body(body)
                    .post("/api/webhooks/whatsapp").then().statusCode(200);
        }
        return Accounts.count(db, "SELECT id FROM conversation_thread WHERE channel = 'WHATSAPP' AND thread_key = ?", number);
    }

    private static JsonPath suggestions(long thread, String language) {
        return given().auth().oauth2(Staff.token()).queryParam("language", language)
                .get("/api/conversations/" + thread + "/suggestions").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theBestEntriesForTheLatestMessageComeFirstInTheLanguageAsked() throws Exception {
        String word = FaqEntries.word();
        int borrow = FaqEntries.create(Staff.token(), FaqEntries.entry(word));
        Map<String, Object> fine = FaqEntries.entry(word);
        fine.put("key", "uji-denda-" + word);
        fine.put("questionId", "Berapa denda terlambat mengembalikan " + word + "?");
        fine.put("questionEn", "What is the fine for returning a " + word + " late?");
        fine.put("alternatives", List.of());
        fine.put("answerId", "Dendanya Rp500 per hari untuk " + word + ".");
        fine.put("answerEn", "The fine is Rp500 a day for a " + word + ".");
        int late = FaqEntries.create(Staff.token(), fine);
        FaqEntries.askUntil("Berapa denda terlambat mengembalikan " + word + "?", "id", a -> Integer.valueOf(late).equals(a.get("entryId")));
        FaqEntries.askUntil("Bagaimana cara meminjam " + word + " di perpustakaan?", "id", a -> Integer.valueOf(borrow).equals(a.get("entryId")));

        // The latest inbound message is the one suggestions answer.
        long thread = threadWith("denda " + word + " berapa ya?", "pinjem " + word + " gmn?");
        JsonPath id = suggestions(thread, "id");
        List<Map<String, Object>> found = id.getList("$");
        assertTrue(found.size() >= 2 && found.size() <= 3, id.prettify());
        assertEquals(borrow, id.getInt("[0].entryId"));
        assertEquals("Bagaimana cara meminjam " + word + " di perpustakaan?", id.getString("[0].question"));
        assertEquals("Untuk meminjam " + word + ", tanyakan di meja layanan.", id.getString("[0].answer"));
        // The entry sharing only the rare word follows; other tests' entries that share "pinjem" and "gmn" may come between.
        assertTrue(id.getList("entryId").contains(late), id.prettify());
        for (int i = 1; i < found.size(); i++) {
            assertTrue(id.getDouble("[" + (i - 1) + "].confidence") >= id.getDouble("[" + i + "].confidence"), id.prettify());
        }
        assertTrue(id.getDouble("[0].confidence") > id.getDouble("[" + id.getList("entryId").indexOf(late) + "].confidence"),
                id.prettify());

        JsonPath en = suggestions(thread, "en");
        assertEquals(borrow, en.getInt("[0].entryId"));
        assertEquals("How do I borrow a " + word + " at the library?", en.getString("[0].question"));
        assertEquals("To borrow a " + word + ", ask at the service desk.", en.getString("[0].answer"));
        // The default language is Bahasa Indonesia.
        given().auth().oauth2(Staff.token()).get("/api/conversations/" + thread + "/suggestions").then().statusCode(200)
                .body("[0].question", equalTo("Bagaimana cara meminjam " + word + " di perpustakaan?"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM assistant_question WHERE question = ?", "pinjem " + word + " gmn?"),
                "staff reading suggestions is not a question asked");
    }

    @Test
    void nothingMatchesNoThreadOrNotStaff() {
        long thread = threadWith(FaqEntries.word() + " " + FaqEntries.word());
        assertEquals(0, suggestions(thread, "id").getList("$").size());
        Problems.assertProblem(given().auth().oauth2(Staff.token()).get("/api/conversations/987654321/suggestions").then(),
                404, "not-found");
        Problems.assertProblem(given().auth().oauth2(Staff.token()).queryParam("language", "fr")
                .get("/api/conversations/" + thread + "/suggestions").then(), 400, "validation");
        Problems.assertProblem(given().auth().oauth2(Accounts.tokenFor(db, "MEMBER"))
                .get("/api/conversations/" + thread + "/suggestions").then(), 403, "forbidden");
        given().get("/api/conversations/" + thread + "/suggestions").then().statusCode(401);
    }
}
