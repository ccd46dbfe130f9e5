package id.serambi.challenge.participation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import id.serambi.challenge.ChallengeFixtures;
import id.serambi.common.ProblemException;
import id.serambi.support.Accounts;
import id.serambi.support.Concurrently;
import id.serambi.support.Staff;
import id.serambi.survey.SurveyContexts;
import id.serambi.survey.SurveyContexts.Phase;
import id.serambi.survey.SurveyFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 point 2, before and after a reading challenge: staff attach a pre and a post survey (never an unknown or
 * closed one); a participant answers the pre survey while the challenge runs and the post survey for 30 days after it
 * ends; nobody else, and never outside those windows. When it ends, each participant is notified once of the post
 * survey, even with two instances running the job at the same moment.
 */
@QuarkusTest
class ChallengeSurveysTest {

    @Inject
    AgroalDataSource db;

    @Inject
    ChallengeSurveyContexts contexts;

    @Inject
    PostSurveyNotices notices;

    private static long survey(String staff, String status) {
        long id = SurveyFixtures.create(staff, SurveyFixtures.survey("Survei tantangan " + status));
        if (!status.equals("DRAFT")) {
            given().auth().oauth2(staff).post("/api/surveys/" + id + "/publish").then().statusCode(200);
        }
        if (status.equals("CLOSED")) {
            given().auth().oauth2(staff).post("/api/surveys/" + id + "/close").then().statusCode(200);
        }
        return id;
    }

