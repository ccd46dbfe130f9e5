package id.serambi.campaign.posts;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.campaign.CampaignFixtures;
import id.serambi.social.SocialPlatform;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import id.serambi.survey.SurveyFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 20, point 2 "standalone": a post drafted from a published survey invites people to answer at its public link. */
@QuarkusTest
class PostDraftFromSurveyTest {

    @Inject
    AgroalDataSource db;

    private static long survey(String staff, String title, String access, boolean publish) {
        Map<String, Object> body = SurveyFixtures.survey(title);
        body.put("access", access);
        long id = SurveyFixtures.create(staff, body);
        if (publish) {
            given().auth().oauth2(staff).post("/api/surveys/" + id + "/publish").then().statusCode(200);
        }
        return id;
    }

    private long posts() {
        return Accounts.count(db, "SELECT count(*) FROM post");
    }

    @Test
    void aPublishedSurveyGivesADraftWithItsPublicLinkOnEveryPlatform() {
        String staff = Staff.token();
        String title = "Survei Kepuasan Pemustaka " + UUID.randomUUID().toString().substring(0, 6);
        long id = survey(staff, title, "ANONYMOUS", true);
        String link = "https://serambi.test/survei/" + id;
        var created = given().auth().oauth2(staff).post("/api/posts/draft-from-survey/" + id).then().statusCode(201)
                .header("ETag", equalTo("\"0\"")).body("status", equalTo("DRAFT")).body("contentType", equalTo("ANNOUNCEMENT"))
                .body("variants.platform", org.hamcrest.Matchers.contains("FACEBOOK", "INSTAGRAM", "X"))
                .body("body", containsString(title)).body("body", containsString(link))
                // each variant carries its own tracked link to the survey (issue 22, VariantLinksTest)
                .body("variants[0].text", containsString("https://serambi.test/l/"))
                .body("variants[1].text", containsString("https://serambi.test/l/"))
                .body("variants[2].text", containsString("https://serambi.test/l/"))
                .body("variants.links.targetKind", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.contains("SURVEY")))
                .body("variants.links.targetId", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.contains((int) id)))
                .body("variants[2].text", containsString(title))
                .body("variants[2].characters", lessThanOrEqualTo(280)).extract();
        long postId = CampaignFixtures.followLocation(staff, created);
        assertEquals("DRAFT", Accounts.text(db, "SELECT status FROM post WHERE id = ?", postId));
        assertEquals(3, Accounts.count(db, "SELECT count(*) FROM post_variant WHERE post_id = ?", postId));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM post_variant v JOIN tracked_link l ON l.variant_id = v.id"
                + " WHERE v.post_id = ? AND v.platform = 'X' AND l.target_kind = 'SURVEY' AND l.target_id = ?"
                + " AND v.text LIKE '%/l/' || l.code || '%'", postId, id));

        long account = survey(staff, "Survei Akun " + UUID.randomUUID(), "ACCOUNT", true);
        given().auth().oauth2(staff).post("/api/posts/draft-from-survey/" + account).then().statusCode(201)
                .body("body", containsString("https://serambi.test/survei/" + account)).body("body", containsString("akun"));
    }

    @Test
    void aLongTitleFullOfEmojiIsShortenedUntilXItselfWouldCountAtMost280() {
        String staff = Staff.token();
        String title = "📚🎉 Survei " + "Perpustakaan Kota 📖 ".repeat(20);
        long id = survey(staff, title.strip(), "ANONYMOUS", true);
        String x = given().auth().oauth2(staff).post("/api/posts/draft-from-survey/" + id).then().statusCode(201)
                .body("variants[2].characters", lessThanOrEqualTo(280)).extract().path("variants[2].text");
        assertTrue(CharacterCount.xWeighted(x) <= 280, x + " weighs " + CharacterCount.xWeighted(x));
        assertTrue(CharacterCount.xWeighted(x) > 250, "shortened no more than needed: " + x);
        assertTrue(x.contains("https://serambi.test/l/") && x.contains("…"), x); // its tracked link to the survey
        // The weighting itself: a link 23, a Latin letter 1, an emoji or a CJK character 2.
        assertEquals(23 + 1 + 2 + 2 + 1, CharacterCount.xWeighted("https://example.org/" + "x".repeat(40) + " 📚漢a"));
        assertEquals(CharacterCount.count(SocialPlatform.X, "Ayo isi survei — “terima kasih”"),
                CharacterCount.xWeighted("Ayo isi survei — “terima kasih”"));
    }

    @Test
    void onlyAPublishedSurveyAnyoneMayOpenCanBeShared() {
        String staff = Staff.token();
        long draft = survey(staff, "Draf " + UUID.randomUUID(), "ANONYMOUS", false);
        long closed = survey(staff, "Tutup " + UUID.randomUUID(), "ANONYMOUS", true);
        given().auth().oauth2(staff).post("/api/surveys/" + closed + "/close").then().statusCode(200);
        long manage = survey(staff, "Kelola " + UUID.randomUUID(), "MANAGE_LINK", true);
        long before = posts();

        assertProblem(given().auth().oauth2(staff).post("/api/posts/draft-from-survey/" + draft).then(), 409, "survey-not-open")
                .body("detail", containsString("DRAFT"));
        assertProblem(given().auth().oauth2(staff).post("/api/posts/draft-from-survey/" + closed).then(), 409, "survey-not-open")
                .body("detail", containsString("CLOSED"));
        assertProblem(given().auth().oauth2(staff).post("/api/posts/draft-from-survey/" + manage).then(), 409, "survey-not-shareable");
        assertProblem(given().auth().oauth2(staff).post("/api/posts/draft-from-survey/999999999").then(), 404, "not-found");
        assertProblem(given().auth().oauth2(Accounts.tokenFor(db, "REVIEWER")).post("/api/posts/draft-from-survey/" + draft).then(),
                403, "forbidden");
        assertProblem(given().post("/api/posts/draft-from-survey/" + draft).then(), 401, "unauthenticated");
        assertEquals(before, posts(), "no post was written");
    }
}
