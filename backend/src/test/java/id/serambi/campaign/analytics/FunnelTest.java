package id.serambi.campaign.analytics;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.campaign.links.LinkCodes;
import id.serambi.challenge.ChallengeFixtures;
import id.serambi.common.RefCodes;
import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.ManageLinks;
import id.serambi.support.Staff;
import id.serambi.support.Wita;
import id.serambi.support.Xlsx;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 22, the funnel: figures read back from links, clicks and metrics written by SQL (the links helper's tables)
 * and registrations and joinings made through the API with the links' codes. A campaign with an Instagram variant
 * (two links: the event and a challenge), an X variant (one link, too small for rates) and a partner's link filed under
 * it; the event's funnel sees the three links to the event, the partner's funnel its one link.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunnelTest {

    @Inject
    AgroalDataSource db;

    boolean seeded;
    String staff;
    long campaign;
    long event;
    long challenge;
    long partner;
    long instagram;
    long x;
    String partnerName;
    LocalDate today;

    private long insert(String sql, Object... args) {
        return Accounts.count(db, sql, args);
    }

    private long link(String target, long targetId, Long variant, Long partnerId, Long campaignId) {
        return insert("INSERT INTO tracked_link (code, target_kind, target_id, variant_id, partner_id, campaign_id) "
                + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id", LinkCodes.generate(), target, targetId, variant, partnerId,
                campaignId);
    }

    private String code(long link) {
        return Accounts.text(db, "SELECT code FROM tracked_link WHERE id = ?", link);
    }

    private void clicks(long link, LocalDate day, String device, boolean bot, long n) {
        Accounts.sql(db, "INSERT INTO link_click (link_id, day, device, bot, clicks) VALUES (?, ?, ?, ?, ?)", link, day,
                device, bot, n);
    }

    private void register(long eventId, String code, int n) {
        for (int i = 0; i < n; i++) {
            ManageLinks.register(eventId, Map.of("name", "Patron " + i, "email", Accounts.uniqueEmail("corong"),
                    "ref", code));
        }
    }

    @BeforeEach
    void world() {
        if (seeded) {
            return; // one world for the class (PER_CLASS): the tests only read it
        }
        staff = Staff.token();
        today = LocalDate.now(Wita.ZONE);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        campaign = insert("INSERT INTO campaign (title, theme, starts_on, ends_on) VALUES (?, 'LITERACY', current_date, "
                + "current_date + 30) RETURNING id", "Bulan Literasi " + tag);
        java.util.Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("capacity", 8);
        event = EventFixtures.published(staff, body);
        challenge = ChallengeFixtures.published(staff, ChallengeFixtures.body());
        long post = insert("INSERT INTO post (campaign_id, event_id, content_type, body, status) VALUES (?, ?, "
                + "'EVENT_PROMO', '', 'PUBLISHED') RETURNING id", campaign, event);
        // Published as Serambi records it: a permalink with every published variant (the analytics' contract).
        instagram = insert("INSERT INTO post_variant (post_id, platform, text, published_at, published_url) VALUES (?, "
                + "'INSTAGRAM', ?, now(), ?) RETURNING id", post, "Yuk ikut diskusi buku! " + tag,
                "https://www.instagram.com/p/funnel-" + tag);
        x = insert("INSERT INTO post_variant (post_id, platform, text, published_at, published_url) VALUES (?, 'X', ?, "
                + "now(), ?) RETURNING id", post, "Diskusi buku di perpustakaan " + tag, "https://x.com/perpus/status/funnel-" + tag);
        // The latest snapshot counts: 1,000 on Instagram (not 500), 8 on X.
        Accounts.sql(db, "INSERT INTO variant_metric (variant_id, captured_at, source, impressions) VALUES "
                + "(?, now() - interval '2 days', 'API', 500), (?, now() - interval '1 hour', 'API', 1000), "
                + "(?, now(), 'API', 8)", instagram, instagram, x);
        partnerName = "=HYPERLINK(\"http://jahat.example\",\"klik\") " + tag;
        partner = insert("INSERT INTO partner (name, kind, contact) VALUES (?, 'INFLUENCER', 'rahasia@contoh.id') "
                + "RETURNING id", partnerName);

        long igEvent = link("EVENT", event, instagram, null, null);
        long igChallenge = link("CHALLENGE", challenge, instagram, null, null);
        long xEvent = link("EVENT", event, x, null, null);
        long partnerEvent = link("EVENT", event, null, partner, campaign);

        // Instagram's event link: 30 people (20 today, 10 yesterday), 7 bots; X: 4 people; the partner: 12 people, 3 bots.
        clicks(igEvent, today, "MOBILE", false, 15);
        clicks(igEvent, today, "DESKTOP", false, 5);
        clicks(igEvent, today.minusDays(1), "MOBILE", false, 10);
        clicks(igEvent, today, "OTHER", true, 7);
        clicks(igChallenge, today, "MOBILE", false, 6);
        clicks(xEvent, today, "MOBILE", false, 4);
        clicks(partnerEvent, today, "TABLET", false, 12);
        clicks(partnerEvent, today, "OTHER", true, 3);

        // 8 seats: the partner's 2 first, then Instagram's 11 (6 seats, 5 waitlisted); 5 of Instagram's come.
        register(event, code(partnerEvent), 2);
        register(event, code(igEvent), 11);
        Accounts.sql(db, "UPDATE registration SET status = 'ATTENDED', attended_at = now() WHERE id IN (SELECT id FROM "
                + "registration WHERE ref_code = ? AND status = 'CONFIRMED' ORDER BY id LIMIT 5)", code(igEvent));
        // A registration with a code no link has counts nowhere.
        register(event, LinkCodes.generate(), 1);
        // One member joins the challenge through Instagram's challenge link.
        String email = Accounts.uniqueEmail("gabung");
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", Accounts.PASSWORD,
                "displayName", "Remaja Pembaca", "birthYear", 2010)).post("/api/auth/register").then().statusCode(202);
        given().auth().oauth2(Accounts.login(email, Accounts.PASSWORD)).contentType(ContentType.JSON)
                .body(Map.of("nickname", ChallengeFixtures.nickname("Corong"), "ref", code(igChallenge)))
                .post("/api/challenges/" + challenge + "/participants").then().statusCode(201);
        seeded = true;
    }

    private JsonPath get(String path) {
        return given().auth().oauth2(staff).get(path).then().statusCode(200).extract().jsonPath();
    }

    private static void figures(JsonPath f, String at, Long impressions, long clicks, long bots, long registrations,
            long confirmed, long attended, long joined) {
        assertEquals(impressions, f.get(at + ".impressions") == null ? null : f.getLong(at + ".impressions"), at);
        assertEquals(clicks, f.getLong(at + ".clicks"), at);
        assertEquals(bots, f.getLong(at + ".botClicks"), at);
        assertEquals(registrations, f.getLong(at + ".registrations"), at);
        assertEquals(confirmed, f.getLong(at + ".confirmed"), at);
        assertEquals(attended, f.getLong(at + ".attended"), at);
        assertEquals(joined, f.getLong(at + ".joined"), at);
    }

    private static void rates(JsonPath f, String at, Double clickThrough, Double registration, Double confirmation,
            Double attendance) {
        assertEquals(clickThrough, f.get(at + ".clickThrough") == null ? null : f.getDouble(at + ".clickThrough"), at);
        assertEquals(registration, f.get(at + ".registration") == null ? null : f.getDouble(at + ".registration"), at);
        assertEquals(confirmation, f.get(at + ".confirmation") == null ? null : f.getDouble(at + ".confirmation"), at);
        assertEquals(attendance, f.get(at + ".attendance") == null ? null : f.getDouble(at + ".attendance"), at);
    }

    @Test
    void theCampaignsFunnelAddsUpItsLinksWithoutBotsAndWithoutRatesOnSmallNumbers() {
        JsonPath f = get("/api/funnel/campaigns/" + campaign);
        assertEquals("CAMPAIGN", f.getString("scope"));
        assertEquals(campaign, f.getLong("id"));
        assertEquals(10, f.getInt("minimumBase"));
        assertEquals("Asia/Makassar", f.getString("timeZone"));
        // 1,000 + 8 impressions (Instagram's variant counted once for its two links); 30 + 6 + 4 + 12 people.
        figures(f, "totals", 1008L, 52, 10, 13, 8, 5, 1);
        rates(f, "rates", 0.0516, 0.25, 0.6154, null); // attendance: 5 of 8 confirmed, fewer than 10
        assertEquals(List.of("INSTAGRAM", "X"), f.getList("byPlatform.platform"));
        figures(f, "byPlatform[0].totals", 1000L, 36, 7, 11, 6, 5, 1);
        rates(f, "byPlatform[0].rates", 0.036, 0.3056, 0.5455, null);
        figures(f, "byPlatform[1].totals", 8L, 4, 0, 0, 0, 0, 0);
        rates(f, "byPlatform[1].rates", null, null, null, null); // 8 impressions, 4 clicks: too few for any rate
        assertEquals(List.of(instagram, x), f.getList("byVariant.variantId", Long.class));
        assertTrue(f.getString("byVariant[0].excerpt").startsWith("Yuk ikut diskusi buku!"));
        assertEquals("INSTAGRAM", f.getString("byVariant[0].platform"));
        assertEquals(List.of(partner), f.getList("byPartner.partnerId", Long.class));
        assertEquals(partnerName, f.getString("byPartner[0].name"));
        assertEquals("INFLUENCER", f.getString("byPartner[0].kind"));
        figures(f, "byPartner[0].totals", null, 12, 3, 2, 2, 0, 0);
        rates(f, "byPartner[0].rates", null, 0.1667, null, null);
        assertTrue(!f.prettify().contains("rahasia@contoh.id"), "no partner contact in a funnel");
        // Days: yesterday's 10 clicks, today's 42 with every registration and the joining; no impressions by day.
        assertEquals(List.of(today.minusDays(1).toString(), today.toString()), f.getList("byDay.day"));
        figures(f, "byDay[0].totals", null, 10, 0, 0, 0, 0, 0);
        figures(f, "byDay[1].totals", null, 42, 10, 13, 8, 5, 1);
    }

    @Test
    void thePeriodCutsClicksAndRegistrationsByDay() {
        JsonPath f = given().auth().oauth2(staff).queryParam("from", today.toString()).queryParam("to", today.toString())
                .get("/api/funnel/campaigns/" + campaign).then().statusCode(200).extract().jsonPath();
        assertEquals(today.toString(), f.getString("from"));
        figures(f, "totals", 1008L, 42, 10, 13, 8, 5, 1);
        JsonPath before = given().auth().oauth2(staff).queryParam("to", today.minusDays(1).toString())
                .get("/api/funnel/campaigns/" + campaign).then().statusCode(200).extract().jsonPath();
        figures(before, "totals", 1008L, 10, 0, 0, 0, 0, 0);
        assertNull(before.get("from"));
    }

    @Test
    void theEventsFunnelHasEveryLinkToTheEvent() {
        JsonPath f = get("/api/funnel/events/" + event);
        assertEquals("EVENT", f.getString("scope"));
        figures(f, "totals", 1008L, 46, 10, 13, 8, 5, 0);
        figures(f, "byPlatform[0].totals", 1000L, 30, 7, 11, 6, 5, 0);
        assertEquals(List.of(partner), f.getList("byPartner.partnerId", Long.class));
    }

    @Test
    void thePartnersFunnelHasTheirLinksOnly() {
        JsonPath f = get("/api/partners/" + partner + "/funnel");
        assertEquals("PARTNER", f.getString("scope"));
        assertEquals(partnerName, f.getString("title"));
        figures(f, "totals", null, 12, 3, 2, 2, 0, 0);
        rates(f, "rates", null, 0.1667, null, null);
        assertEquals(List.of(), f.getList("byPlatform"));
        assertEquals(List.of(), f.getList("byVariant"));
        assertEquals(1, f.getList("byPartner").size());
    }

    @Test
    void unknownScopesAre404AndBadDatesA400NamingThem() {
        assertProblem(given().auth().oauth2(staff).get("/api/funnel/campaigns/987654321").then(), 404, "not-found");
        assertProblem(given().auth().oauth2(staff).get("/api/funnel/events/987654321").then(), 404, "not-found");
        assertProblem(given().auth().oauth2(staff).get("/api/partners/987654321/funnel").then(), 404, "not-found");
        assertProblem(given().auth().oauth2(staff).get("/api/partners/987654321/funnel.csv").then(), 404, "not-found");
        assertProblem(given().auth().oauth2(staff).queryParam("from", "2026-13-01")
                .get("/api/funnel/campaigns/" + campaign).then(), 400, "validation")
                .body("errors[0].field", equalTo("from"));
        assertProblem(given().auth().oauth2(staff).queryParam("to", "kemarin")
                .get("/api/funnel/events/" + event + "/funnel.csv").then(), 400, "validation")
                .body("errors[0].field", equalTo("to"));
        assertProblem(given().auth().oauth2(staff).queryParam("from", "2026-12-10").queryParam("to", "2026-12-01")
                .get("/api/partners/" + partner + "/funnel").then(), 400, "validation")
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void onlyStaffAndAdminsSeeAFunnel() {
        String member = Accounts.tokenFor(db, "MEMBER");
        String reviewer = Accounts.tokenFor(db, "REVIEWER");
        for (String path : List.of("/api/funnel/campaigns/" + campaign, "/api/funnel/events/" + event + "/funnel.csv",
                "/api/partners/" + partner + "/funnel", "/api/partners/" + partner + "/funnel.xlsx")) {
            assertProblem(given().auth().oauth2(member).get(path).then(), 403, "forbidden");
            assertProblem(given().auth().oauth2(reviewer).get(path).then(), 403, "forbidden");
            assertProblem(given().get(path).then(), 401, "unauthenticated");
        }
        given().auth().oauth2(Accounts.tokenFor(db, "ADMIN")).get("/api/partners/" + partner + "/funnel")
                .then().statusCode(200);
    }

    @Test
    void theCsvParsesBackWithTheNamesAsText() throws IOException {
        var answer = given().auth().oauth2(staff).get("/api/funnel/campaigns/" + campaign + "/funnel.csv").then()
                .statusCode(200).header("Content-Disposition", equalTo("attachment; filename=\"corong-kampanye-"
                        + campaign + ".csv\"")).extract();
        assertTrue(answer.contentType().startsWith("text/csv"), answer.contentType());
        String text = answer.asString();
        assertEquals('\uFEFF', text.charAt(0));
        List<CSVRecord> rows = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        CSVRecord total = rows.get(0);
        assertEquals("total", total.get("section"));
        assertEquals("1008", total.get("impressions"));
        assertEquals("52", total.get("clicks"));
        assertEquals("10", total.get("botClicks"));
        assertEquals("13", total.get("registrations"));
        assertEquals("0.25", total.get("registrationRate"));
        assertEquals("", total.get("attendanceRate"), "no rate under 10");
        List<String> sections = new ArrayList<>();
        rows.forEach(r -> sections.add(r.get("section")));
        assertEquals(List.of("total", "platform", "platform", "variant", "variant", "partner", "day", "day"), sections);
        CSVRecord partnerRow = rows.get(5);
        assertEquals("'" + partnerName, partnerRow.get("label"), "a formula-like name is neutralised");
        assertEquals("12", partnerRow.get("clicks"));
        assertEquals(today.toString(), rows.get(7).get("key"));
    }

    @Test
    void theExcelFileParsesBackWithTheNamesAsTextCells() {
        byte[] file = given().auth().oauth2(staff).get("/api/partners/" + partner + "/funnel.xlsx").then()
                .statusCode(200).contentType(Xlsx.MEDIA_TYPE).extract().asByteArray();
        List<Row> rows = Xlsx.rows(file);
        assertEquals("Bagian", rows.get(0).getCellText(0));
        assertEquals("Klik", rows.get(0).getCellText(5));
        assertEquals("Total", rows.get(1).getCellText(0));
        assertEquals(partnerName, rows.get(1).getCellText(2));
        assertEquals(CellType.STRING, rows.get(1).getCell(2).getType(), "the name is a text cell, never a formula");
        assertEquals("12", rows.get(1).getCellText(5));
        assertEquals(CellType.NUMBER, rows.get(1).getCell(5).getType());
        Row partnerRow = rows.get(2);
        assertEquals("Mitra", partnerRow.getCellText(0));
        assertEquals(partnerName, partnerRow.getCellText(2));
        assertEquals(CellType.STRING, partnerRow.getCell(2).getType());
        assertEquals("Hari", rows.get(3).getCellText(0));
    }

    @Test
    void aRefHasTheShapeOfALinkCode() {
        assertEquals(LinkCodes.REGEX, RefCodes.REGEX, "common/RefCodes must follow campaign/links/LinkCodes");
        for (int i = 0; i < 100; i++) {
            assertTrue(LinkCodes.generate().matches(RefCodes.REGEX));
        }
    }
}
