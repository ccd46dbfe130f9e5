package id.serambi.survey.answer;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import id.serambi.event.EventFixtures;
import id.serambi.survey.SurveyContexts;
import id.serambi.survey.SurveyFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.ManageLinks;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, answering: the public form and responses, every question type and its validation (each error naming
 * {@code answers.<key>}), conditions, who is linked (nobody for ANONYMOUS, even signed in), one response per person
 * (also under concurrency), 200 concurrent anonymous answers, the honeypot, the form token, export and erasure, the
 * minors' retention and the staff QR code. The test profile serves forms that may be answered at once (min age 0).
 */
@QuarkusTest
class SurveyAnswerTest {

    @Inject
    AgroalDataSource db;

    @Inject
    FormTokens tokens;

    @Inject
    MinorResponseRetention retention;

    private static long published(String staff, Map<String, Object> body) {
        long id = given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/surveys")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(staff).post("/api/surveys/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private static Map<String, Object> survey(String access, boolean onePerPerson) {
        Map<String, Object> body = SurveyFixtures.survey("Survei " + UUID.randomUUID());
        body.put("access", access);
        body.put("onePerPerson", onePerPerson);
        return body;
    }

    /** Valid answers to SurveyFixtures.survey: datang = tidak, so alasan is shown and required. */
    private static Map<String, Object> answers() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("datang", "tidak");
        a.put("alasan", "  Jadwalnya terlalu pagi.\nMungkin sore saja.  ");
        a.put("topik", List.of("buku", "film"));
        a.put("puas", 4);
        a.put("nps", 9);
        a.put("nama", "Rina");
        a.put("tanggal", "2026-12-01");
        a.put("umur", 30);
        return a;
    }

    private static String formToken(long id, String bearer) {
        var request = given();
        if (bearer != null) {
            request = request.auth().oauth2(bearer);
        }
        return request.get("/api/surveys/" + id + "/form").then().statusCode(200).extract().path("formToken");
    }

    private static Map<String, Object> submission(String formToken, Map<String, Object> answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", answers);
        body.put("formToken", formToken);
        body.put("website", "");
        return body;
    }

    private static Response post(long id, String bearer, Map<String, Object> body) {
        var request = given().contentType(ContentType.JSON).header("X-Forwarded-For", Accounts.randomIp());
        if (bearer != null) {
            request = request.auth().oauth2(bearer);
        }
        return request.body(body).post("/api/surveys/" + id + "/responses");
    }

    private long responses(long surveyId) {
        return Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ?", surveyId);
    }

