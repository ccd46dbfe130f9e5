package id.serambi.survey;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Issue 20: staff build surveys under /api/surveys: create, get, list, update with If-Match, publish, close, duplicate, delete. */
@QuarkusTest
@SuppressWarnings("unchecked")
class SurveyBuilderTest {

    @Inject
    AgroalDataSource db;

    private static String title() {
        return "Survei " + UUID.randomUUID();
    }

    @Test
    void staffCreateChangePublishCloseDuplicateAndDelete() {
        String staff = Staff.token();
        String title = title();
        int id = given().auth().oauth2(staff).contentType(ContentType.JSON).body(SurveyFixtures.survey(title)).post("/api/surveys")
                .then().statusCode(201).header("Location", containsString("/surveys/")).header("ETag", equalTo("\"0\""))
                .body("status", equalTo("DRAFT")).body("version", equalTo(0)).body("responses", equalTo(0))
                .body("title.id", equalTo(title)).body("access", equalTo("ANONYMOUS"))
                .body("sections[0].title.en", equalTo("About the event")).body("sections[1].title", nullValue())
                .body("sections[0].questions.key", equalTo(List.of("datang", "alasan", "topik")))
                .body("sections[0].questions[1].condition.optionKey", equalTo("tidak"))
                .body("sections[1].questions[4].min", equalTo(5)).body("sections[1].questions[4].max", equalTo(99))
                .extract().path("id");
        assertEquals("DRAFT", Accounts.text(db, "SELECT status FROM survey WHERE id = ?", (long) id));
        assertEquals(8, Accounts.count(db, "SELECT count(*) FROM survey s, jsonb_array_elements(s.sections) sec, "
                + "jsonb_array_elements(sec -> 'questions') q WHERE s.id = ?", (long) id));
        given().auth().oauth2(staff).get("/api/surveys/" + id).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("sections[1].questions.type", equalTo(List.of("SCALE_5", "NPS", "SHORT_TEXT", "DATE", "NUMBER")));

        Map<String, Object> changed = SurveyFixtures.survey(title);
        changed.put("title", SurveyFixtures.text(title + " baru", "New"));
        changed.put("access", "ACCOUNT");
        changed.put("onePerPerson", true);
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed).put("/api/surveys/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("title.id", equalTo(title + " baru"))
                .body("access", equalTo("ACCOUNT")).body("onePerPerson", equalTo(true));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed)
                .put("/api/surveys/" + id).then(), 412, "stale-version").header("ETag", equalTo("\"1\""));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(changed).put("/api/surveys/" + id).then(),
                428, "version-required");

        assertProblem(given().auth().oauth2(staff).post("/api/surveys/" + id + "/close").then(), 409, "survey-not-published");
        given().auth().oauth2(staff).post("/api/surveys/" + id + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .header("ETag", equalTo("\"2\""));
        given().auth().oauth2(staff).post("/api/surveys/" + id + "/publish").then().statusCode(200).header("ETag", equalTo("\"2\""));
        given().auth().oauth2(staff).post("/api/surveys/" + id + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));
        assertEquals("CLOSED", Accounts.text(db, "SELECT status FROM survey WHERE id = ?", (long) id));

        int copy = given().auth().oauth2(staff).post("/api/surveys/" + id + "/duplicate").then().statusCode(201)
                .header("Location", containsString("/surveys/")).body("status", equalTo("DRAFT")).body("version", equalTo(0))
                .body("title.id", equalTo(title + " baru (salinan)")).body("title.en", equalTo("New (copy)"))
                .body("access", equalTo("ACCOUNT")).body("sections[0].questions[1].condition.questionKey", equalTo("datang"))
                .extract().path("id");
        assertEquals(Accounts.text(db, "SELECT sections::text FROM survey WHERE id = ?", (long) id),
                Accounts.text(db, "SELECT sections::text FROM survey WHERE id = ?", (long) copy));

        Accounts.sql(db, "INSERT INTO survey_response (survey_id, answers) VALUES (?, '{\"datang\":\"ya\"}'::jsonb)", (long) id);
        assertProblem(given().auth().oauth2(staff).delete("/api/surveys/" + id).then(), 409, "survey-has-responses");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM survey WHERE id = ?", (long) id));
        given().auth().oauth2(staff).delete("/api/surveys/" + copy).then().statusCode(204);
        assertProblem(given().auth().oauth2(staff).get("/api/surveys/" + copy).then(), 404, "not-found");
        assertProblem(given().auth().oauth2(staff).delete("/api/surveys/" + copy).then(), 404, "not-found");
        assertProblem(given().auth().oauth2(staff).post("/api/surveys/" + copy + "/publish").then(), 404, "not-found");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed)
                .put("/api/surveys/" + copy).then(), 404, "not-found");
    }

    @Test
    void theListIsPagedInAStableOrderWithTheSizeClamped() {
        String staff = Staff.token();
        long a = SurveyFixtures.create(staff, SurveyFixtures.survey(title()));
        long b = SurveyFixtures.create(staff, SurveyFixtures.survey(title()));
        SurveyFixtures.create(staff, SurveyFixtures.survey(title()));
        given().auth().oauth2(staff).get("/api/surveys?size=100").then().statusCode(200).body("size", equalTo(100))
                .body("items.id", hasItem((int) a)).body("items.id", hasItem((int) b));
        given().auth().oauth2(staff).get("/api/surveys?size=1000").then().statusCode(200).body("size", equalTo(100));
        given().auth().oauth2(staff).get("/api/surveys?size=0").then().statusCode(200).body("size", equalTo(1))
                .body("items.size()", equalTo(1));
        List<Integer> first = given().auth().oauth2(staff).get("/api/surveys?size=3").then().statusCode(200).extract().path("items.id");
        List<Integer> again = given().auth().oauth2(staff).get("/api/surveys?size=3").then().statusCode(200).extract().path("items.id");
        assertEquals(first, again);
        List<Integer> next = given().auth().oauth2(staff).get("/api/surveys?page=1&size=2").then().statusCode(200).extract().path("items.id");
        assertEquals(first.get(2), next.get(0));
        long total = Accounts.count(db, "SELECT count(*) FROM survey");
        given().auth().oauth2(staff).get("/api/surveys").then().statusCode(200).body("total", equalTo((int) total));
        assertProblem(given().auth().oauth2(staff).get("/api/surveys?page=x").then(), 400, "validation");
    }

    @Test
    void badSurveysAre400sNamingTheFieldAndWriteNothing() {
        String staff = Staff.token();
        Map<String, Consumer<Map<String, Object>>> cases = new LinkedHashMap<>();
        cases.put("title.id", s -> s.put("title", SurveyFixtures.text(" ", "Title")));
        cases.put("title.en", s -> s.put("title", SurveyFixtures.text("Judul", "x".repeat(501))));
        cases.put("introduction", s -> s.put("introduction", null));
        cases.put("access", s -> s.put("access", null));
        cases.put("onePerPerson", s -> s.put("onePerPerson", null));
        cases.put("sections", s -> s.put("sections", List.of()));
        cases.put("sections[0].questions[0].key", s -> SurveyFixtures.find(s, "datang").put("key", "Bukan Kunci"));
        cases.put("sections[0].questions[0].text.en", s -> SurveyFixtures.find(s, "datang").put("text", SurveyFixtures.text("Datang?", "")));
        cases.put("sections[0].questions[0].type", s -> SurveyFixtures.find(s, "datang").put("type", null));
        cases.put("sections[1].questions[0].required", s -> SurveyFixtures.find(s, "puas").put("required", null));
        cases.put("sections[0].questions[2].key", s -> SurveyFixtures.find(s, "topik").put("key", "datang"));
        cases.put("sections[0].questions[0].options", s -> SurveyFixtures.options(s, "datang").remove(1));
        cases.put("sections[0].questions[2].options[1].key", s -> ((Map<String, Object>) SurveyFixtures.options(s, "topik").get(1)).put("key", "buku"));
        cases.put("sections[0].questions[2].options[0].label.id", s -> ((Map<String, Object>) SurveyFixtures.options(s, "topik").get(0))
                .put("label", SurveyFixtures.text("", "Books")));
        cases.put("sections[1].questions[0].options", s -> SurveyFixtures.find(s, "puas").put("options", List.of(SurveyFixtures.option("a"),
                SurveyFixtures.option("b"))));
        cases.put("sections[1].questions[4].min", s -> SurveyFixtures.find(s, "umur").put("min", 100));
        cases.put("sections[1].questions[1].max", s -> SurveyFixtures.find(s, "nps").put("max", 10));
        cases.put("sections[0].questions[1].condition.optionKey", s -> ((Map<String, Object>) SurveyFixtures.find(s, "alasan")
                .get("condition")).put("optionKey", "mungkin"));
        cases.put("sections[0].questions[1].condition.questionKey", s -> ((Map<String, Object>) SurveyFixtures.find(s, "alasan")
                .get("condition")).put("questionKey", "topik-lain"));
        cases.put("sections[0].questions[0].condition.questionKey", s -> SurveyFixtures.find(s, "datang").put("condition",
                Map.of("questionKey", "topik", "optionKey", "buku")));
        cases.put("sections[1].questions[2].condition.questionKey", s -> SurveyFixtures.find(s, "nama").put("condition",
                Map.of("questionKey", "puas", "optionKey", "5")));
        for (Map.Entry<String, Consumer<Map<String, Object>>> c : cases.entrySet()) {
            String title = title();
            Map<String, Object> body = SurveyFixtures.survey(title);
            c.getValue().accept(body);
            assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/surveys").then(), 400,
                    "validation").body("errors[0].field", equalTo(c.getKey()));
            assertEquals(0, Accounts.count(db, "SELECT count(*) FROM survey WHERE title_id = ?", title), c.getKey());
        }
        long id = SurveyFixtures.create(staff, SurveyFixtures.survey(title()));
        Map<String, Object> bad = SurveyFixtures.survey(title());
        SurveyFixtures.find(bad, "umur").put("min", 100);
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(bad)
                .put("/api/surveys/" + id).then(), 400, "validation").body("errors[0].field", equalTo("sections[1].questions[4].min"));
        assertEquals(0, Accounts.count(db, "SELECT version FROM survey WHERE id = ?", id));
    }

    @Test
    void onlyStaffBuildSurveys() {
        String member = Accounts.tokenFor(db, "MEMBER");
        assertProblem(given().auth().oauth2(member).get("/api/surveys").then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(member).contentType(ContentType.JSON).body(SurveyFixtures.survey(title()))
                .post("/api/surveys").then(), 403, "forbidden");
        given().get("/api/surveys").then().statusCode(401);
    }
}
