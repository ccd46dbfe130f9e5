package id.serambi.survey;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: once a survey has a response, an update that would change what earlier answers mean is a 409 saying why;
 * fixing texts, reordering, and adding optional questions or options at the end go through.
 */
@QuarkusTest
@SuppressWarnings("unchecked")
class SurveyEditRulesTest {

    @Inject
    AgroalDataSource db;

    private String staff;
    private String title;

    /** A published survey with one response (datang tidak, a reason, topik buku, umur 42). */
    private long answered() {
        staff = Staff.token();
        title = "Survei " + UUID.randomUUID();
        long id = SurveyFixtures.create(staff, SurveyFixtures.survey(title));
        given().auth().oauth2(staff).post("/api/surveys/" + id + "/publish").then().statusCode(200);
        Accounts.sql(db, "INSERT INTO survey_response (survey_id, answers) VALUES (?, CAST(? AS jsonb))", id,
                "{\"datang\":\"tidak\",\"alasan\":\"Terlalu jauh\",\"topik\":[\"buku\"],\"puas\":4,\"nps\":9,\"umur\":42}");
        return id;
    }

    private int version(long id) {
        return (int) Accounts.count(db, "SELECT version FROM survey WHERE id = ?", id);
    }

    private io.restassured.response.ValidatableResponse put(long id, Map<String, Object> body) {
        return given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"" + version(id) + "\"").body(body)
                .put("/api/surveys/" + id).then();
    }

    @Test
    void changesThatAlterEarlierAnswersAreRefusedWithTheReason() {
        long id = answered();
        Map<String, Consumer<Map<String, Object>>> refused = new LinkedHashMap<>();
        refused.put("question nama|was removed", s -> SurveyFixtures.questions(s, 1).remove(SurveyFixtures.find(s, "nama")));
        refused.put("question nama|cannot change its type from SHORT_TEXT to LONG_TEXT", s -> SurveyFixtures.find(s, "nama").put("type", "LONG_TEXT"));
        refused.put("question topik|option film was removed", s -> SurveyFixtures.options(s, "topik").remove(1));
        refused.put("question umur|leaves out earlier answers (42..42)", s -> SurveyFixtures.find(s, "umur").put("min", 50));
        refused.put("question umur|the new range 5..40", s -> SurveyFixtures.find(s, "umur").put("max", 40));
        refused.put("question alasan|cannot change its condition", s -> ((Map<String, Object>) SurveyFixtures.find(s, "alasan")
                .get("condition")).put("optionKey", "ya"));
        refused.put("question alasan|cannot change its condition ", s -> SurveyFixtures.find(s, "alasan").put("condition", null));
        refused.put("question nps|cannot change its condition", s -> SurveyFixtures.find(s, "nps").put("condition",
                Map.of("questionKey", "datang", "optionKey", "ya")));
        refused.put("question saran|must be optional", s -> SurveyFixtures.questions(s, 1).add(SurveyFixtures.question("saran", "LONG_TEXT", true)));
        refused.put("question topik|new options go after the existing ones", s -> SurveyFixtures.options(s, "topik")
                .add(0, SurveyFixtures.option("komik")));
        refused.put("access|cannot change from ANONYMOUS to ACCOUNT", s -> s.put("access", "ACCOUNT"));
        for (Map.Entry<String, Consumer<Map<String, Object>>> c : refused.entrySet()) {
            String[] expected = c.getKey().split("\\|");
            Map<String, Object> body = SurveyFixtures.survey(title);
            c.getValue().accept(body);
            int before = version(id);
            assertProblem(put(id, body), 409, "survey-answered")
                    .body("detail", containsString("The survey has 1 response; this change would alter what they mean"))
                    .body("detail", containsString(expected[1].strip()))
                    .body("errors", hasSize(1)).body("errors[0].field", equalTo(expected[0]))
                    .body("errors[0].message", containsString(expected[1].strip()));
            assertEquals(before, version(id), c.getKey());
        }
        String stored = Accounts.text(db, "SELECT sections::text FROM survey WHERE id = ?", id);

        Map<String, Object> both = SurveyFixtures.survey(title);
        SurveyFixtures.questions(both, 1).remove(SurveyFixtures.find(both, "tanggal"));
        SurveyFixtures.options(both, "datang").remove(0);
        SurveyFixtures.options(both, "datang").add(SurveyFixtures.option("mungkin"));
        assertProblem(put(id, both), 409, "survey-answered").body("errors", hasSize(2))
                .body("errors.field", hasItem("question tanggal")).body("errors.field", hasItem("question datang"));
        assertEquals(stored, Accounts.text(db, "SELECT sections::text FROM survey WHERE id = ?", id));
    }

    @Test
    void textsOrderOptionalQuestionsAndNewOptionsAtTheEndMayChange() {
        long id = answered();
        Map<String, Object> body = SurveyFixtures.survey(title);
        body.put("title", SurveyFixtures.text(title + ", diperbaiki", "Fixed"));
        SurveyFixtures.find(body, "datang").put("text", SurveyFixtures.text("Apakah Anda akan datang lagi?", "Will you come again?"));
        ((Map<String, Object>) SurveyFixtures.options(body, "topik").get(0)).put("label", SurveyFixtures.text("Buku cerita", "Story books"));
        SurveyFixtures.options(body, "topik").add(SurveyFixtures.option("komik"));
        List<Map<String, Object>> second = SurveyFixtures.questions(body, 1);
        Map<String, Object> nps = SurveyFixtures.find(body, "nps");
        second.remove(nps);
        second.add(0, nps);
        SurveyFixtures.questions(body, 0).add(SurveyFixtures.question("saran", "LONG_TEXT", false));
        SurveyFixtures.find(body, "umur").put("min", 10);
        SurveyFixtures.find(body, "nama").put("required", true);
        put(id, body).statusCode(200).body("version", equalTo(2)).body("title.en", equalTo("Fixed"))
                .body("sections[0].questions.key", equalTo(List.of("datang", "alasan", "topik", "saran")))
                .body("sections[1].questions.key", equalTo(List.of("nps", "puas", "nama", "tanggal", "umur")))
                .body("sections[0].questions[2].options.key", equalTo(List.of("buku", "film", "musik", "komik")))
                .body("sections[1].questions[4].min", equalTo(10)).body("responses", equalTo(1));

        Map<String, Object> wider = new LinkedHashMap<>(body);
        SurveyFixtures.find(wider, "umur").put("min", null);
        SurveyFixtures.find(wider, "umur").put("max", null);
        wider.put("sections", new ArrayList<>(List.of(((List<Object>) body.get("sections")).get(1), ((List<Object>) body.get("sections")).get(0))));
        put(id, wider).statusCode(200).body("version", equalTo(3)).body("sections[1].questions[0].key", equalTo("datang"))
                .body("sections[0].questions[4].key", equalTo("umur")).body("sections[0].questions[4].max", equalTo(null));

        List<Map<String, Object>> first = SurveyFixtures.questions(wider, 1);
        first.add(0, first.remove(1));
        assertProblem(put(id, wider), 400, "validation").body("errors[0].field", equalTo("sections[1].questions[0].condition.questionKey"));
        assertEquals(3, version(id));
    }

    @Test
    void withoutResponsesAnythingValidGoes() {
        staff = Staff.token();
        title = "Survei " + UUID.randomUUID();
        long id = SurveyFixtures.create(staff, SurveyFixtures.survey(title));
        Map<String, Object> body = SurveyFixtures.survey(title);
        SurveyFixtures.questions(body, 1).remove(SurveyFixtures.find(body, "nama"));
        SurveyFixtures.find(body, "tanggal").put("type", "SHORT_TEXT");
        SurveyFixtures.options(body, "topik").remove(1);
        body.put("access", "MANAGE_LINK");
        put(id, body).statusCode(200).body("version", equalTo(1)).body("access", equalTo("MANAGE_LINK"))
                .body("sections[1].questions.key", equalTo(List.of("puas", "nps", "tanggal", "umur")));
    }
}