    @Test
    void anonymousAnswersEveryTypeAndNothingLinksThemToAPersonEvenSignedIn() {
        String staff = Staff.token();
        long id = published(staff, survey("ANONYMOUS", false));
        given().get("/api/surveys/" + id + "/form").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("id", equalTo((int) id)).body("access", equalTo("ANONYMOUS")).body("alreadyAnswered", equalTo(false))
                .body("introduction.en", equalTo("Help us improve our events."))
                .body("sections[0].questions.key", equalTo(List.of("datang", "alasan", "topik")))
                .body("sections[0].questions[1].condition.questionKey", equalTo("datang"))
                .body("formToken", matchesPattern("\\d+\\.[A-Za-z0-9_-]{43}"));

        post(id, null, submission(formToken(id, null), answers())).then().statusCode(201)
                .body("received", equalTo(true)).body("size()", equalTo(1));
        assertEquals(1, responses(id));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? AND answers = CAST(? AS jsonb)", id,
                "{\"datang\":\"tidak\",\"alasan\":\"Jadwalnya terlalu pagi.\\nMungkin sore saja.\",\"topik\":[\"buku\",\"film\"],"
                        + "\"puas\":4,\"nps\":9,\"nama\":\"Rina\",\"tanggal\":\"2026-12-01\",\"umur\":30}"));

        // A signed-in member answering an ANONYMOUS survey: still no account, registration, age group or minor flag.
        String member = Accounts.tokenFor(db, "MEMBER");
        Map<String, Object> second = answers();
        second.put("datang", "ya");
        second.remove("alasan");
        post(id, member, submission(formToken(id, member), second)).then().statusCode(201);
        post(id, member, submission(formToken(id, member), second)).then().statusCode(201);
        assertEquals(3, responses(id));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? AND (account_id IS NOT NULL "
                + "OR registration_id IS NOT NULL OR age_group IS NOT NULL OR minor OR once OR event_id IS NOT NULL "
                + "OR context_key <> '')", id));
        assertEquals(3, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? AND submitted_on = current_date", id));
    }

    @Test
    void everyInvalidAnswerIsReportedAtItsFieldAndNothingIsStored() {
        long id = published(Staff.token(), survey("ANONYMOUS", false));
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("datang", "mungkin");
        bad.put("topik", List.of("buku", "buku"));
        bad.put("puas", 6);
        bad.put("nps", 11);
        bad.put("nama", "x".repeat(301));
        bad.put("tanggal", "01-12-2026");
        bad.put("umur", 100);
        bad.put("warna", "biru");
        assertProblem(post(id, null, submission(formToken(id, null), bad)).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("answers.warna", "answers.datang", "answers.topik", "answers.puas",
                        "answers.nps", "answers.nama", "answers.tanggal", "answers.umur")));

        Map<String, Object> more = answers();
        more.put("datang", List.of("tidak"));
        more.put("topik", "buku");
        more.put("puas", 3.5);
        more.put("nps", "9");
        more.put("nama", "Rina\u0007");
        more.put("tanggal", "2026-02-30");
        more.put("umur", "tiga puluh");
        more.remove("alasan");
        assertProblem(post(id, null, submission(formToken(id, null), more)).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("answers.datang", "answers.topik", "answers.puas", "answers.nps",
                        "answers.nama", "answers.tanggal", "answers.umur")))
                .body("errors.find { it.field == 'answers.nama' }.message", equalTo("must not contain control characters"));
        // A NUL is refused where any JSON string is read, before the answers are checked (NulCharacters).
        Map<String, Object> nul = answers();
        nul.put("nama", "Rina\u0000");
        assertProblem(post(id, null, submission(formToken(id, null), nul)).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("answers.nama")));

        Map<String, Object> missing = new LinkedHashMap<>();
        missing.put("topik", List.of());
        assertProblem(post(id, null, submission(formToken(id, null), missing)).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("answers.datang", "answers.puas", "answers.nps")))
                .body("errors.message", hasItems("must be answered"));

        // 2^64 + 9 and 2^64 + 3 wrap to 9 and 3 as longs: still not a score.
        Map<String, Object> huge = answers();
        huge.put("nps", new java.math.BigInteger("18446744073709551625"));
        huge.put("puas", new java.math.BigInteger("18446744073709551619"));
        assertProblem(post(id, null, submission(formToken(id, null), huge)).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("answers.puas", "answers.nps")));

        Map<String, Object> longText = answers();
        longText.put("alasan", "a".repeat(4001));
        assertProblem(post(id, null, submission(formToken(id, null), longText)).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("answers.alasan")));
        assertEquals(0, responses(id));

        longText.put("alasan", "a".repeat(4000));
        longText.put("nama", "b".repeat(300));
        longText.put("umur", 5);
        post(id, null, submission(formToken(id, null), longText)).then().statusCode(201);
        assertEquals(1, responses(id));
    }

    @Test
    void aQuestionIsAnsweredOnlyWhenItsConditionHolds() {
        long id = published(Staff.token(), survey("ANONYMOUS", false));
        Map<String, Object> hidden = answers();
        hidden.put("datang", "ya");
        assertProblem(post(id, null, submission(formToken(id, null), hidden)).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("answers.alasan")));
        Map<String, Object> required = answers();
        required.remove("alasan");
        assertProblem(post(id, null, submission(formToken(id, null), required)).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("answers.alasan"))).body("errors[0].message", equalTo("must be answered"));
        assertEquals(0, responses(id));
        hidden.remove("alasan");
        post(id, null, submission(formToken(id, null), hidden)).then().statusCode(201);
        assertEquals(1, responses(id));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? AND (answers -> 'alasan') IS NOT NULL", id));
    }

    @Test
    void draftsAreNotFoundAndClosedSurveysAreGone() {
        String staff = Staff.token();
        long draft = given().auth().oauth2(staff).contentType(ContentType.JSON).body(survey("ANONYMOUS", false)).post("/api/surveys")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        assertProblem(given().get("/api/surveys/" + draft + "/form").then(), 404, "not-found");
        assertProblem(post(draft, null, submission(tokens.issue(draft, Instant.now().minusSeconds(10)), answers())).then(), 404, "not-found");
        assertProblem(given().get("/api/surveys/999999999/form").then(), 404, "not-found");

        long id = published(staff, survey("ANONYMOUS", false));
        String token = formToken(id, null);
        given().auth().oauth2(staff).post("/api/surveys/" + id + "/close").then().statusCode(200);
        assertProblem(given().get("/api/surveys/" + id + "/form").then(), 410, "survey-closed");
        assertProblem(post(id, null, submission(token, answers())).then(), 410, "survey-closed");
        assertEquals(0, responses(id));
    }

    @Test
    void aForgedExpiredOrOtherSurveysFormTokenIsRefused() {
        String staff = Staff.token();
        long id = published(staff, survey("ANONYMOUS", false));
        long other = published(staff, survey("ANONYMOUS", false));
        Instant now = Instant.now();
        String good = tokens.issue(id, now.minusSeconds(60));
        List<String> bad = List.of("", "abc", "123.", "." + good.substring(good.indexOf('.') + 1),
                good.substring(0, good.length() - 2) + "xx", (now.toEpochMilli() - 61_000) + good.substring(good.indexOf('.')),
                tokens.issue(other, now.minusSeconds(60)), tokens.issue(id, now.minus(Duration.ofHours(24)).minusSeconds(5)),
                "9".repeat(30) + ".x");
        for (String token : bad) {
            var response = post(id, null, submission(token, answers())).then();
            if (token.isEmpty()) {
                assertProblem(response, 400, "validation").body("errors[0].field", equalTo("formToken"));
            } else {
                assertProblem(response, 400, "form-expired").body("errors[0].field", equalTo("formToken"));
            }
        }
        assertEquals(0, responses(id));
        post(id, null, submission(good, answers())).then().statusCode(201);
        post(id, null, submission(tokens.issue(id, now.minus(Duration.ofHours(23))), answers())).then().statusCode(201);
        assertEquals(2, responses(id));
    }

    @Test
    void theHoneypotIsToldItsAnswerArrivedAndNothingIsKept() {
        long id = published(Staff.token(), survey("ANONYMOUS", false));
        Map<String, Object> body = submission(formToken(id, null), answers());
        body.put("website", "https://spam.example");
        post(id, null, body).then().statusCode(201).body("received", equalTo(true));
        body.put("formToken", "palsu");
        post(id, null, body).then().statusCode(201).body("received", equalTo(true));
        assertEquals(0, responses(id));
    }

    @Test
    void anAccountSurveyNeedsASignInAndTakesOneResponsePerAccount() throws Exception {
        long id = published(Staff.token(), survey("ACCOUNT", true));
        assertProblem(given().get("/api/surveys/" + id + "/form").then(), 401, "sign-in-required");
        assertProblem(post(id, null, submission(tokens.issue(id, Instant.now().minusSeconds(10)), answers())).then(), 401,
                "sign-in-required");

        String email = Accounts.uniqueEmail("survei");
        long account = Accounts.register(email);
        String member = Accounts.login(email, Accounts.PASSWORD);
        given().auth().oauth2(member).get("/api/surveys/" + id + "/form").then().statusCode(200).body("alreadyAnswered", equalTo(false));
        post(id, member, submission(formToken(id, member), answers())).then().statusCode(201);
        // Born 2008: by birth year 18 this year, so perhaps still 17, counted a minor (a teen).
        assertEquals("t|TEEN|t|", Accounts.text(db, "SELECT (account_id = ?) || '|' || age_group || '|' || minor || '|' || context_key "
                + "FROM survey_response WHERE survey_id = ?", account, id).replace("true", "t"));
        given().auth().oauth2(member).get("/api/surveys/" + id + "/form").then().statusCode(200).body("alreadyAnswered", equalTo(true));
        assertProblem(post(id, member, submission(formToken(id, member), answers())).then(), 409, "already-answered");
        assertEquals(1, responses(id));

        // 20 concurrent answers by one new account: exactly one is kept, the others are 409.
        String other = Accounts.tokenFor(db, "MEMBER");
        String token = formToken(id, other);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> post(id, other, submission(token, answers())).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(2, responses(id));
    }

    @Test
    void aManageLinkSurveyLinksTheRegistrationAndTakesOneResponsePerRegistration() {
        String staff = Staff.token();
        long event = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        String email = Accounts.uniqueEmail("tamu");
        String manage = ManageLinks.register(event, Map.of("name", "Tamu Survei", "email", email)).getString("manageToken");
        long registration = Accounts.count(db, "SELECT id FROM registration WHERE event_id = ? AND lower(email) = lower(?)", event, email);
        FakeSurveyContexts.token(manage, new SurveyContexts.Context(event, null, null, registration, null, "TEEN", true, "event:" + event));

        long id = published(staff, survey("MANAGE_LINK", true));
        assertProblem(given().get("/api/surveys/" + id + "/form").then(), 403, "manage-link-required");
        // An unknown token is the event feature's to refuse (SurveyContexts: 404 for an unknown manage token).
        assertProblem(given().queryParam("token", "tidak-dikenal").get("/api/surveys/" + id + "/form").then(), 404, "not-found");
        String formToken = given().queryParam("token", manage).queryParam("event", event).get("/api/surveys/" + id + "/form")
                .then().statusCode(200).body("alreadyAnswered", equalTo(false)).extract().path("formToken");
        Map<String, Object> body = submission(formToken, answers());
        assertProblem(post(id, null, body).then(), 403, "manage-link-required");
        body.put("token", manage);
        body.put("event", event);
        post(id, null, body).then().statusCode(201);
        assertEquals("t|t|TEEN|t|event:" + event + "|t", Accounts.text(db, "SELECT (registration_id = ?) || '|' || (event_id = ?) || '|' "
                + "|| age_group || '|' || minor || '|' || context_key || '|' || (account_id IS NULL) FROM survey_response WHERE survey_id = ?",
                registration, event, id).replace("true", "t"));
        given().queryParam("token", manage).get("/api/surveys/" + id + "/form").then().statusCode(200).body("alreadyAnswered", equalTo(true));
        assertProblem(post(id, null, body).then(), 409, "already-answered");
        assertEquals(1, responses(id));

        // A response linked to a registration goes with the registration (ON DELETE CASCADE).
        Accounts.sql(db, "DELETE FROM registration WHERE id = ?", registration);
        assertEquals(0, responses(id));
    }

    @Test
    void anAnonymousSurveyAfterAnEventKeepsTheEventButNoPerson() {
        String staff = Staff.token();
        long event = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        FakeSurveyContexts.event(event, new SurveyContexts.Context(event, null, null, 42L, 7L, "ADULT", true, "event:" + event));
        long id = published(staff, survey("ANONYMOUS", true));
        String member = Accounts.tokenFor(db, "MEMBER");
        Map<String, Object> body = submission(formToken(id, member), answers());
        body.put("event", event);
        post(id, member, body).then().statusCode(201);
        post(id, member, body).then().statusCode(201);
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? AND event_id = ? AND context_key = ? "
                + "AND account_id IS NULL AND registration_id IS NULL AND age_group IS NULL AND NOT minor AND NOT once", id, event,
                "event:" + event));
    }

    @Test
    void twoHundredConcurrentAnonymousAnswersAreAllKept() throws Exception {
        long id = published(Staff.token(), survey("ANONYMOUS", false));
        String token = tokens.issue(id, Instant.now().minusSeconds(10));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Map<String, Object> a = answers();
                a.put("nps", i % 11);
                calls.add(() -> post(id, null, submission(token, a)).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(200, responses(id));
        assertEquals(200, Accounts.count(db, "SELECT sum(1 + (answers ->> 'nps')::int) - sum((answers ->> 'nps')::int) "
                + "FROM survey_response WHERE survey_id = ?", id));
    }

    @Test
    void theMembersResponsesAreInTheExportAndGoWithErasure() {
        long id = published(Staff.token(), survey("ACCOUNT", false));
        String email = Accounts.uniqueEmail("ekspor");
        long account = Accounts.register(email);
        String member = Accounts.login(email, Accounts.PASSWORD);
        post(id, member, submission(formToken(id, member), answers())).then().statusCode(201);
        String title = Accounts.text(db, "SELECT title_id FROM survey WHERE id = ?", id);
        given().auth().oauth2(member).get("/api/me/export").then().statusCode(200)
                .body("surveys.size()", equalTo(1))
                .body("surveys[0].surveyId", equalTo((int) id)).body("surveys[0].survey", equalTo(title))
                .body("surveys[0].submittedOn", equalTo(LocalDate.now().toString()))
                .body("surveys[0].answers.alasan", equalTo("Jadwalnya terlalu pagi.\nMungkin sore saja."))
                .body("surveys[0].answers.topik", equalTo(List.of("buku", "film")));
        given().auth().oauth2(member).delete("/api/me").then().statusCode(204);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE account_id = ?", account));
        assertEquals(0, responses(id));
    }

    @Test
    void minorsResponsesAreDeletedAfterTheMinorsRetention() throws Throwable {
        long id = published(Staff.token(), survey("ACCOUNT", false));
        String member = Accounts.tokenFor(db, "MEMBER");
        for (int i = 0; i < 3; i++) {
            post(id, member, submission(formToken(id, member), answers())).then().statusCode(201);
        }
        long[] ids = new long[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = Accounts.count(db, "SELECT id FROM survey_response WHERE survey_id = ? ORDER BY id OFFSET ? LIMIT 1", id, i);
        }
        // An old minor's response, a recent minor's, and an old adult's.
        Accounts.sql(db, "UPDATE survey_response SET minor = true, submitted_on = current_date - 200 WHERE id = ?", ids[0]);
        Accounts.sql(db, "UPDATE survey_response SET minor = true, submitted_on = current_date - 10 WHERE id = ?", ids[1]);
        Accounts.sql(db, "UPDATE survey_response SET minor = false, age_group = 'ADULT', submitted_on = current_date - 400 WHERE id = ?", ids[2]);
        int deleted = VertxContextSupport.subscribeAndAwait(() -> retention.purge(Instant.now()));
        assertTrue(deleted >= 1, "deleted " + deleted);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE id = ?", ids[0]));
        assertEquals(2, responses(id));
        assertEquals(0, (int) VertxContextSupport.subscribeAndAwait(() -> retention.purge(Instant.now())));
    }

    @Test
    void staffGetAQrCodeOfThePublicPage() throws Exception {
        String staff = Staff.token();
        long id = published(staff, survey("ANONYMOUS", false));
        byte[] png = given().auth().oauth2(staff).get("/api/surveys/" + id + "/qr.png").then().statusCode(200)
                .contentType("image/png").header("Link", equalTo("<https://serambi.test/survei/" + id + ">; rel=\"alternate\""))
                .extract().asByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        assertEquals("https://serambi.test/survei/" + id, text);
        assertProblem(given().auth().oauth2(staff).get("/api/surveys/999999999/qr.png").then(), 404, "not-found");
        assertProblem(given().get("/api/surveys/" + id + "/qr.png").then(), 401, "unauthenticated");
    }
}