    private Optional<SurveyContexts.Context> resolve(long surveyId, Long accountId, long challengeId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> contexts.resolve(surveyId,
                new SurveyContexts.Hint(null, accountId, null, challengeId)));
    }

    private ProblemException refused(int status, long surveyId, Long accountId, long challengeId) throws Throwable {
        try {
            Optional<SurveyContexts.Context> found = resolve(surveyId, accountId, challengeId);
            fail("expected " + status + " but resolved " + found);
            return null;
        } catch (ProblemException e) {
            assertEquals(status, e.status(), e.getMessage());
            return e;
        }
    }

    private long participant(long challengeId) {
        String nickname = ChallengeFixtures.nickname("Survei");
        ChallengeFixtures.member(challengeId, nickname, null);
        return Accounts.count(db, "SELECT user_id FROM participant WHERE challenge_id = ? AND nickname = ?",
                challengeId, nickname);
    }

    /** Moves the challenge so that its last day was {@code days} ago (negative: still to come). */
    private void endedDaysAgo(long challengeId, int days) {
        LocalDate end = ChallengeFixtures.today().minusDays(days);
        Accounts.sql(db, "UPDATE challenge SET starts_on = ?, ends_on = ? WHERE id = ?", end.minusDays(20), end,
                challengeId);
    }

    private long challenge(String staff, Long pre, Long post) {
        Map<String, Object> body = ChallengeFixtures.body();
        body.put("preSurveyId", pre);
        body.put("postSurveyId", post);
        return ChallengeFixtures.published(staff, body);
    }

    @Test
    void onlyExistingSurveysThatAreNotClosedCanBeAttached() {
        String staff = Staff.token();
        long draft = survey(staff, "DRAFT");
        long closed = survey(staff, "CLOSED");
        Map<String, Object> body = ChallengeFixtures.body();
        body.put("preSurveyId", 999_999_999L);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/challenges").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("preSurveyId"));
        body.put("preSurveyId", draft);
        body.put("postSurveyId", closed);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/challenges").then()
                .statusCode(400).body("errors[0].field", equalTo("postSurveyId")).body("detail", containsString("closed"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM challenge WHERE title = ?", body.get("title")));

        body.put("postSurveyId", draft);
        long id = ChallengeFixtures.create(staff, body);
        given().auth().oauth2(staff).get("/api/challenges/" + id).then().statusCode(200)
                .body("preSurveyId", equalTo((int) draft)).body("postSurveyId", equalTo((int) draft));
        assertEquals(draft, Accounts.count(db, "SELECT post_survey_id FROM challenge WHERE id = ?", id));

        // Replacing with a closed survey is refused and changes nothing.
        String etag = given().auth().oauth2(staff).get("/api/challenges/" + id).then().extract().header("ETag");
        body.put("postSurveyId", closed);
        given().auth().oauth2(staff).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .put("/api/challenges/" + id).then().statusCode(400).body("errors[0].field", equalTo("postSurveyId"));
        assertEquals(draft, Accounts.count(db, "SELECT post_survey_id FROM challenge WHERE id = ?", id));
    }

    @Test
    void aParticipantAnswersThePreSurveyWhileItRunsAndThePostSurveyForThirtyDaysAfter() throws Throwable {
        String staff = Staff.token();
        long pre = survey(staff, "PUBLISHED");
        long post = survey(staff, "PUBLISHED");
        long unrelated = survey(staff, "PUBLISHED");
        long id = challenge(staff, pre, post);
        long teen = participant(id);
        long outsider = Accounts.register(Accounts.uniqueEmail("bukan-peserta"));

        SurveyContexts.Context before = resolve(pre, teen, id).orElseThrow();
        assertEquals(Phase.PRE, before.phase());
        assertEquals(id, before.challengeId());
        assertEquals(teen, before.accountId());
        assertNull(before.eventId());
        assertNull(before.registrationId());
        assertEquals("challenge:" + id + ":PRE", before.contextKey());
        assertEquals("TEEN", before.ageGroup(), "born 2010");
        assertTrue(before.minor());
        assertTrue(refused(409, post, teen, id).getMessage().contains("opens when the challenge ends"));
        assertEquals("survey-not-open", refused(409, post, teen, id).slug());
        refused(403, pre, outsider, id);
        refused(401, pre, null, id);
        refused(404, unrelated, teen, id);
        refused(404, pre, teen, 999_999_999L);
        assertTrue(VertxContextSupport.subscribeAndAwait(() -> contexts.resolve(pre,
                new SurveyContexts.Hint(null, teen, 5L, null))).isEmpty(), "no challenge: not this feature's");

        endedDaysAgo(id, 1);
        SurveyContexts.Context after = resolve(post, teen, id).orElseThrow();
        assertEquals(Phase.POST, after.phase());
        assertEquals("challenge:" + id + ":POST", after.contextKey());
        refused(409, pre, teen, id);
        refused(403, post, outsider, id);

        endedDaysAgo(id, 31);
        refused(409, post, teen, id);
    }

    @Test
    void oneSurveyBeforeAndAfterTakesItsPhaseFromTheDate() throws Throwable {
        String staff = Staff.token();
        long both = survey(staff, "PUBLISHED");
        long id = challenge(staff, both, both);
        long teen = participant(id);
        assertEquals(Phase.PRE, resolve(both, teen, id).orElseThrow().phase());
        endedDaysAgo(id, 0); // its last day is today: still running
        assertEquals(Phase.PRE, resolve(both, teen, id).orElseThrow().phase());
        endedDaysAgo(id, 1);
        assertEquals(Phase.POST, resolve(both, teen, id).orElseThrow().phase());
        endedDaysAgo(id, 30);
        assertEquals(Phase.POST, resolve(both, teen, id).orElseThrow().phase());
    }

    @Test
    void eachParticipantIsNotifiedOnceWhenTheChallengeEndsEvenByTwoInstancesAtOnce() throws Throwable {
        String staff = Staff.token();
        long post = survey(staff, "PUBLISHED");
        long ended = challenge(staff, null, post);
        long first = participant(ended);
        long second = participant(ended);
        long running = challenge(staff, null, post);
        long notYet = participant(running);
        long withoutSurvey = challenge(staff, null, null);
        long noSurvey = participant(withoutSurvey);
        long old = challenge(staff, null, post);
        long longAgo = participant(old);
        endedDaysAgo(ended, 1);
        endedDaysAgo(withoutSurvey, 1);
        endedDaysAgo(old, 45);
        String link = "/survei/" + post + "?tantangan=" + ended;

        List<Integer> sent = Concurrently.twice(() -> notices.sendDue());
        for (long account : List.of(first, second)) {
            assertEquals(1, Accounts.count(db, "SELECT count(*) FROM notification WHERE account_id = ? "
                    + "AND kind = 'CHALLENGE_SURVEY' AND link = ?", account, link), "notified once: " + account);
        }
        assertTrue(sent.stream().mapToInt(Integer::intValue).sum() >= 2, "both claimed: " + sent);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM participant WHERE challenge_id = ? "
                + "AND post_survey_noticed_at IS NULL", ended));
        for (long account : List.of(notYet, noSurvey, longAgo)) {
            assertEquals(0, Accounts.count(db, "SELECT count(*) FROM notification WHERE account_id = ? "
                    + "AND kind = 'CHALLENGE_SURVEY'", account), "not notified: " + account);
        }

        VertxContextSupport.subscribeAndAwait(() -> notices.sendDue());
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM notification WHERE kind = 'CHALLENGE_SURVEY' "
                + "AND link = ?", link), "never twice");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM notification WHERE account_id = ? AND link = ?",
                first, link));
    }
}
