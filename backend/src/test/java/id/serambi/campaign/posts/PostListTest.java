package id.serambi.campaign.posts;

import static id.serambi.campaign.CampaignFixtures.post;
import static id.serambi.campaign.CampaignFixtures.variant;
import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import id.serambi.campaign.CampaignFixtures;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PostListTest {

    @Inject
    AgroalDataSource db;

    private long scheduled(String staff, long campaign, String scheduledAt) {
        Map<String, Object> body = post(variant("INSTAGRAM", "Unggahan " + scheduledAt, scheduledAt));
        body.put("campaignId", campaign);
        return CampaignFixtures.createPost(staff, body);
    }

    @Test
    void filtersByCampaignStatusAndWitaDatesNewestFirstWithPaging() {
        String staff = Accounts.tokenFor(db, "STAFF");
        long campaign = CampaignFixtures.createCampaign(staff, CampaignFixtures.campaign("Daftar"));
        // 16:30 UTC on 31 May is 00:30 WITA on 1 June.
        long june1 = scheduled(staff, campaign, "2033-05-31T16:30:00Z");
        long may31 = scheduled(staff, campaign, "2033-05-31T15:30:00Z");
        long june2 = scheduled(staff, campaign, "2033-06-02T03:00:00Z");
        given().auth().oauth2(staff).post("/api/posts/" + june2 + "/submit").then().statusCode(200);

        given().auth().oauth2(staff).get("/api/posts?campaignId=" + campaign).then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", contains((int) june2, (int) may31, (int) june1));
        given().auth().oauth2(staff).get("/api/posts?campaignId=" + campaign + "&from=2033-06-01&to=2033-06-30").then()
                .body("total", equalTo(2)).body("items.id", contains((int) june2, (int) june1));
        given().auth().oauth2(staff).get("/api/posts?campaignId=" + campaign + "&to=2033-05-31").then()
                .body("items.id", contains((int) may31));
        given().auth().oauth2(staff).get("/api/posts?campaignId=" + campaign + "&status=IN_REVIEW").then()
                .body("items.id", contains((int) june2));
        given().auth().oauth2(staff).get("/api/posts?campaignId=" + campaign + "&size=2&page=1").then()
                .body("total", equalTo(3)).body("size", equalTo(2)).body("items.id", contains((int) june1));
        given().auth().oauth2(staff).get("/api/posts?campaignId=" + campaign + "&size=500").then()
                .body("size", equalTo(100));
    }

    @Test
    void filtersByPlatformAndRejectsAnUnknownOne() {
        String staff = Accounts.tokenFor(db, "STAFF");
        long campaign = CampaignFixtures.createCampaign(staff, CampaignFixtures.campaign("Platform"));
        Map<String, Object> both = post(variant("INSTAGRAM", "Dua platform", null), variant("X", "Dua platform", null));
        both.put("campaignId", campaign);
        long instagramAndX = CampaignFixtures.createPost(staff, both);
        long instagramOnly = scheduled(staff, campaign, "2033-06-02T03:00:00Z");

        given().auth().oauth2(staff).get("/api/posts?campaignId=" + campaign + "&platform=X").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains((int) instagramAndX));
        given().auth().oauth2(staff).get("/api/posts?campaignId=" + campaign + "&platform=instagram").then()
                .body("total", equalTo(2)).body("items.id", contains((int) instagramOnly, (int) instagramAndX));
        given().auth().oauth2(staff).get("/api/posts?campaignId=" + campaign + "&platform=FACEBOOK").then()
                .body("total", equalTo(0));
        assertProblem(given().auth().oauth2(staff).get("/api/posts?platform=TIKTOK").then(), 400, "validation")
                .body("errors[0].field", equalTo("platform"));
    }

    @Test
    void aPageOrSizeThatIsNotANumberIsA400NamingIt() {
        String staff = Accounts.tokenFor(db, "STAFF");
        for (String parameter : java.util.List.of("page", "size")) {
            assertProblem(given().auth().oauth2(staff).get("/api/posts?" + parameter + "=abc").then(), 400, "validation")
                    .body("errors[0].field", equalTo(parameter));
        }
        assertProblem(given().auth().oauth2(staff).get("/api/posts?campaignId=abc&from=kemarin").then(), 400, "validation")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("campaignId", "from"));
        assertProblem(given().auth().oauth2(staff).get("/api/posts?status=LOST").then(), 400, "validation")
                .body("errors[0].field", equalTo("status"));
    }
}
