package id.serambi.event.questions;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13, finding 11: a live Q&A question and its display name are shown to the audience. */
@QuarkusTest
class PublicQuestionTextTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aQuestionRefusesPersonalDataAndHiddenCharacters() {
        String staff = Staff.token();
        Map<String, Object> event = EventFixtures.body(EventFixtures.uniqueDay());
        event.put("type", "LIVE_QA");
        event.put("platform", "FACEBOOK_LIVE");
        event.put("capacity", null);
        long id = EventFixtures.published(staff, event);
        String token = EventFixtures.register(id, "Rahmat Hidayat", Accounts.uniqueEmail("tanya")).getString("manageToken");

        Map<String, String> refused = Map.of(
                "Hubungi saya di WA 0812 3456 7890 ya", "text",
                "Saya umur 12, boleh ikut?", "text",
                "Ada\u202Ekah koleksi e-book?", "text");
        refused.forEach((text, field) -> assertProblem(given().header("Accept-Language", "id").contentType(ContentType.JSON)
                .body(Map.of("manageToken", token, "text", text)).post("/api/events/" + id + "/questions").then(),
                400, "validation").body("errors[0].field", equalTo(field)));
        Map<String, Object> named = new HashMap<>(Map.of("manageToken", token, "text", "Apakah ada e-book?",
                "displayName", "Nadia 2011"));
        assertProblem(given().header("Accept-Language", "id").contentType(ContentType.JSON).body(named)
                .post("/api/events/" + id + "/questions").then(), 400, "validation")
                .body("errors[0].field", equalTo("displayName"))
                .body("errors[0].message", equalTo("tidak boleh memuat tahun lahir atau umur: teks ini tampil untuk umum"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM event_question WHERE event_id = ?", id));

        named.put("displayName", "Nadia");
        named.put("text", "Buku terbitan 1998 masih ada di perpustakaan?");
        given().contentType(ContentType.JSON).body(named).post("/api/events/" + id + "/questions").then().statusCode(201);
    }
}
