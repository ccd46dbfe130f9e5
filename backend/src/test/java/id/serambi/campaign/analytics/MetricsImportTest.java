package id.serambi.campaign.analytics;

import static id.serambi.campaign.CampaignFixtures.markPublished;
import static id.serambi.campaign.CampaignFixtures.variantId;
import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.campaign.CampaignFixtures;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsImportTest {

    @Inject
    AgroalDataSource db;

    private String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A post published on Instagram and X; returns {post id, instagram url, x url}. */
    private Object[] published(String staff) {
        long id = CampaignFixtures.createPost(staff, CampaignFixtures.simplePost());
        String ig = "https://www.instagram.com/p/Ig" + unique() + "/";
        String x = "https://x.com/perpuskotabjb/status/" + Math.abs(UUID.randomUUID().getMostSignificantBits());
        markPublished(db, id, "INSTAGRAM", ig, "2026-11-05T03:00:00Z");
        markPublished(db, id, "X", x, "2026-11-05T04:00:00Z");
        return new Object[] { id, ig, x };
    }

    private long snapshots() {
        return Accounts.count(db, "SELECT count(*) FROM variant_metric");
    }

    @Test
    void ourOwnColumnsByVariantId() {
        String staff = Accounts.tokenFor(db, "STAFF");
        Object[] p = published(staff);
        long post = (long) p[0];
        long ig = variantId(db, post, "INSTAGRAM");
        long x = variantId(db, post, "X");
        String csv = "variantId,impressions,reach,reactions,comments,shares,saves,clicks,videoViews\n"
                + ig + ",1200,950,80,12,9,15,4,\n" + x + ",\"1,000\",,40,3,5,0,2,\n";
        given().auth().oauth2(staff).contentType("text/csv; charset=UTF-8").body(csv).post("/api/metrics/import").then().statusCode(200)
                .body("imported", equalTo(2)).body("rows.line", contains(2, 3));
        given().auth().oauth2(staff).get("/api/posts/" + post).then().statusCode(200)
                .body("variants.find { it.platform == 'INSTAGRAM' }.metrics.engagements", equalTo(120))
                .body("variants.find { it.platform == 'INSTAGRAM' }.metrics.engagementRate", equalTo(0.1f))
                .body("variants.find { it.platform == 'X' }.metrics.impressions", equalTo(1000))
                .body("variants.find { it.platform == 'X' }.metrics.reach", equalTo(null));
    }

    @Test
    void metaBusinessSuiteAndXAnalyticsHeadersMatchByPermalink() {
        String staff = Accounts.tokenFor(db, "STAFF");
        Object[] p = published(staff);
        long post = (long) p[0];
        String igUrl = ((String) p[1]).replace("https://www.", "http://");
        String meta = "\uFEFFPost ID,Page name,Permalink,Publish time,Impressions,Reach,Reactions,Comments,Shares,Saves,"
                + "Link clicks,3-second video views,Description\n"
                + "1790,Perpustakaan Kota Banjarbaru," + igUrl.substring(0, igUrl.length() - 1)
                + ",11/05/2026 11:00,2000,1500,100,20,10,30,40,500,\"Waspada hoaks,\nbaris kedua\"\n";
        given().auth().oauth2(staff).contentType("text/csv; charset=UTF-8").body(meta).post("/api/metrics/import").then().statusCode(200)
                .body("imported", equalTo(1)).body("rows[0].platform", equalTo("INSTAGRAM"));
        String xUrl = ((String) p[2]).replace("https://x.com/", "https://twitter.com/");
        String xCsv = "Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,engagement rate,retweets,replies,"
                + "likes,user profile clicks,url clicks,hashtag clicks,detail expands,media views,promoted impressions\n"
                + "1850,"+ xUrl + ",Cek dulu sebelum berbagi,2026-11-05 04:00 +0000,500,60,0.12,5,6,30,9,4,1,5,0,-\n";
        given().auth().oauth2(staff).contentType("text/csv; charset=UTF-8").body(xCsv).post("/api/metrics/import").then().statusCode(200)
                .body("rows[0].platform", equalTo("X"));
        given().auth().oauth2(staff).get("/api/posts/" + post).then().statusCode(200)
                .body("variants.find { it.platform == 'INSTAGRAM' }.metrics.engagements", equalTo(200))
                .body("variants.find { it.platform == 'INSTAGRAM' }.metrics.videoViews", equalTo(500))
                // X: likes 30 + replies 6 + retweets 5 + url clicks 4 = 45 (X's own "engagements" column is ignored).
                .body("variants.find { it.platform == 'X' }.metrics.engagements", equalTo(45))
                .body("variants.find { it.platform == 'X' }.metrics.source", equalTo("CSV"));
    }

    @Test
    void oneBadRowImportsNothingAndEveryBadRowIsListedWithItsLine() {
        String staff = Accounts.tokenFor(db, "STAFF");
        Object[] p = published(staff);
        long ig = variantId(db, (long) p[0], "INSTAGRAM");
        long x = variantId(db, (long) p[0], "X");
        long before = snapshots();
        String csv = "variantId,publishedUrl,impressions,reach\n"
                + ig + ",,100,90\n"
                + ",https://x.com/siapa/status/1,100,90\n"
                + x + ",,-5,90\n"
                + x + ",,banyak,90\n"
                + "999999999,,1,1\n"
                + ",,1,1\n"
                + ig + ",,1,1,7\n"
                + ig + ",,3,3\n";
        assertProblem(given().auth().oauth2(staff).contentType("text/csv; charset=UTF-8").body(csv).post("/api/metrics/import").then(),
                422, "invalid-csv")
                .body("detail", containsString("nothing was imported"))
                .body("errors.field", contains("line 3", "line 4", "line 5", "line 6", "line 7", "line 8", "line 9"))
                .body("errors[0].message", equalTo("no published post has the URL https://x.com/siapa/status/1"))
                .body("errors[1].message", equalTo("impressions must not be negative (-5)"))
                .body("errors[2].message", equalTo("impressions is not a whole number (banyak)"))
                .body("errors[3].message", equalTo("no variant with id 999999999"))
                .body("errors[4].message", equalTo("needs a variantId or a published URL"))
                .body("errors[5].message", equalTo("has 5 fields; the header has 4"))
                .body("errors[6].message", equalTo("the same post as line 2"));
        assertEquals(before, snapshots());
    }

    @Test
    void unknownColumnsMalformedCsvAndEmptyFilesAre422() {
        String staff = Accounts.tokenFor(db, "STAFF");
        long before = snapshots();
        assertProblem(given().auth().oauth2(staff).contentType("text/csv; charset=UTF-8").body("variantId,impressions,Mood\n1,2,senang\n")
                .post("/api/metrics/import").then(), 422, "invalid-csv")
                .body("errors[0].field", equalTo("line 1")).body("errors[0].message", equalTo("unknown column \"Mood\""));
        assertProblem(given().auth().oauth2(staff).contentType("text/csv; charset=UTF-8").body("variantId,impressions\n999999998,2\n2,\"3\n")
                .post("/api/metrics/import").then(), 422, "invalid-csv")
                .body("errors.field", contains("line 2", "line 3"))
                .body("errors[1].message", containsString("malformed CSV"));
        assertProblem(given().auth().oauth2(staff).contentType("text/csv; charset=UTF-8").body("")
                .post("/api/metrics/import").then(), 422, "invalid-csv");
        assertProblem(given().auth().oauth2(staff).contentType("text/csv; charset=UTF-8").body("impressions,reach\n1,2\n")
                .post("/api/metrics/import").then(), 422, "invalid-csv")
                .body("errors[0].message", containsString("which post"));
        assertEquals(before, snapshots());
        String reviewer = Accounts.tokenFor(db, "REVIEWER");
        assertProblem(given().auth().oauth2(reviewer).contentType("text/csv; charset=UTF-8").body("variantId,impressions\n1,2\n")
                .post("/api/metrics/import").then(), 403, "forbidden");
    }

    @Test
    void aMultipartUploadWorksToo() {
        String staff = Accounts.tokenFor(db, "STAFF");
        Object[] p = published(staff);
        String csv = "Permalink,Impressions,Reach\n" + p[1] + ",10,8\n";
        given().auth().oauth2(staff).multiPart("file", "meta.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/metrics/import").then().statusCode(200).body("imported", equalTo(1));
    }

    @Test
    void jsonSnapshotsForOneVariantAndTheLatestWins() {
        String staff = Accounts.tokenFor(db, "STAFF");
        Object[] p = published(staff);
        long post = (long) p[0];
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("impressions", 100, "reactions", 5))
                .put("/api/posts/" + post + "/variants/instagram/metrics").then().statusCode(200)
                .body("engagements", equalTo(5)).body("source", equalTo("MANUAL"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("impressions", 300, "reactions", 30))
                .put("/api/posts/" + post + "/variants/INSTAGRAM/metrics").then().statusCode(200);
        given().auth().oauth2(staff).get("/api/posts/" + post).then()
                .body("variants.find { it.platform == 'INSTAGRAM' }.metrics.impressions", equalTo(300));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("impressions", -1))
                .put("/api/posts/" + post + "/variants/X/metrics").then(), 400, "validation")
                .body("errors[0].field", equalTo("impressions"));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("impressions", 1))
                .put("/api/posts/" + post + "/variants/FACEBOOK/metrics").then(), 404, "not-found");
        long draft = CampaignFixtures.createPost(staff, CampaignFixtures.simplePost());
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("impressions", 1))
                .put("/api/posts/" + draft + "/variants/X/metrics").then(), 409, "not-published");
    }
}
