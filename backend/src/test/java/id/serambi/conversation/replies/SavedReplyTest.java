package id.serambi.conversation.replies;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 18: saved replies in Bahasa Indonesia and English, and their placeholders filled for a thread. */
@QuarkusTest
class SavedReplyTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Conversations conversations;

    static Map<String, Object> reply(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("bodyId", "Halo {nama}, pendaftaran {acara} ada di {tautan}. Sampai jumpa!");
        body.put("bodyEn", "Hi {nama}, you can register for {acara} at {tautan}. See you there!");
        return body;
    }

    @Test
    void staffSaveChangeAndDeleteReplies() {
        String staff = Staff.token();
        String title = "Cara mendaftar " + UUID.randomUUID();
        int id = given().auth().oauth2(staff).contentType(ContentType.JSON).body(reply(title)).post("/api/conversations/saved-replies")
                .then().statusCode(201).body("title", equalTo(title)).body("version", equalTo(0))
                .extract().path("id");
        given().auth().oauth2(staff).get("/api/conversations/saved-replies/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("bodyEn", equalTo("Hi {nama}, you can register for {acara} at {tautan}. See you there!"));
        given().auth().oauth2(staff).get("/api/conversations/saved-replies").then().statusCode(200).body("title", hasItem(title));

        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(reply(title.toUpperCase()))
                .post("/api/conversations/saved-replies").then(), 409, "title-taken");

        Map<String, Object> changed = reply(title + " (baru)");
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed)
                .put("/api/conversations/saved-replies/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("title", equalTo(title + " (baru)"));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(reply("Lain"))
                .put("/api/conversations/saved-replies/" + id).then(), 412, "stale-version");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(reply("Lain"))
                .put("/api/conversations/saved-replies/" + id).then(), 428, "version-required");
        Map<String, Object> blank = reply("Kosong");
        blank.put("bodyEn", " ");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(blank).post("/api/conversations/saved-replies")
                .then(), 400, "validation").body("errors[0].field", equalTo("bodyEn"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM conversation_saved_reply WHERE title = 'Kosong'"));

        given().auth().oauth2(staff).delete("/api/conversations/saved-replies/" + id).then().statusCode(204);
        given().auth().oauth2(staff).get("/api/conversations/saved-replies").then().statusCode(200).body("id", not(hasItem(id)));
        assertProblem(given().auth().oauth2(staff).delete("/api/conversations/saved-replies/" + id).then(), 404, "not-found");
        assertProblem(given().auth().oauth2(staff).get("/api/conversations/saved-replies/" + id).then(), 404, "not-found");
    }

    @Test
    void placeholdersAreFilledForTheThread() throws Throwable {
        String staff = Staff.token();
        String key = UUID.randomUUID().toString();
        long thread = VertxContextSupport.subscribeAndAwait(() -> conversations.ingest(new InboundMessage(ConversationChannel.WEB,
                ConversationKind.DIRECT, key, "w-" + key, "library", key, "Siti Rahma", "Halo", Instant.now(), null))).threadId();
        int id = given().auth().oauth2(staff).contentType(ContentType.JSON).body(reply("Isi " + key))
                .post("/api/conversations/saved-replies").then().statusCode(201).extract().path("id");
        String fill = "/api/conversations/" + thread + "/saved-replies/" + id + "/fill";

        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("language", "id", "acara", "Bedah Buku: Laskar Pelangi", "tautan", "https://serambi.example/acara/12"))
                .post(fill).then().statusCode(200)
                .body("text", equalTo("Halo Siti Rahma, pendaftaran Bedah Buku: Laskar Pelangi ada di https://serambi.example/acara/12. Sampai jumpa!"));
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("language", "en", "acara", "Book Talk", "tautan", "https://serambi.example/acara/12"))
                .post(fill).then().statusCode(200)
                .body("text", equalTo("Hi Siti Rahma, you can register for Book Talk at https://serambi.example/acara/12. See you there!"));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("language", "id", "acara", "Bedah Buku"))
                .post(fill).then(), 400, "validation").body("errors[0].field", equalTo("tautan"));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("language", "jv"))
                .post(fill).then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("language", "id", "acara", "A", "tautan", "javascript:alert(1)")).post(fill).then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("language", "id"))
                .post("/api/conversations/999999999/saved-replies/" + id + "/fill").then(), 404, "not-found");
    }
}
