package id.serambi.campaign.planning;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.campaign.CampaignFixtures;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CampaignResourceTest {

    @Inject
    AgroalDataSource db;

    @Test
    void staffPlanACampaignWithKpisAndReviewersReadIt() {
        String staff = Accounts.tokenFor(db, "STAFF");
        String reviewer = Accounts.tokenFor(db, "REVIEWER");
        Map<String, Object> body = CampaignFixtures.campaign("Waspada Hoaks");
        long id = given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/campaigns")
                .then().statusCode(201)
                .body("theme", equalTo("CYBER_SAFETY"))
                .body("platforms", contains("INSTAGRAM"))
                .body("kpiTargets.metric", contains("ENGAGEMENT_RATE", "IMPRESSIONS"))
                .extract().jsonPath().getLong("id");
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM campaign_kpi WHERE campaign_id = ?", id));

        body.put("platforms", List.of("X", "INSTAGRAM"));
        body.put("kpiTargets", List.of(Map.of("metric", "POSTS", "target", 12)));
        given().auth().oauth2(staff).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                .put("/api/campaigns/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("platforms", contains("INSTAGRAM", "X"))
                .body("kpiTargets.metric", contains("POSTS")).body("version", equalTo(1));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM campaign_kpi WHERE campaign_id = ?", id));

        given().auth().oauth2(reviewer).get("/api/campaigns/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("title", equalTo(body.get("title"))).body("kpiTargets[0].target", equalTo(12));
        given().auth().oauth2(reviewer).get("/api/campaigns").then().statusCode(200).body("id", hasItem((int) id));
    }

    @Test
    void aStaleOrMissingVersionChangesNothing() {
        String staff = Accounts.tokenFor(db, "STAFF");
        Map<String, Object> body = CampaignFixtures.campaign("Versi");
        long id = CampaignFixtures.createCampaign(staff, body);
        Map<String, Object> first = new java.util.HashMap<>(body);
        first.put("goal", "Versi Rina");
        given().auth().oauth2(staff).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(first)
                .put("/api/campaigns/" + id).then().statusCode(200).body("version", equalTo(1));

        Map<String, Object> late = new java.util.HashMap<>(body);
        late.put("goal", "Versi Dedi");
        assertProblem(given().auth().oauth2(staff).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(late)
                .put("/api/campaigns/" + id).then(), 412, "stale-version").header("ETag", "\"1\"");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(late)
                .put("/api/campaigns/" + id).then(), 428, "version-required");
        assertProblem(given().auth().oauth2(staff).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(late)
                .put("/api/campaigns/999999").then(), 404, "not-found");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM campaign WHERE id = ? AND goal = 'Versi Rina' AND version = 1", id));
    }

    @Test
    void rolesAndBadInput() {
        String staff = Accounts.tokenFor(db, "STAFF");
        String reviewer = Accounts.tokenFor(db, "REVIEWER");
        String member = Accounts.tokenFor(db, "MEMBER");
        Map<String, Object> body = CampaignFixtures.campaign("Peran");
        assertProblem(given().contentType(ContentType.JSON).body(body).post("/api/campaigns").then(), 401, "unauthenticated");
        assertProblem(given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(body).post("/api/campaigns").then(),
                403, "forbidden");
        assertProblem(given().auth().oauth2(member).get("/api/campaigns").then(), 403, "forbidden");

        body.put("endsOn", "2026-10-01");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/campaigns").then(),
                400, "validation").body("errors[0].field", equalTo("endsOn"));
        Map<String, Object> twice = CampaignFixtures.campaign("Dua kali");
        twice.put("kpiTargets", List.of(Map.of("metric", "POSTS", "target", 3), Map.of("metric", "POSTS", "target", 4)));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(twice).post("/api/campaigns").then(),
                400, "validation").body("errors[0].field", equalTo("kpiTargets[1].metric"));
        Map<String, Object> theme = CampaignFixtures.campaign("Tema");
        theme.put("theme", "GOSSIP");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(theme).post("/api/campaigns").then(),
                400, "validation").body("errors[0].field", equalTo("theme"));
        assertProblem(given().auth().oauth2(staff).get("/api/campaigns/999999").then(), 404, "not-found");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM campaign WHERE title LIKE 'Dua kali%' OR title LIKE 'Tema%'"));
    }
}
