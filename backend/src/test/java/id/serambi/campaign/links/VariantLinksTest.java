package id.serambi.campaign.links;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.campaign.CampaignFixtures;
import id.serambi.campaign.posts.CharacterCount;
import id.serambi.social.SocialPlatform;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The links of post variants (issue 22): each variant pointing to an event, a challenge or a survey gets its own
 * tracked link in place of the page's URL, made on the first save and the same on every later one.
 */
@QuarkusTest
class VariantLinksTest {

    private static final String SITE = "https://serambi.test";

    @Inject
    AgroalDataSource db;

    @Test
    void aPostDraftedFromAnEventHasThreeVariantsWithThreeCodesThatLeadToTheEvent() {
        String staff = Accounts.tokenFor(db, "STAFF");
        long event = LinkFixtures.event(db, "Diskusi Buku: Cantik Itu Luka " + UUID.randomUUID().toString().substring(0, 4));
        JsonPath post = given().auth().oauth2(staff).post("/api/posts/draft-from-event/" + event).then().statusCode(201)
                .extract().jsonPath();
        long postId = post.getLong("id");
        assertTrue(post.getString("body").contains(SITE + "/acara/" + event), "the post's shared body keeps the page");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String text = post.getString("variants[" + i + "].text");
            List<Map<String, Object>> links = post.getList("variants[" + i + "].links");
            assertEquals(1, links.size(), post.prettify());
            Map<String, Object> link = links.get(0);
            String code = (String) link.get("code");
            assertTrue(LinkCodes.wellFormed(code), code);
            assertEquals("EVENT", link.get("targetKind"));
            assertEquals((int) event, link.get("targetId"));
            assertEquals(SITE + "/l/" + code, link.get("url"));
            assertTrue(text.contains(SITE + "/l/" + code), text);
            assertFalse(text.contains("/acara/" + event), text);
            codes.add(code);
        }
        assertEquals(3, new HashSet<>(codes).size(), "one link per variant: " + codes);
        assertEquals(3, Accounts.count(db, "SELECT count(DISTINCT l.variant_id) FROM tracked_link l JOIN post_variant v"
                + " ON v.id = l.variant_id WHERE v.post_id = ? AND l.target_kind = 'EVENT' AND l.target_id = ?", postId, event));
        for (String code : codes) {
            LinkFixtures.Answer answer = LinkFixtures.request(RestAssured.port, "GET", "/l/" + code, null);
            assertEquals(302, answer.status());
            assertEquals(SITE + "/acara/" + event + "?ref=" + code, answer.location());
        }

