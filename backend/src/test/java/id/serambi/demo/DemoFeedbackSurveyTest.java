package id.serambi.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.event.DemoEvents;
import id.serambi.support.Accounts;
import id.serambi.survey.DemoSurveys;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The demo's "Umpan balik acara" survey (issue 20): made once, published, with the five questions and the condition,
 * and attached to the demo events as their feedback survey, as DemoData does it.
 */
@QuarkusTest
class DemoFeedbackSurveyTest {

    @Inject
    AgroalDataSource db;

    @Inject
    DemoSurveys surveys;

    @Inject
    DemoEvents events;

    @Test
    void theFeedbackSurveyIsMadeOnceAndAttachedToTheDemoEvents() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> events.ensure());
        DemoSurveys.Ensured first = VertxContextSupport.subscribeAndAwait(() -> surveys.ensureEventFeedback());
        assertTrue(first.created());
        int attached = VertxContextSupport.subscribeAndAwait(() -> events.attachFeedbackSurvey(first.id()));
        DemoSurveys.Ensured again = VertxContextSupport.subscribeAndAwait(() -> surveys.ensureEventFeedback());
        assertFalse(again.created());
        assertEquals(first.id(), again.id());

        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM survey WHERE title_id = 'Umpan balik acara' "
                + "AND status = 'PUBLISHED' AND access = 'MANAGE_LINK' AND one_per_person"));
        assertEquals(5, Accounts.count(db, "SELECT count(*) FROM survey s, jsonb_array_elements(s.sections) sec, "
                + "jsonb_array_elements(sec->'questions') q WHERE s.id = ?", first.id()));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM survey s, jsonb_array_elements(s.sections) sec, "
                + "jsonb_array_elements(sec->'questions') q WHERE s.id = ? AND q->>'key' = 'sumber-lain' "
                + "AND q->'condition'->>'questionKey' = 'sumber-info' AND q->'condition'->>'optionKey' = 'lainnya'",
                first.id()));
        assertTrue(attached >= 5, "the four one-off demo events and the book club's sessions: " + attached);
        assertEquals(attached, Accounts.count(db, "SELECT count(*) FROM event WHERE feedback_survey_id = ?", first.id()));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM event WHERE title = 'Diskusi Buku: Laskar Pelangi' "
                + "AND feedback_survey_id IS NULL"));
        // Attaching again changes nothing: every demo event has its survey.
        assertEquals(0, (int) VertxContextSupport.subscribeAndAwait(() -> events.attachFeedbackSurvey(first.id())));
    }

    @Test
    void theLibrarySurveyIsMadeOnceAnonymousAndOpenToEveryone() throws Throwable {
        DemoSurveys.Ensured first = VertxContextSupport.subscribeAndAwait(() -> surveys.ensureLibrarySurvey());
        DemoSurveys.Ensured again = VertxContextSupport.subscribeAndAwait(() -> surveys.ensureLibrarySurvey());
        assertFalse(again.created());
        assertEquals(first.id(), again.id());
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM survey WHERE title_id = 'Survei layanan perpustakaan' "
                + "AND status = 'PUBLISHED' AND access = 'ANONYMOUS' AND NOT one_per_person"));
        // Its public form answers without a sign-in or a token.
        given().get("/api/surveys/" + first.id() + "/form").then().statusCode(200)
                .body("access", equalTo("ANONYMOUS"))
                .body("sections[0].questions.size()", equalTo(5));
    }
}
