package id.serambi.campaign.calendar;

import static id.serambi.campaign.CampaignFixtures.post;
import static id.serambi.campaign.CampaignFixtures.variant;
import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.campaign.CampaignFixtures;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CampaignCalendarTest {

    @Inject
    AgroalDataSource db;

    private long scheduledPost(String staff, String platform, String at, String status) {
        long id = CampaignFixtures.createPost(staff, post(variant(platform, "Unggahan " + at, at)));
        Accounts.sql(db, "UPDATE post SET status = ? WHERE id = ?", status, id);
        return id;
    }

    @Test
    void postsAndEventsInWitaDatesWithGapAndUnderTargetWarnings() {
        String staff = Accounts.tokenFor(db, "STAFF");
        String reviewer = Accounts.tokenFor(db, "REVIEWER");
        // 16:30 UTC on 3 March is 00:30 WITA on 4 March.
        long late = scheduledPost(staff, "INSTAGRAM", "2031-03-03T16:30:00Z", "SCHEDULED");
        scheduledPost(staff, "INSTAGRAM", "2031-03-05T03:00:00Z", "APPROVED");
        scheduledPost(staff, "INSTAGRAM", "2031-03-06T03:00:00Z", "SCHEDULED");
        scheduledPost(staff, "INSTAGRAM", "2031-03-13T03:00:00Z", "SCHEDULED");
        // A draft is on the calendar but does not count for the cadence.
        long draft = scheduledPost(staff, "INSTAGRAM", "2031-03-10T03:00:00Z", "DRAFT");
        Accounts.sql(db, """
                INSERT INTO event (title, description, type, audience, language, starts_at, ends_at, platform, join_url, status)
                VALUES ('Diskusi Buku Kalender', 'Diskusi', 'BOOK_DISCUSSION', 'ALL', 'id', '2031-03-08T11:00:00Z',
                        '2031-03-08T12:30:00Z', 'ZOOM', 'https://zoom.us/j/rahasia', 'PUBLISHED')""");

        JsonPath cal = given().auth().oauth2(reviewer).get("/api/content-calendar?from=2031-03-03&to=2031-03-16").then()
                .statusCode(200).body("timeZone", equalTo("Asia/Makassar")).extract().jsonPath();
        Map<String, Object> first = cal.getMap("items.find { it.postId == " + late + " }");
        assertEquals("2031-03-04", first.get("localDate"));
        assertEquals("00:30", first.get("localTime"));
        assertEquals("INSTAGRAM", first.get("platform"));
        Map<String, Object> event = cal.getMap("items.find { it.kind == 'EVENT' && it.title == 'Diskusi Buku Kalender' }");
        assertEquals("2031-03-08", event.get("localDate"));
        assertEquals("19:00", event.get("localTime"));
        assertEquals(false, cal.getString("items.toString()").contains("zoom.us"));
        assertEquals("DRAFT", cal.getMap("items.find { it.postId == " + draft + " }").get("postStatus"));

        List<Map<String, Object>> instagram = cal.getList("warnings.findAll { it.platform == 'INSTAGRAM' }");
        assertEquals(2, instagram.size(), instagram.toString());
        Map<String, Object> gap = instagram.stream().filter(w -> w.get("kind").equals("GAP")).findFirst().orElseThrow();
        assertEquals("2031-03-07", gap.get("from"));
        assertEquals("2031-03-12", gap.get("to"));
        assertEquals(6, gap.get("days"));
        assertEquals("Instagram: tidak ada unggahan selama 6 hari", gap.get("message"));
        Map<String, Object> under = instagram.stream().filter(w -> w.get("kind").equals("UNDER_TARGET")).findFirst().orElseThrow();
        assertEquals("2031-03-10", under.get("from"));
        assertEquals(1, under.get("posts"));
        assertEquals(3, under.get("target"));

        // X has nothing: one 14-day gap and two weeks under its target of 5.
        List<Map<String, Object>> x = cal.getList("warnings.findAll { it.platform == 'X' }");
        assertEquals(List.of("GAP", "UNDER_TARGET", "UNDER_TARGET"), x.stream().map(w -> w.get("kind")).sorted().toList());
        assertEquals(14, x.stream().filter(w -> w.get("kind").equals("GAP")).findFirst().orElseThrow().get("days"));
    }

    @Test
    void badRangesAndRoles() {
        String staff = Accounts.tokenFor(db, "STAFF");
        String member = Accounts.tokenFor(db, "MEMBER");
        assertProblem(given().auth().oauth2(staff).get("/api/content-calendar?from=2031-03-10&to=2031-03-01").then(), 400, "validation")
                .body("errors.field", hasItem("to"));
        assertProblem(given().auth().oauth2(staff).get("/api/content-calendar?from=2031-03-10").then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).get("/api/content-calendar?from=kemarin&to=2031-03-01").then(), 400, "validation");
        assertProblem(given().auth().oauth2(staff).get("/api/content-calendar?from=2031-01-01&to=2031-12-31").then(), 400, "validation");
        assertProblem(given().auth().oauth2(member).get("/api/content-calendar?from=2031-03-01&to=2031-03-02").then(), 403, "forbidden");
        assertProblem(given().get("/api/content-calendar?from=2031-03-01&to=2031-03-02").then(), 401, "unauthenticated");
    }
}
