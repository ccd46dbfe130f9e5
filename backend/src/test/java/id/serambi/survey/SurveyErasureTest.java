package id.serambi.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.ManageLinks;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 point 4, erasure of responses given through a registration's manage link (the post-event e-mail's link).
 * The attack: a guest answers the event's survey, then erases their data; before the fix their answers, age group
 * and minor flag stayed in {@code survey_response}. Now the guest's erasure deletes them in its transaction, the guest
 * export shows them, and a member who owns the registration's e-mail sees and erases them with their account.
 */
@QuarkusTest
class SurveyErasureTest {

    @Inject
    AgroalDataSource db;

    static long manageLinkSurvey(String staff) {
        Map<String, Object> body = SurveyFixtures.survey("Umpan balik " + UUID.randomUUID());
        body.put("access", "MANAGE_LINK");
        body.put("onePerPerson", true);
        long id = SurveyFixtures.create(staff, body);
        given().auth().oauth2(staff).post("/api/surveys/" + id + "/publish").then().statusCode(200);
        return id;
    }

    static long eventWith(String staff, long surveyId) {
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("feedbackSurveyId", surveyId);
        return EventFixtures.published(staff, body);
    }

    static Map<String, Object> answers(int puas) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("datang", "ya");
        a.put("puas", puas);
        a.put("nps", 9);
        a.put("nama", "Rani dari kelas 8");
        return a;
    }

    /** Opens the form through the manage link and posts the answers with it. */
    static Response answer(long surveyId, String manageToken, Map<String, Object> answers) {
        String formToken = given().queryParam("token", manageToken).get("/api/surveys/" + surveyId + "/form")
                .then().statusCode(200).extract().path("formToken");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", answers);
        body.put("formToken", formToken);
        body.put("website", "");
        body.put("token", manageToken);
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", Accounts.randomIp()).body(body)
                .post("/api/surveys/" + surveyId + "/responses");
    }

    private long responsesOf(long registrationId) {
        return Accounts.count(db, "SELECT count(*) FROM survey_response WHERE registration_id = ?", registrationId);
    }

    @Test
    void aGuestErasesTheirDataAndTheirSurveyAnswersGoWithIt() {
        String staff = Staff.token();
        long survey = manageLinkSurvey(staff);
        long event = eventWith(staff, survey);
        var teen = ManageLinks.register(event, Map.of("name", "Rani", "email", Accounts.uniqueEmail("rani"),
                "ageGroup", "TEEN"));
        var other = EventFixtures.register(event, "Budi", Accounts.uniqueEmail("budi"));
        long teenId = teen.getLong("id");
        long otherId = other.getLong("id");
        started(event); // the feedback survey opens when the event starts
        answer(survey, teen.getString("manageToken"), answers(2)).then().statusCode(201);
        answer(survey, other.getString("manageToken"), answers(5)).then().statusCode(201);
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE registration_id = ? "
                + "AND age_group = 'TEEN' AND minor AND answers->>'nama' = 'Rani dari kelas 8'", teenId));

        // The guest's export shows the answers given through the link.
        given().get("/api/registrations/" + teen.getString("manageToken") + "/export").then().statusCode(200)
                .body("surveyResponses", hasSize(1))
                .body("surveyResponses[0].surveyId", equalTo((int) survey))
                .body("surveyResponses[0].eventId", equalTo((int) event))
                .body("surveyResponses[0].answers.puas", equalTo(2))
                .body("surveyResponses[0].answers.nama", equalTo("Rani dari kelas 8"));

        given().delete("/api/registrations/" + teen.getString("manageToken") + "/personal-data").then().statusCode(204);

        assertEquals(0, responsesOf(teenId), "the erased guest's answers, age group and minor flag are gone");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? "
                + "AND answers->>'nama' = 'Rani dari kelas 8' AND registration_id <> ?", survey, otherId),
                "nothing of theirs kept elsewhere");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND name = 'Dihapus'", teenId),
                "the registration row stays, anonymised");
        assertEquals(1, responsesOf(otherId), "another guest's answer stays");
        given().auth().oauth2(staff).queryParam("event", event).get("/api/surveys/" + survey + "/results").then()
                .statusCode(200).body("responses", equalTo(1));
        // The link no longer opens the form.
        given().queryParam("token", teen.getString("manageToken")).get("/api/surveys/" + survey + "/form").then()
                .statusCode(404);
    }

    /**
     * The race: each of 20 guests answers and erases at the same moment. Whatever wins, no response outlives the
     * erasure: the answer is stored first and deleted by the erasure, or it finds the link gone (404).
     */
    @Test
    void answeringWhileErasingNeverLeavesAResponseBehind() throws Exception {
        String staff = Staff.token();
        long survey = manageLinkSurvey(staff);
        long event = eventWith(staff, survey);
        List<Long> ids = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> forms = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            var r = EventFixtures.register(event, "Tamu " + i, Accounts.uniqueEmail("balapan" + i));
            ids.add(r.getLong("id"));
            tokens.add(r.getString("manageToken"));
        }
        started(event); // the feedback survey opens when the event starts
        for (String token : tokens) {
            forms.add(given().queryParam("token", token).get("/api/surveys/" + survey + "/form")
                    .then().statusCode(200).extract().path("formToken"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            List<Future<Integer>> erasures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String token = tokens.get(i);
                String form = forms.get(i);
                answers.add(pool.submit(() -> {
                    go.await();
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("answers", answers(4));
                    body.put("formToken", form);
                    body.put("website", "");
                    body.put("token", token);
                    return given().contentType(ContentType.JSON).header("X-Forwarded-For", Accounts.randomIp()).body(body)
                            .post("/api/surveys/" + survey + "/responses").statusCode();
                }));
                erasures.add(pool.submit(() -> {
                    go.await();
                    return given().delete("/api/registrations/" + token + "/personal-data").statusCode();
                }));
            }
            go.countDown();
            for (int i = 0; i < 20; i++) {
                assertEquals(204, erasures.get(i).get());
                int answered = answers.get(i).get();
                assertTrue(answered == 201 || answered == 404, "answer " + i + ": " + answered);
            }
        } finally {
            pool.shutdownNow();
        }
        for (long id : ids) {
            assertEquals(0, responsesOf(id), "registration " + id + " erased, yet a response stayed");
        }
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ?", survey));
    }

    /**
     * The same race made certain: a transaction holding the survey row (FOR UPDATE) stops the answer at its INSERT
     * (the foreign key check), after it has resolved the manage link; the guest erases meanwhile. Without the lock on
     * the token the erasure finished first (204, nothing to delete) and the answer was then stored (201), outliving it.
     */
    @Test
    void anAnswerHeldAtItsInsertWhileTheGuestErasesIsErasedToo() throws Exception {
        String staff = Staff.token();
        long survey = manageLinkSurvey(staff);
        long event = eventWith(staff, survey);
        var guest = EventFixtures.register(event, "Tamu Tertahan", Accounts.uniqueEmail("tertahan"));
        String token = guest.getString("manageToken");
        started(event); // the feedback survey opens when the event starts
        String form = given().queryParam("token", token).get("/api/surveys/" + survey + "/form").then().statusCode(200)
                .extract().path("formToken");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection hold = db.getConnection()) {
            hold.setAutoCommit(false);
            try (PreparedStatement lock = hold.prepareStatement("SELECT id FROM survey WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, survey);
                lock.executeQuery().close();
            }
            Future<Integer> answered = pool.submit(() -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("answers", answers(4));
                body.put("formToken", form);
                body.put("website", "");
                body.put("token", token);
                return given().contentType(ContentType.JSON).header("X-Forwarded-For", Accounts.randomIp()).body(body)
                        .post("/api/surveys/" + survey + "/responses").statusCode();
            });
            waitForBlockedInsert();
            Future<Integer> erased = pool.submit(() -> given().delete("/api/registrations/" + token + "/personal-data")
                    .statusCode());
            Thread.sleep(1500); // the erasure either finishes now (the bug) or waits for the answer's transaction
            hold.rollback();
            assertEquals(201, answered.get(30, TimeUnit.SECONDS));
            assertEquals(204, erased.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, responsesOf(guest.getLong("id")), "the answer outlived the guest's erasure");
    }

    private void waitForBlockedInsert() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (Accounts.count(db, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND query LIKE '%INSERT INTO survey_response%'") > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the answer never reached its INSERT");
    }

    @Test
    void aMemberWhoOwnsTheRegistrationsEmailExportsAndErasesItsAnswers() {
        String staff = Staff.token();
        long survey = manageLinkSurvey(staff);
        long event = eventWith(staff, survey);
        String email = Accounts.uniqueEmail("pemilik-survei");
        var mine = EventFixtures.register(event, "Dewi", email);
        var other = EventFixtures.register(event, "Eko", Accounts.uniqueEmail("eko"));
        started(event); // the feedback survey opens when the event starts
        answer(survey, mine.getString("manageToken"), answers(3)).then().statusCode(201);
        answer(survey, other.getString("manageToken"), answers(4)).then().statusCode(201);

        long account = Accounts.register(email);
        String bearer = Accounts.login(email, Accounts.PASSWORD);
        // Unverified: the registration may be someone else's, so nothing of it is shown or erased.
        given().auth().oauth2(bearer).get("/api/me/export").then().statusCode(200)
                .body("eventSurveyResponses", hasSize(0));
        Accounts.sql(db, "UPDATE app_user SET email_verified_at = now() WHERE id = ?", account);
        given().auth().oauth2(bearer).get("/api/me/export").then().statusCode(200)
                .body("eventSurveyResponses", hasSize(1))
                .body("eventSurveyResponses[0].registrationId", equalTo(mine.getInt("id")))
                .body("eventSurveyResponses[0].answers.puas", equalTo(3));

        given().auth().oauth2(bearer).delete("/api/me").then().statusCode(204);
        assertEquals(0, responsesOf(mine.getLong("id")));
        assertEquals(1, responsesOf(other.getLong("id")));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND name = 'Dihapus'",
                mine.getLong("id")));
    }

    /** Moves the event into the past: its feedback survey is open once it has started. */
    private void started(long event) {
        Accounts.sql(db, "UPDATE event SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' "
                + "WHERE id = ?", event);
    }

}