        // X counts the link 23, as any URL (t.co), so the draft still fits
        String x = post.getString("variants[2].text");
        assertEquals("X", post.getString("variants[2].platform"));
        String xLink = SITE + "/l/" + codes.get(2);
        assertEquals(CharacterCount.count(SocialPlatform.FACEBOOK, x.replace(xLink, "")) + CharacterCount.X_URL_LENGTH,
                post.getInt("variants[2].characters"));
        assertTrue(post.getInt("variants[2].characters") <= 280);
        assertEquals(8 + 23, CharacterCount.count(SocialPlatform.X, "Daftar: " + xLink));
    }

    @Test
    void aSecondSaveKeepsEachVariantsCodeAndIsNoChangeOfText() {
        String staff = Accounts.tokenFor(db, "STAFF");
        long event = LinkFixtures.event(db, "Klub Buku Remaja " + UUID.randomUUID().toString().substring(0, 4));
        JsonPath created = given().auth().oauth2(staff).post("/api/posts/draft-from-event/" + event).then().statusCode(201)
                .extract().jsonPath();
        long postId = created.getLong("id");
        List<String> codes = created.getList("variants.links.code");
        long history = Accounts.count(db, "SELECT count(*) FROM post_transition WHERE post_id = ?", postId);

        // saved back as the editor shows it (with the links)
        JsonPath again = put(staff, postId, 0, request(created, false)).jsonPath();
        assertEquals(codes, again.getList("variants.links.code"));
        assertEquals(created.getList("variants.text"), again.getList("variants.text"));
        // saved with the pages' URLs (as a client that kept the first draft would)
        JsonPath third = put(staff, postId, 1, request(created, true)).jsonPath();
        assertEquals(codes, third.getList("variants.links.code"));
        assertEquals(created.getList("variants.text"), third.getList("variants.text"));
        assertEquals(3, Accounts.count(db, "SELECT count(*) FROM tracked_link l JOIN post_variant v ON v.id = l.variant_id"
                + " WHERE v.post_id = ?", postId));
        assertEquals(history, Accounts.count(db, "SELECT count(*) FROM post_transition WHERE post_id = ?", postId),
                "neither save changed the text");
    }

    private static io.restassured.response.Response put(String staff, long postId, int version, Map<String, Object> body) {
        return given().auth().oauth2(staff).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body(body).put("/api/posts/" + postId).then().statusCode(200).extract().response();
    }

    /** The post as a PUT body; with {@code pages}, each variant's links written back as their pages' URLs. */
    private static Map<String, Object> request(JsonPath post, boolean pages) {
        Map<String, Object> body = new HashMap<>();
        body.put("contentType", post.getString("contentType"));
        body.put("body", post.getString("body"));
        body.put("hashtags", post.getList("hashtags"));
        body.put("eventId", post.get("eventId"));
        List<Map<String, Object>> variants = new ArrayList<>();
        for (int i = 0; i < post.getList("variants").size(); i++) {
            String text = post.getString("variants[" + i + "].text");
            if (pages) {
                for (Map<String, Object> link : post.<Map<String, Object>>getList("variants[" + i + "].links")) {
                    text = text.replace((String) link.get("url"), SITE + "/acara/" + link.get("targetId"));
                }
            }
            variants.add(Map.of("platform", post.getString("variants[" + i + "].platform"), "text", text));
        }
        body.put("variants", variants);
        return body;
    }

    @Test
    void challengesAndSurveysGetLinksButOtherUrlsAndTextsWithoutAPageDoNot() {
        String staff = Accounts.tokenFor(db, "STAFF");
        long challenge = LinkFixtures.challenge(db, "Tantangan Tautan");
        long survey = LinkFixtures.survey(db, "Survei Tautan " + UUID.randomUUID());
        long event = LinkFixtures.event(db, "Acara Tautan");
        String facebook = "Ikut tantangan " + SITE + "/tantangan/" + challenge + " lalu isi survei " + SITE + "/survei/"
                + survey + ". Sekali lagi: " + SITE + "/tantangan/" + challenge + "\nTidak ada: " + SITE
                + "/acara/999999999, situs lain: https://contoh.id/acara/" + event + ", halaman lain: " + SITE + "/acara/"
                + event + "/daftar, dengan kueri: " + SITE + "/acara/" + event + "?utm=x";
        String x = "Tanpa tautan halaman, hanya teks. #AyoMembaca";
        Map<String, Object> body = CampaignFixtures.post(CampaignFixtures.variant("FACEBOOK", facebook, null),
                CampaignFixtures.variant("X", x, null));
        JsonPath post = given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/posts").then()
                .statusCode(201).extract().jsonPath();
        assertEquals("FACEBOOK", post.getString("variants[0].platform"));
        List<Map<String, Object>> links = post.getList("variants[0].links");
        assertEquals(2, links.size(), links.toString());
        Map<String, String> codeOf = new HashMap<>();
        links.forEach(l -> codeOf.put((String) l.get("targetKind"), (String) l.get("code")));
        String text = post.getString("variants[0].text");
        String expected = facebook.replace(SITE + "/tantangan/" + challenge, SITE + "/l/" + codeOf.get("CHALLENGE"))
                .replace(SITE + "/survei/" + survey, SITE + "/l/" + codeOf.get("SURVEY"));
        assertEquals(expected, text);
        assertNotEquals(codeOf.get("CHALLENGE"), codeOf.get("SURVEY"));
        assertEquals(SITE + "/tantangan/" + challenge + "?ref=" + codeOf.get("CHALLENGE"),
                LinkFixtures.request(RestAssured.port, "GET", "/l/" + codeOf.get("CHALLENGE"), null).location());
        assertEquals(SITE + "/survei/" + survey + "?ref=" + codeOf.get("SURVEY"),
                LinkFixtures.request(RestAssured.port, "GET", "/l/" + codeOf.get("SURVEY"), null).location());

        assertEquals(x, post.getString("variants[1].text"));
        assertEquals(List.of(), post.getList("variants[1].links"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM tracked_link WHERE variant_id = ?",
                post.getLong("variants[1].id")));
        // the post view lists them too
        assertEquals(2, given().auth().oauth2(staff).get("/api/posts/" + post.getLong("id")).then().statusCode(200)
                .extract().jsonPath().getList("variants[0].links").size());
    }

    @Test
    void aTextTheLinksMakeTooLongIsRefusedNamingItAndNothingIsStored() {
        String staff = Accounts.tokenFor(db, "STAFF");
        long event = LinkFixtures.event(db, "Acara Panjang");
        String page = SITE + "/acara/" + event;
        String instagram = "a".repeat(SocialPlatform.INSTAGRAM.limit() - page.length() - 1) + " " + page; // exactly the limit
        long posts = Accounts.count(db, "SELECT count(*) FROM post");
        long links = Accounts.count(db, "SELECT count(*) FROM tracked_link");
        Map<String, Object> body = CampaignFixtures.post(CampaignFixtures.variant("X", "Daftar: " + page, null),
                CampaignFixtures.variant("INSTAGRAM", instagram, null));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/posts").then(), 400,
                "validation").body("errors[0].field", org.hamcrest.Matchers.equalTo("variants[1].text"));
        assertEquals(posts, Accounts.count(db, "SELECT count(*) FROM post"));
        assertEquals(links, Accounts.count(db, "SELECT count(*) FROM tracked_link"));
    }
}
