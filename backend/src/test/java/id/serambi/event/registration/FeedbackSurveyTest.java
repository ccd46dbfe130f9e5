package id.serambi.event.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import id.serambi.common.ProblemException;
import id.serambi.event.EventFixtures;
import id.serambi.event.messaging.FeedbackRequestJob;
import id.serambi.support.Accounts;
import id.serambi.support.ManageLinks;
import id.serambi.support.Staff;
import id.serambi.survey.SurveyContexts;
import id.serambi.survey.SurveyFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 point 2, after an event: staff attach a feedback survey (never an unknown or closed one); the post-event
 * e-mail then links to the survey with the registration's manage token instead of the fixed form, and the event
 * feature tells the survey who answers through that token (only seat holders, only for this event's survey).
 */
@QuarkusTest
class FeedbackSurveyTest {

    private static final Pattern SURVEY_LINK = Pattern.compile("https://serambi\\.test/survei/(\\d+)\\?token=([A-Za-z0-9_-]{43})");

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    @Inject
    FeedbackRequestJob job;

    @Inject
    FeedbackSurveyContexts contexts;

    private static long survey(String staff, String status) {
        long id = SurveyFixtures.create(staff, SurveyFixtures.survey("Umpan balik " + status));
        if (!status.equals("DRAFT")) {
            given().auth().oauth2(staff).post("/api/surveys/" + id + "/publish").then().statusCode(200);
        }
        if (status.equals("CLOSED")) {
            given().auth().oauth2(staff).post("/api/surveys/" + id + "/close").then().statusCode(200);
        }
        return id;
    }

    private Optional<SurveyContexts.Context> resolve(long surveyId, SurveyContexts.Hint hint) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> contexts.resolve(surveyId, hint));
    }

    private void refused(int status, long surveyId, SurveyContexts.Hint hint) throws Throwable {
        try {
            Optional<SurveyContexts.Context> found = resolve(surveyId, hint);
            fail("expected " + status + " but resolved " + found);
        } catch (ProblemException e) {
            assertEquals(status, e.status(), e.getMessage());
        }
    }

    private static SurveyContexts.Hint token(String token) {
        return new SurveyContexts.Hint(token, null, null, null);
    }

    private List<Mail> requests(String email) {
        List<Mail> all = mailbox.getMailsSentTo(email);
        return all == null ? List.of()
                : all.stream().filter(m -> m.getSubject().startsWith("Bagaimana acaranya? ")).toList();
    }

    private void endedHoursAgo(long eventId, int hours) {
        Accounts.sql(db, "UPDATE event SET starts_at = now() - (? + 2) * interval '1 hour', "
                + "ends_at = now() - ? * interval '1 hour' WHERE id = ?", hours, hours, eventId);
    }

    @Test
    void onlyAnExistingSurveyThatIsNotClosedCanBeAttached() {
        String staff = Staff.token();
        long draft = survey(staff, "DRAFT");
        long closed = survey(staff, "CLOSED");

        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("feedbackSurveyId", 999_999_999L);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/events").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("feedbackSurveyId"));
        body.put("feedbackSurveyId", closed);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/events").then()
                .statusCode(400).body("errors[0].field", equalTo("feedbackSurveyId"))
                .body("detail", org.hamcrest.Matchers.containsString("closed"));
        String title = (String) body.get("title");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM event WHERE title = ?", title), "nothing written");

        body.put("feedbackSurveyId", draft);
        long event = EventFixtures.create(staff, body);
        given().auth().oauth2(staff).get("/api/events/manage/" + event).then().statusCode(200)
                .body("feedbackSurveyId", equalTo((int) draft));
        assertEquals(draft, Accounts.count(db, "SELECT feedback_survey_id FROM event WHERE id = ?", event));

        // A patch to a closed survey is refused and changes nothing; to null it detaches.
        given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, event))
                .contentType("application/merge-patch+json").body(Map.of("feedbackSurveyId", closed))
                .patch("/api/events/" + event).then().statusCode(400).body("errors[0].field", equalTo("feedbackSurveyId"));
        assertEquals(draft, Accounts.count(db, "SELECT feedback_survey_id FROM event WHERE id = ?", event));
        Map<String, Object> detach = new HashMap<>();
        detach.put("feedbackSurveyId", null);
        given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, event))
                .contentType("application/merge-patch+json").body(detach)
                .patch("/api/events/" + event).then().statusCode(200).body("feedbackSurveyId", nullValue());
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM event WHERE id = ? AND feedback_survey_id IS NOT NULL", event));

        // A survey closed after it was attached stays attached through other edits.
        long later = survey(staff, "PUBLISHED");
        given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, event))
                .contentType("application/merge-patch+json").body(Map.of("feedbackSurveyId", later))
                .patch("/api/events/" + event).then().statusCode(200).body("feedbackSurveyId", equalTo((int) later));
        given().auth().oauth2(staff).post("/api/surveys/" + later + "/close").then().statusCode(200);
        given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, event))
                .contentType("application/merge-patch+json").body(Map.of("capacity", 60))
                .patch("/api/events/" + event).then().statusCode(200).body("feedbackSurveyId", equalTo((int) later));
    }

    @Test
    void thePostEventMailLinksToTheSurveyWithTheTokenOrElseToTheFixedForm() throws Throwable {
        String staff = Staff.token();
        long surveyId = survey(staff, "PUBLISHED");
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("feedbackSurveyId", surveyId);
        long withSurvey = EventFixtures.published(staff, body);
        long fixed = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        String surveyed = Accounts.uniqueEmail("survei-umpan");
        String rated = Accounts.uniqueEmail("nilai-umpan");
        JsonPath registration = EventFixtures.register(withSurvey, "Sari", surveyed);
        EventFixtures.register(fixed, "Tono", rated);
        endedHoursAgo(withSurvey, 3);
        endedHoursAgo(fixed, 3);
        VertxContextSupport.subscribeAndAwait(() -> job.sendDueRequests());

        List<Mail> mails = requests(surveyed);
        assertEquals(1, mails.size());
        Matcher link = SURVEY_LINK.matcher(mails.get(0).getText());
        assertTrue(link.find(), mails.get(0).getText());
        assertEquals(surveyId, Long.parseLong(link.group(1)));
        assertTrue(mails.get(0).getHtml().contains("/survei/" + surveyId + "?token="), mails.get(0).getHtml());
        assertFalse(mails.get(0).getText().contains("/acara/pendaftaran/"), "not the fixed form");
        String mailed = link.group(2);
        SurveyContexts.Context context = resolve(surveyId, token(mailed)).orElseThrow();
        assertEquals(withSurvey, context.eventId());
        assertEquals(registration.getLong("id"), context.registrationId());
        assertEquals("event:" + withSurvey, context.contextKey());

        // The manage page offers the survey instead of the fixed form, which refuses.
        given().get("/api/registrations/" + mailed).then().statusCode(200)
                .body("feedbackOpen", equalTo(false))
                .body("feedbackSurveyUrl", equalTo("/survei/" + surveyId + "?token=" + mailed));
        given().contentType(ContentType.JSON).body(Map.of("rating", 5)).post("/api/registrations/" + mailed + "/feedback")
                .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("/feedback-by-survey"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM event_feedback WHERE event_id = ?", withSurvey));

        List<Mail> fixedMails = requests(rated);
        assertEquals(1, fixedMails.size());
        assertTrue(fixedMails.get(0).getText().contains("https://serambi.test/acara/pendaftaran/"), fixedMails.get(0).getText());
        assertFalse(fixedMails.get(0).getText().contains("/survei/"));
        String manage = ManageLinks.fromMail(rated);
        given().get("/api/registrations/" + manage).then().statusCode(200)
                .body("feedbackOpen", equalTo(true)).body("feedbackSurveyUrl", nullValue());
    }

    @Test
    void aTokenGivesTheRegistrationsContextOnlyForASeatHolderOfThisEventsSurvey() throws Throwable {
        String staff = Staff.token();
        long surveyId = survey(staff, "PUBLISHED");
        long other = survey(staff, "PUBLISHED");
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("feedbackSurveyId", surveyId);
        body.put("capacity", 1);
        long event = EventFixtures.published(staff, body);
        long without = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));

        Map<String, Object> teen = new HashMap<>(Map.of("name", "Rani", "email", Accounts.uniqueEmail("rani"),
                "ageGroup", "TEEN"));
        JsonPath seat = ManageLinks.register(event, teen);
        JsonPath waiting = EventFixtures.register(event, "Wawan", Accounts.uniqueEmail("wawan"));
        assertEquals("WAITLISTED", waiting.getString("status"));
        JsonPath elsewhere = EventFixtures.register(without, "Lala", Accounts.uniqueEmail("lala"));
        String cancelled = EventFixtures.register(event, "Cici", Accounts.uniqueEmail("cici")).getString("manageToken");
        given().delete("/api/registrations/" + cancelled).then().statusCode(200);

        // Before the event starts its feedback survey is not open (the registration's page shows no link yet either).
        refused(409, surveyId, token(seat.getString("manageToken")));
        Accounts.sql(db, "UPDATE event SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' "
                + "WHERE id = ?", event);

        SurveyContexts.Context context = resolve(surveyId, token(seat.getString("manageToken"))).orElseThrow();
        assertEquals(event, context.eventId());
        assertEquals(seat.getLong("id"), context.registrationId());
        assertNull(context.challengeId());
        assertNull(context.phase());
        assertNull(context.accountId(), "a registration has no account");
        assertEquals("TEEN", context.ageGroup());
        assertTrue(context.minor());
        assertEquals("event:" + event, context.contextKey());
        // The same with the event named in the link; another event named is a 404.
        assertEquals(context, resolve(surveyId, new SurveyContexts.Hint(seat.getString("manageToken"), null, event, null)).orElseThrow());
        refused(404, surveyId, new SurveyContexts.Hint(seat.getString("manageToken"), null, without, null));

        refused(403, surveyId, token(waiting.getString("manageToken")));
        refused(404, surveyId, token(elsewhere.getString("manageToken")));
        refused(404, other, token(seat.getString("manageToken")));
        refused(404, surveyId, token("A".repeat(43)));
        refused(404, surveyId, token("not-a-token"));
        // Cancelled: no longer a seat holder.
        refused(403, surveyId, token(cancelled));

        // Attended: a seat holder.
        Accounts.sql(db, "UPDATE registration SET status = 'ATTENDED', attended_at = now() WHERE id = ?", seat.getLong("id"));
        assertTrue(resolve(surveyId, token(seat.getString("manageToken"))).isPresent());

        // Shared for the event without a token: the event only, when the survey is its feedback survey.
        SurveyContexts.Context shared = resolve(surveyId, new SurveyContexts.Hint(null, null, event, null)).orElseThrow();
        assertEquals(new SurveyContexts.Context(event, null, null, null, null, null, false, "event:" + event), shared);
        refused(404, surveyId, new SurveyContexts.Hint(null, null, without, null));
        refused(404, surveyId, new SurveyContexts.Hint(null, null, 999_999_999L, null));
        // Not this feature's: no token and no event.
        assertTrue(resolve(surveyId, new SurveyContexts.Hint(null, 5L, null, null)).isEmpty());
        assertTrue(resolve(surveyId, new SurveyContexts.Hint(null, null, null, 3L)).isEmpty());
    }
}
