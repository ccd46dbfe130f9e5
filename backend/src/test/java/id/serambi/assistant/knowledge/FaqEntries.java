package id.serambi.assistant.knowledge;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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
}
