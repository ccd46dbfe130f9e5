package id.serambi.assistant.knowledge;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import id.serambi.support.Accounts;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/** FAQ entries for a test: each about a made-up word of its own, so that only it can answer questions with that word. */
public final class FaqEntries {

    private FaqEntries() {
    }

    /** A word no other entry uses: lower-case letters only, as the analyser keeps them. */
    public static String word() {
        StringBuilder w = new StringBuilder("zu");
        for (int i = 0; i < 8; i++) {
            w.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return w.toString();
    }

    /** An active entry about the word, with a link, as the request body. */
    public static Map<String, Object> entry(String word) {
        Map<String, Object> body = new HashMap<>();
        body.put("key", "uji-" + word);
        body.put("questionId", "Bagaimana cara meminjam " + word + " di perpustakaan?");
        body.put("questionEn", "How do I borrow a " + word + " at the library?");
        body.put("alternatives", new ArrayList<>(List.of("pinjem " + word + " gmn?")));
        body.put("answerId", "Untuk meminjam " + word + ", tanyakan di meja layanan.");
        body.put("answerEn", "To borrow a " + word + ", ask at the service desk.");
        body.put("links", List.of(Map.of("label", Map.of("id", "Daftar acara", "en", "Events"), "url", "/acara")));
        body.put("tags", List.of(word));
        body.put("live", null);
        body.put("active", true);
        return body;
    }

    /** Creates it as staff; its id. */
    public static int create(String staff, Map<String, Object> body) {
        return given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/faq")
                .then().statusCode(201).extract().path("id");
    }

    /** Asks the assistant from an address of its own (so the rate limit never counts a test's questions together). */
    public static JsonPath ask(String question, String language) {
        Map<String, Object> body = new HashMap<>();
        body.put("question", question);
        body.put("language", language);
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", Accounts.randomIp()).body(body)
                .post("/api/assistant/questions").then().statusCode(200).extract().jsonPath();
    }

    /** Asks until the answer is what the index, rebuilt in the background, should give (at most 10 seconds). */
    public static JsonPath askUntil(String question, String language, Predicate<JsonPath> expected) throws InterruptedException {
        JsonPath answer = null;
        for (long until = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < until; Thread.sleep(100)) {
            answer = ask(question, language);
            if (expected.test(answer)) {
                return answer;
            }
        }
        fail("never answered as expected: " + answer.prettify());
        return answer;
    }
}
