package id.serambi.assistant.knowledge;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 19: the knowledge base under /api/faq (staff): list, get, create, update with If-Match, delete, validation. */
@QuarkusTest
class FaqApiTest {

    @Inject
    AgroalDataSource db;

    @Test
    void staffAddChangeSwitchOffAndDeleteEntries() {
        String staff = Staff.token();
        String word = FaqEntries.word();
        Map<String, Object> body = FaqEntries.entry(word);
        body.put("live", "HOURS");
        int id = given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/faq").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/faq/"))
                .body("key", equalTo("uji-" + word)).body("version", equalTo(0)).body("active", equalTo(true))
                .body("alternatives", equalTo(List.of("pinjem " + word + " gmn?"))).body("tags", equalTo(List.of(word)))
                .body("links[0].label.en", equalTo("Events")).body("links[0].url", equalTo("/acara")).body("live", equalTo("HOURS"))
                .extract().path("id");
        assertEquals("{" + word + "}", Accounts.text(db, "SELECT tags::text FROM faq_entry WHERE id = ?", (long) id));
        given().auth().oauth2(staff).get("/api/faq/" + id).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("answerEn", equalTo("To borrow a " + word + ", ask at the service desk."));
        given().auth().oauth2(staff).get("/api/faq").then().statusCode(200).body("key", hasItem("uji-" + word));

        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(FaqEntries.entry(word)).post("/api/faq").then(),
                409, "key-taken");

        body.put("active", false);
        body.put("live", null);
        body.put("alternatives", List.of("  " + word + " bisa dipinjam?  ", "boleh pinjam " + word + "?"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).put("/api/faq/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("active", equalTo(false)).body("live", nullValue())
                .body("alternatives", equalTo(List.of(word + " bisa dipinjam?", "boleh pinjam " + word + "?")));
        given().auth().oauth2(staff).get("/api/faq").then().statusCode(200).body("find { it.id == " + id + " }.active", equalTo(false));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/faq/" + id).then(), 412, "stale-version").header("ETag", equalTo("\"1\""));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).put("/api/faq/" + id).then(),
                428, "version-required");

        String other = FaqEntries.word();
        FaqEntries.create(staff, FaqEntries.entry(other));
        Map<String, Object> clash = FaqEntries.entry(word);
        clash.put("key", "uji-" + other);
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(clash)
                .put("/api/faq/" + id).then(), 409, "key-taken");

        given().auth().oauth2(staff).delete("/api/faq/" + id).then().statusCode(204);
        given().auth().oauth2(staff).get("/api/faq").then().statusCode(200).body("id", not(hasItem(id)));
        assertProblem(given().auth().oauth2(staff).delete("/api/faq/" + id).then(), 404, "not-found");
        assertProblem(given().auth().oauth2(staff).get("/api/faq/" + id).then(), 404, "not-found");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body)
                .put("/api/faq/" + id).then(), 404, "not-found");
    }

    @Test
    void badEntriesAre400sNamingTheFieldAndWriteNothing() {
        String staff = Staff.token();
        String word = FaqEntries.word();
        Object[][] cases = {
                { "answerEn", " " }, { "key", "Bukan Kunci" }, { "questionId", null }, { "questionEn", "x".repeat(501) },
                { "alternatives", List.of("") }, { "tags", null }, { "active", null },
                { "links", List.of(Map.of("label", Map.of("id", "Tautan", "en", "Link"), "url", "javascript:alert(1)")) },
                { "links", List.of(Map.of("label", Map.of("id", "", "en", "Link"), "url", "/acara")) } };
        for (Object[] c : cases) {
            Map<String, Object> body = FaqEntries.entry(word);
            body.put((String) c[0], c[1]);
            assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/faq").then(), 400,
                    "validation").body("errors[0].field", org.hamcrest.Matchers.startsWith((String) c[0]));
        }
        Map<String, Object> live = FaqEntries.entry(word);
        live.put("live", "WEATHER");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(live).post("/api/faq").then(), 400, "validation");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM faq_entry WHERE key = ?", "uji-" + word));
    }

    @Test
    void onlyStaffAndAdminsSeeTheKnowledgeBase() {
        given().get("/api/faq").then().statusCode(401);
        String member = Accounts.tokenFor(db, "MEMBER");
        assertProblem(given().auth().oauth2(member).get("/api/faq").then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(member).get("/api/faq/unanswered").then(), 403, "forbidden");
        given().auth().oauth2(Accounts.tokenFor(db, "ADMIN")).get("/api/faq/unanswered").then().statusCode(200);
    }
}
