package id.serambi.survey.results;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.challenge.ChallengeFixtures;
import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import id.serambi.support.Xlsx;
import id.serambi.survey.SurveyFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, results: the figures of every question type against responses inserted with SQL (hand-computed), every
 * filter, the text answers' search and paging, the exports, and who may see them.
 *
 * <p>The five responses of {@link #seed()} (survey of SurveyFixtures.survey):
 * <pre>
 *  R1 2026-11-10 event E ADULT  datang ya,    topik [buku, film], puas 5, nps 10, nama Budi, tanggal 2026-11-03, umur 10
 *  R2 2026-11-11 event E TEEN   datang tidak, alasan "Ruangannya terlalu PANAS", topik [buku], puas 3, nps 6, tanggal 2026-11-20, umur 20
 *  R3 2026-11-12 -       ADULT  datang tidak, alasan "=HYPERLINK(...)", puas 4, nps 9, tanggal 2026-12-01, umur 30
 *  R4 2026-11-13 -       -      datang ya,    topik [musik], puas 2, nps 0, nama "" (blank: not an answer)
 *  R5 2026-11-14 event E CHILD  datang tidak, alasan "panas sekali", puas 5, nps 8, umur 41
 * </pre>
 */
@QuarkusTest
class SurveyResultsTest {

    static final String FORMULA = "=HYPERLINK(\"http://jahat.example\",\"klik\")";

    @Inject
    AgroalDataSource db;

    String staff;
    long survey;
    long event;
    String eventTitle;

    @BeforeEach
    void seed() {
        staff = Staff.token();
        survey = SurveyFixtures.create(staff, SurveyFixtures.survey("Survei hasil " + UUID.randomUUID()));
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        eventTitle = (String) body.get("title");
        event = EventFixtures.create(staff, body);
        insert(survey, "2026-11-10", event, null, null, "ADULT", null, """
                {"datang":"ya","topik":["buku","film"],"puas":5,"nps":10,"nama":"Budi","tanggal":"2026-11-03","umur":10}""");
        insert(survey, "2026-11-11", event, null, null, "TEEN", null, """
                {"datang":"tidak","alasan":"Ruangannya terlalu PANAS","topik":["buku"],"puas":3,"nps":6,"tanggal":"2026-11-20","umur":20}""");
        insert(survey, "2026-11-12", null, null, null, "ADULT", null, "{\"datang\":\"tidak\",\"alasan\":"
                + quoted(FORMULA) + ",\"puas\":4,\"nps\":9,\"tanggal\":\"2026-12-01\",\"umur\":30}");
        insert(survey, "2026-11-13", null, null, null, null, null, """
                {"datang":"ya","topik":["musik"],"puas":2,"nps":0,"nama":""}""");
        insert(survey, "2026-11-14", event, null, null, "CHILD", null, """
                {"datang":"tidak","alasan":"panas sekali","puas":5,"nps":8,"umur":41}""");
    }

    /** What answering (brief A) stores, inserted directly until it lands. */
    void insert(long surveyId, String day, Long eventId, Long challengeId, String phase, String ageGroup, Long accountId,
            String answers) {
        Accounts.sql(db, "INSERT INTO survey_response (survey_id, submitted_on, event_id, challenge_id, phase, age_group, account_id, "
                + "answers) VALUES (?, ?::date, ?, ?, ?, ?, ?, ?::jsonb)", surveyId, day, eventId, challengeId, phase, ageGroup,
                accountId, answers.strip());
    }

    static String quoted(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }

    JsonPath results(String query) {
        return given().auth().oauth2(staff).get("/api/surveys/" + survey + "/results" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    static Map<String, Object> question(JsonPath results, String key) {
        return results.getMap("questions.find { it.key == '" + key + "' }");
    }

    @Test
    void everyQuestionTypeIsCountedAsByHand() {
        JsonPath r = results("");
        assertEquals(5, r.getInt("responses"));
        assertEquals(List.of("datang", "alasan", "topik", "puas", "nps", "nama", "tanggal", "umur"), r.getList("questions.key"));
        // Single choice: 2 ya, 3 tidak of 5.
        assertEquals(5, r.getInt("questions[0].shown"));
        assertEquals(5, r.getInt("questions[0].answered"));
        assertEquals(List.of("ya", "tidak"), r.getList("questions[0].options.key"));
        assertEquals(List.of(2, 3), r.getList("questions[0].options.count"));
        assertEquals(0.4, r.getDouble("questions[0].options[0].share"), 1e-6);
        assertEquals("Pilihan ya", r.getString("questions[0].options[0].label.id"));
        // Conditional: shown only to the 3 who said tidak; all 3 answered.
        assertEquals(3, r.getInt("questions[1].shown"));
        assertEquals(3, r.getInt("questions[1].answered"));
        assertEquals("datang", r.getString("questions[1].condition.questionKey"));
        assertEquals((Object) null, r.get("questions[1].options"));
        // Multiple choice: 3 answered; buku 2 of 3, film 1, musik 1.
        assertEquals(5, r.getInt("questions[2].shown"));
        assertEquals(3, r.getInt("questions[2].answered"));
        assertEquals(List.of(2, 1, 1), r.getList("questions[2].options.count"));
        assertEquals(2.0 / 3, r.getDouble("questions[2].options[0].share"), 1e-6);
        // Scale: 2,3,4,5,5 → distribution 0,1,1,1,2 and mean 3.8.
        assertEquals(List.of(1, 2, 3, 4, 5), r.getList("questions[3].distribution.value"));
        assertEquals(List.of(0, 1, 1, 1, 2), r.getList("questions[3].distribution.count"));
        assertEquals(3.8, r.getDouble("questions[3].mean"), 1e-6);
        assertEquals((Object) null, r.get("questions[3].nps"));
        // NPS: 10, 6, 9, 0, 8 → promoters 2, passives 1, detractors 2, score 0; mean 6.6.
        assertEquals(11, r.getList("questions[4].distribution").size());
        assertEquals(List.of(1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1), r.getList("questions[4].distribution.count"));
        assertEquals(2, r.getInt("questions[4].nps.promoters"));
        assertEquals(1, r.getInt("questions[4].nps.passives"));
        assertEquals(2, r.getInt("questions[4].nps.detractors"));
        assertEquals(0.0, r.getDouble("questions[4].nps.score"), 1e-6);
        assertEquals(6.6, r.getDouble("questions[4].mean"), 1e-6);
        // Short text: the blank answer is no answer; no text in the figures.
        assertEquals(1, r.getInt("questions[5].answered"));
        assertFalse(r.prettify().contains("Budi"), "texts are listed by the texts endpoint only");
        // Date: 2 in November, 1 in December.
        assertEquals(List.of("2026-11", "2026-12"), r.getList("questions[6].months.month"));
        assertEquals(List.of(2, 1), r.getList("questions[6].months.count"));
        // Number: 10, 20, 30, 41.
        assertEquals(4, r.getInt("questions[7].answered"));
        assertEquals(10.0, r.getDouble("questions[7].number.min"), 1e-6);
        assertEquals(25.0, r.getDouble("questions[7].number.median"), 1e-6);
        assertEquals(25.25, r.getDouble("questions[7].number.mean"), 1e-6);
        assertEquals(41.0, r.getDouble("questions[7].number.max"), 1e-6);
    }

    @Test
    void npsScoreFollowsPromotersMinusDetractors() {
        long other = SurveyFixtures.create(staff, SurveyFixtures.survey("Survei NPS " + UUID.randomUUID()));
        for (int v : new int[] { 10, 9, 9, 8, 7, 3 }) {
            insert(other, "2026-11-01", null, null, null, null, null, "{\"datang\":\"ya\",\"puas\":4,\"nps\":" + v + "}");
        }
        // 3 promoters, 2 passives, 1 detractor of 6: (3 − 1) ÷ 6 × 100 = 33.3.
        JsonPath r = given().auth().oauth2(staff).get("/api/surveys/" + other + "/results").then().statusCode(200)
                .body("questions[4].nps.promoters", equalTo(3)).body("questions[4].nps.passives", equalTo(2))
                .body("questions[4].nps.detractors", equalTo(1))
                .body("questions[1].shown", equalTo(0)).body("questions[1].answered", equalTo(0))
                .body("questions[7].number", nullValue()).body("questions[6].months.size()", equalTo(0))
                .body("questions[2].options[0].share", nullValue()).extract().jsonPath();
        assertEquals(33.3, r.getDouble("questions[4].nps.score"), 1e-6);
    }

    @Test
    void answersOfTheWrongShapeAreLeftOutOfTheFiguresNotA500() {
        long odd = SurveyFixtures.create(staff, SurveyFixtures.survey("Survei aneh " + UUID.randomUUID()));
        // What a later edit or a buggy client could leave behind: a word for a scale, a value out of range, a string for
        // a number, a number for a date, a single string for a multiple choice, an option that no longer exists.
        insert(odd, "2026-11-01", null, null, null, null, null, """
                {"datang":"mungkin","topik":"buku","puas":"lima","nps":11,"tanggal":5,"umur":"tua","alasan":42}""");
        insert(odd, "2026-11-01", null, null, null, null, null, """
                {"datang":"ya","topik":["film","film-lama"],"puas":4,"nps":10,"tanggal":"2026-11-05","umur":7.5}""");
        JsonPath r = given().auth().oauth2(staff).get("/api/surveys/" + odd + "/results").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(1, 0), r.getList("questions[0].options.count"), "mungkin is no option");
        assertEquals(List.of(1, 1, 0), r.getList("questions[2].options.count"), "a lone string counts as its option");
        assertEquals(4.0, r.getDouble("questions[3].mean"), 1e-6);
        assertEquals(1, r.getInt("questions[4].nps.promoters"));
        assertEquals(100.0, r.getDouble("questions[4].nps.score"), 1e-6);
        assertEquals(List.of("2026-11"), r.getList("questions[6].months.month"));
        assertEquals(7.5, r.getDouble("questions[7].number.min"), 1e-6);
        assertEquals(7.5, r.getDouble("questions[7].number.max"), 1e-6);
        // A text endpoint skips a number given to a text question; a key that is SQL is just no question of the survey.
        given().auth().oauth2(staff).get("/api/surveys/" + odd + "/results/texts?question=alasan").then().statusCode(200)
                .body("total", equalTo(0));
        assertProblem(given().auth().oauth2(staff).queryParam("question", "alasan' OR '1'='1").get("/api/surveys/" + odd
                + "/results/texts").then(), 400, "validation").body("errors.field", hasItem("question"));
        given().auth().oauth2(staff).get("/api/surveys/" + odd + "/results/responses.csv").then().statusCode(200);
        given().auth().oauth2(staff).get("/api/surveys/" + odd + "/results/responses.xlsx").then().statusCode(200);
    }

    @Test
    void everyFilterNarrowsTheResponses() {
        JsonPath byEvent = results("?event=" + event);
        assertEquals(3, byEvent.getInt("responses"));
        assertEquals(2, byEvent.getInt("questions[1].shown"), "tidak after the event: R2 and R5");
        assertEquals(List.of(1, 2), byEvent.getList("questions[0].options.count"));
        assertEquals(2, results("?audience=ADULT").getInt("responses"));
        assertEquals(1, results("?audience=child").getInt("responses"));
        assertEquals(3, results("?from=2026-11-12").getInt("responses"));
        assertEquals(2, results("?to=2026-11-11").getInt("responses"));
        assertEquals(3, results("?from=2026-11-11&to=2026-11-13").getInt("responses"));
        JsonPath both = results("?event=" + event + "&audience=TEEN&from=2026-11-11&to=2026-11-11");
        assertEquals(1, both.getInt("responses"));
        assertEquals(3.0, both.getDouble("questions[3].mean"), 1e-6);
        assertEquals(0, results("?challenge=" + Long.MAX_VALUE).getInt("responses"));
        assertEquals(0, results("?phase=PRE").getInt("responses"));
    }

    @Test
    void badFiltersAreNamedAndOnlyStaffSeeResults() {
        String base = "/api/surveys/" + survey + "/results";
        assertProblem(given().auth().oauth2(staff).get(base + "?audience=KID").then(), 400, "validation")
                .body("errors.field", hasItem("audience"));
        assertProblem(given().auth().oauth2(staff).get(base + "?from=kemarin").then(), 400, "validation")
                .body("errors.field", hasItem("from"));
        assertProblem(given().auth().oauth2(staff).get(base + "?event=satu").then(), 400, "validation")
                .body("errors.field", hasItem("event"));
        assertProblem(given().auth().oauth2(staff).get(base + "?phase=DURING").then(), 400, "validation")
                .body("errors.field", hasItem("phase"));
        assertProblem(given().auth().oauth2(staff).get(base + "?from=2026-11-12&to=2026-11-01").then(), 400, "validation")
                .body("errors.field", hasItem("to"));
        assertProblem(given().auth().oauth2(staff).get(base + "/texts").then(), 400, "validation")
                .body("errors.field", hasItem("question"));
        assertProblem(given().auth().oauth2(staff).get(base + "/texts?question=puas").then(), 400, "validation")
                .body("errors.field", hasItem("question"));
        assertProblem(given().auth().oauth2(staff).get(base + "/comparison").then(), 400, "validation")
                .body("errors.field", hasItem("challenge"));
        assertProblem(given().auth().oauth2(staff).get(base + "/comparison?challenge=" + Long.MAX_VALUE).then(), 404, "not-found");
        for (String path : List.of("", "/texts?question=alasan", "/responses.csv", "/responses.xlsx")) {
            assertProblem(given().auth().oauth2(staff).get("/api/surveys/" + Long.MAX_VALUE + "/results" + path).then(), 404, "not-found");
            assertProblem(given().auth().oauth2(Accounts.tokenFor(db, "MEMBER")).get(base + path).then(), 403, "forbidden");
            assertProblem(given().get(base + path).then(), 401, "unauthenticated");
        }
    }

    @Test
    void textAnswersAreSearchedAndPagedNewestFirst() {
        String base = "/api/surveys/" + survey + "/results/texts?question=alasan";
        given().auth().oauth2(staff).get(base).then().statusCode(200).body("total", equalTo(3))
                .body("items.text", equalTo(List.of("panas sekali", FORMULA, "Ruangannya terlalu PANAS")))
                .body("items[0].submittedOn", equalTo("2026-11-14")).body("items[0].eventId", equalTo((int) event));
        given().auth().oauth2(staff).get(base + "&q=Panas&size=1").then().statusCode(200).body("total", equalTo(2))
                .body("size", equalTo(1)).body("items.text", equalTo(List.of("panas sekali")));
        given().auth().oauth2(staff).get(base + "&q=panas&size=1&page=1").then().statusCode(200).body("total", equalTo(2))
                .body("page", equalTo(1)).body("items.text", equalTo(List.of("Ruangannya terlalu PANAS")));
        given().auth().oauth2(staff).get(base + "&q=%25").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(staff).get(base + "&q=panas&audience=TEEN").then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(staff).get("/api/surveys/" + survey + "/results/texts?question=nama").then().statusCode(200)
                .body("total", equalTo(1)).body("items.text", equalTo(List.of("Budi")));
    }

    @Test
    void theCsvHasOneRowPerResponseInIndonesianAndNeutralisesFormulas() throws Exception {
        byte[] file = given().auth().oauth2(staff).get("/api/surveys/" + survey + "/results/responses.csv").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"survei-" + survey + ".csv\""))
                .extract().asByteArray();
        String text = new String(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"));
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(text.substring(1), CSVFormat.EXCEL)) {
            rows = parser.getRecords();
        }
        assertEquals(6, rows.size());
        assertEquals(List.of("Tanggal", "Acara", "Tantangan", "Fase", "Kelompok usia", "Pertanyaan datang?", "Pertanyaan alasan?",
                "Pertanyaan topik?", "Pertanyaan puas?", "Pertanyaan nps?", "Pertanyaan nama?", "Pertanyaan tanggal?",
                "Pertanyaan umur?"), rows.get(0).toList());
        assertEquals(List.of("2026-11-10", eventTitle, "", "", "Dewasa", "Pilihan ya", "", "Pilihan buku; Pilihan film", "5", "10",
                "Budi", "2026-11-03", "10"), rows.get(1).toList());
        assertEquals("'" + FORMULA, rows.get(3).get(6));
        assertEquals("", rows.get(4).get(4));
        assertEquals("Anak", rows.get(5).get(4));
        // Filters apply to the export too.
        String teen = given().auth().oauth2(staff).get("/api/surveys/" + survey + "/results/responses.csv?audience=TEEN")
                .then().statusCode(200).extract().asString();
        assertEquals(2, teen.strip().split("\r\n").length);
    }

    @Test
    void theXlsxHasTheSameRowsWithFormulasAsText() {
        byte[] file = given().auth().oauth2(staff).get("/api/surveys/" + survey + "/results/responses.xlsx?event=" + event)
                .then().statusCode(200).contentType(Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", equalTo("attachment; filename=\"survei-" + survey + ".xlsx\""))
                .extract().asByteArray();
        List<Row> rows = Xlsx.rows(file);
        assertEquals(4, rows.size(), "the header and the event's 3 responses");
        assertEquals(13, Xlsx.texts(rows.get(0)).size(), "no account, name or registration column");
        assertEquals("Pertanyaan topik?", Xlsx.texts(rows.get(0)).get(7));
        Row r1 = rows.get(1);
        assertEquals(eventTitle, r1.getCell(1).getText());
        assertEquals("Pilihan buku; Pilihan film", r1.getCell(7).getText());
        assertEquals(CellType.NUMBER, r1.getCell(8).getType());
        assertEquals(5, r1.getCellAsNumber(8).orElseThrow().intValue());
        assertEquals(2026, r1.getCellAsDate(0).orElseThrow().getYear());

        byte[] all = given().auth().oauth2(staff).get("/api/surveys/" + survey + "/results/responses.xlsx").then().statusCode(200)
                .extract().asByteArray();
        Row formula = Xlsx.rows(all).get(3);
        assertEquals(CellType.STRING, formula.getCell(6).getType(), "a text cell, never a formula");
        assertEquals(FORMULA, formula.getCell(6).getText());
    }

    @Test
    void theComparisonShowsBeforeAndAfterAChallenge() {
        long challenge = ChallengeFixtures.create(staff, ChallengeFixtures.body());
        long other = SurveyFixtures.create(staff, SurveyFixtures.survey("Survei pra/pasca " + UUID.randomUUID()));
        long a1 = Accounts.register(Accounts.uniqueEmail("pra1"));
        long a2 = Accounts.register(Accounts.uniqueEmail("pra2"));
        insert(other, "2026-11-01", null, challenge, "PRE", "TEEN", a1, "{\"datang\":\"ya\",\"puas\":2,\"nps\":5}");
        insert(other, "2026-11-01", null, challenge, "PRE", "TEEN", a2, "{\"datang\":\"tidak\",\"puas\":3,\"nps\":7}");
        insert(other, "2026-11-30", null, challenge, "POST", "TEEN", a1, "{\"datang\":\"ya\",\"puas\":4,\"nps\":9}");
        insert(other, "2026-11-30", null, challenge, "POST", "ADULT", null, "{\"puas\":5,\"nps\":10,\"nama\":\"x\"}");
        insert(other, "2026-11-30", null, null, null, "TEEN", a2, "{\"puas\":1,\"nps\":0}");

        JsonPath c = given().auth().oauth2(staff).get("/api/surveys/" + other + "/results/comparison?challenge=" + challenge)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, c.getInt("preResponses"));
        assertEquals(2, c.getInt("postResponses"));
        assertEquals(1, c.getInt("participantsBoth"));
        assertEquals("puas", c.getString("questions[3].key"));
        assertEquals(2.5, c.getDouble("questions[3].pre.mean"), 1e-6);
        assertEquals(4.5, c.getDouble("questions[3].post.mean"), 1e-6);
        assertEquals(1, c.getInt("questions[3].answeredBoth"));
        assertEquals(-50.0, c.getDouble("questions[4].pre.nps.score"), 1e-6);
        assertEquals(100.0, c.getDouble("questions[4].post.nps.score"), 1e-6);
        assertEquals(1, c.getInt("questions[0].answeredBoth"));
        assertEquals(0, c.getInt("questions[5].answeredBoth"));
        assertEquals(List.of(1, 0), c.getList("questions[0].post.options.count"));

        JsonPath teens = given().auth().oauth2(staff).get("/api/surveys/" + other + "/results/comparison?challenge=" + challenge
                + "&audience=TEEN").then().statusCode(200).extract().jsonPath();
        assertEquals(1, teens.getInt("postResponses"));
        assertEquals(1, given().auth().oauth2(staff).get("/api/surveys/" + other + "/results?challenge=" + challenge + "&phase=POST&audience=TEEN")
                .then().statusCode(200).extract().jsonPath().getInt("responses"));
        // The export names the challenge and the phase.
        List<Row> rows = Xlsx.rows(given().auth().oauth2(staff).get("/api/surveys/" + other + "/results/responses.xlsx?phase=PRE")
                .then().statusCode(200).extract().asByteArray());
        assertEquals(3, rows.size());
        assertEquals("Sebelum", rows.get(1).getCell(3).getText());
        assertEquals(Accounts.text(db, "SELECT title FROM challenge WHERE id = ?", challenge), rows.get(1).getCell(2).getText());
    }
}
