package id.serambi.survey.results;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.serambi.campaign.CampaignFixtures;
import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import id.serambi.survey.SurveyFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 on the campaign dashboard: the satisfaction of the events a campaign's posts promoted (post.event_id),
 * from the survey responses naming them (survey_response.event_id), through SurveySatisfaction.
 */
@QuarkusTest
class CampaignSatisfactionTest {

    @Inject
    AgroalDataSource db;

    @Test
    void theDashboardShowsThePromotedEventsSatisfaction() {
        String staff = Staff.token();
        long campaign = CampaignFixtures.createCampaign(staff, CampaignFixtures.campaign("Kampanye kepuasan"));
        Map<String, Object> first = EventFixtures.body(EventFixtures.uniqueDay());
        long rated = EventFixtures.published(staff, first);
        long quiet = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        long notPromoted = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        for (long event : List.of(rated, quiet)) {
            Map<String, Object> post = CampaignFixtures.simplePost();
            post.put("campaignId", campaign);
            post.put("eventId", event);
            CampaignFixtures.createPost(staff, post);
        }
        long survey = SurveyFixtures.create(staff, SurveyFixtures.survey("Survei kepuasan " + UUID.randomUUID()));
        long other = SurveyFixtures.create(staff, SurveyFixtures.survey("Survei lain " + UUID.randomUUID()));
        // rated: scale 5, 4, 3 (mean 4.0); NPS 10, 9, 2 (2 promoters, 1 detractor of 3: 33.3); a 4th response without either.
        insert(survey, rated, "{\"datang\":\"ya\",\"puas\":5,\"nps\":10}");
        insert(survey, rated, "{\"datang\":\"ya\",\"puas\":4,\"nps\":9}");
        insert(survey, rated, "{\"datang\":\"tidak\",\"puas\":3,\"nps\":2}");
        insert(other, rated, "{\"datang\":\"ya\",\"nama\":\"x\"}");
        insert(survey, notPromoted, "{\"datang\":\"ya\",\"puas\":1,\"nps\":0}");

        JsonPath a = given().auth().oauth2(staff).get("/api/analytics?from=2040-01-01&to=2040-01-31&campaignId=" + campaign)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of((int) rated, (int) quiet), a.getList("satisfaction.eventId"));
        assertEquals(first.get("title"), a.getString("satisfaction[0].eventTitle"));
        assertEquals((int) campaign, a.getInt("satisfaction[0].campaignId"));
        assertEquals(4, a.getInt("satisfaction[0].responses"));
        assertEquals(3, a.getInt("satisfaction[0].scaleAnswers"));
        assertEquals(4.0, a.getDouble("satisfaction[0].meanScale"), 1e-6);
        assertEquals(3, a.getInt("satisfaction[0].npsAnswers"));
        assertEquals(33.3, a.getDouble("satisfaction[0].nps"), 1e-6);
        assertEquals(0, a.getInt("satisfaction[1].responses"));
        assertNull(a.get("satisfaction[1].meanScale"));
        assertNull(a.get("satisfaction[1].nps"));
    }

    private void insert(long survey, long event, String answers) {
        Accounts.sql(db, "INSERT INTO survey_response (survey_id, event_id, answers) VALUES (?, ?, ?::jsonb)", survey, event, answers);
    }
}
