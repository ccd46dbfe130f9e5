package id.serambi.campaign.partners;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import id.serambi.campaign.CampaignFixtures;
import id.serambi.campaign.links.LinkCodes;
import id.serambi.challenge.ChallengeFixtures;
import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import id.serambi.survey.SurveyFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: a partner's tracked links to events, challenges, surveys and the home page; only open targets; a QR code
 * that decodes to the link; deleting a link or the partner takes the click counts along.
 */
@QuarkusTest
class PartnerLinkTest {

    private static final String PUBLIC_URL = "https://serambi.test";

    @Inject
    AgroalDataSource db;

    static Map<String, Object> link(String kind, Long targetId) {
        Map<String, Object> body = new HashMap<>();
        body.put("targetKind", kind);
        if (targetId != null) {
            body.put("targetId", targetId);
        }
        return body;
    }

    private long partner(String staff) {
        return PartnerTest.create(staff, PartnerTest.partner(PartnerTest.unique("Rina Membaca")));
    }

    private JsonPath created(String staff, long partner, Map<String, Object> body) {
        var answer = given().auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                .post("/api/partners/" + partner + "/links").then().statusCode(201).extract();
        long id = CampaignFixtures.followLocation(staff, answer);
        assertTrue(id > 0);
        return answer.jsonPath();
    }

    private long openCampaign(String staff) {
        Map<String, Object> campaign = CampaignFixtures.campaign("Pekan Literasi");
        LocalDate today = ChallengeFixtures.today();
        campaign.put("startsOn", today.minusDays(3).toString());
        campaign.put("endsOn", today.plusDays(20).toString());
        return CampaignFixtures.createCampaign(staff, campaign);
    }

    @Test
    void aPartnerGetsLinksToAnEventAChallengeASurveyAndTheHomePage() {
        String staff = Staff.token();
        long partner = partner(staff);
        Map<String, Object> eventBody = EventFixtures.body(EventFixtures.uniqueDay());
        long event = EventFixtures.published(staff, eventBody);
        Map<String, Object> challengeBody = ChallengeFixtures.body();
        long challenge = ChallengeFixtures.published(staff, challengeBody);
        Map<String, Object> surveyBody = SurveyFixtures.survey("Survei Minat Baca");
        long survey = SurveyFixtures.create(staff, surveyBody);
        long campaign = openCampaign(staff);

        Map<String, Object> toEvent = link("EVENT", event);
        toEvent.put("campaignId", campaign);
        toEvent.put("label", "  Poster di mading sekolah  ");
        JsonPath e = created(staff, partner, toEvent);
        String code = e.getString("code");
        assertTrue(LinkCodes.wellFormed(code), code);
        assertEquals(PUBLIC_URL + "/l/" + code, e.getString("url"));
        assertEquals("EVENT", e.getString("targetKind"));
        assertEquals(event, e.getLong("targetId"));
        assertEquals(eventBody.get("title"), e.getString("targetTitle"));
        assertEquals(campaign, e.getLong("campaignId"));
        assertEquals("Poster di mading sekolah", e.getString("label"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM tracked_link WHERE id = ? AND code = ? AND partner_id = ? "
                + "AND variant_id IS NULL AND target_kind = 'EVENT' AND target_id = ? AND campaign_id = ? "
                + "AND label = 'Poster di mading sekolah'", e.getLong("id"), code, partner, event, campaign));

        JsonPath c = created(staff, partner, link("CHALLENGE", challenge));
        assertEquals(challengeBody.get("title"), c.getString("targetTitle"));
        assertNull(c.get("campaignId"));
        // A draft survey may be linked (the poster is printed before the survey opens).
        JsonPath s = created(staff, partner, link("SURVEY", survey));
        assertEquals(((Map<?, ?>) surveyBody.get("title")).get("id"), s.getString("targetTitle"));
        JsonPath h = created(staff, partner, link("HOME", null));
        assertNull(h.get("targetId"));
        assertNull(h.get("targetTitle"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM tracked_link WHERE id = ? AND target_kind = 'HOME' "
                + "AND target_id IS NULL", h.getLong("id")));
        assertEquals(4, Accounts.count(db, "SELECT count(DISTINCT code) FROM tracked_link WHERE partner_id = ?", partner));

        given().auth().oauth2(staff).get("/api/partners/" + partner + "/links").then().statusCode(200)
                .body("id", equalTo(List.of(h.getInt("id"), s.getInt("id"), c.getInt("id"), e.getInt("id"))))
                .body("targetKind", equalTo(List.of("HOME", "SURVEY", "CHALLENGE", "EVENT")))
                .body("[3].targetTitle", equalTo(eventBody.get("title"))).body("[3].url", equalTo(PUBLIC_URL + "/l/" + code))
                .body("[3].createdAt", notNullValue()).body("[0].targetTitle", nullValue());
        given().auth().oauth2(staff).get("/api/partners/" + partner).then().statusCode(200).body("links", equalTo(4));
    }

    @Test
    void unknownOrClosedTargetsAndCampaignsAreRefusedNamingTheField() {
        String staff = Staff.token();
        long partner = partner(staff);
        long cancelled = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        given().auth().oauth2(staff).post("/api/events/" + cancelled + "/cancel").then().statusCode(200);
        long closedChallenge = ChallengeFixtures.published(staff, ChallengeFixtures.body());
        given().auth().oauth2(staff).post("/api/challenges/" + closedChallenge + "/close").then().statusCode(200);
        long overChallenge = ChallengeFixtures.published(staff, ChallengeFixtures.body());
        Accounts.sql(db, "UPDATE challenge SET starts_on = current_date - 30, ends_on = current_date - 2 WHERE id = ?",
                overChallenge);
        long closedSurvey = SurveyFixtures.create(staff, SurveyFixtures.survey("Survei Lama"));
        given().auth().oauth2(staff).post("/api/surveys/" + closedSurvey + "/publish").then().statusCode(200);
        given().auth().oauth2(staff).post("/api/surveys/" + closedSurvey + "/close").then().statusCode(200);
        long openEvent = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        // CampaignFixtures' campaign ran through November 2026: it is over.
        long endedCampaign = CampaignFixtures.createCampaign(staff, CampaignFixtures.campaign("Kampanye Lalu"));

        Map<String, Map<String, Object>> targetId = new java.util.LinkedHashMap<>();
        targetId.put("unknown event", link("EVENT", 999_999_999L));
        targetId.put("cancelled event", link("EVENT", cancelled));
        targetId.put("unknown challenge", link("CHALLENGE", 999_999_999L));
        targetId.put("closed challenge", link("CHALLENGE", closedChallenge));
        targetId.put("challenge over", link("CHALLENGE", overChallenge));
        targetId.put("unknown survey", link("SURVEY", 999_999_999L));
        targetId.put("closed survey", link("SURVEY", closedSurvey));
        targetId.put("event without id", link("EVENT", null));
        targetId.put("home with an id", link("HOME", openEvent));
        targetId.put("negative id", link("EVENT", -1L));
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        targetId.forEach((name, body) -> cases.put(name + "|targetId", body));
        Map<String, Object> unknownCampaign = link("EVENT", openEvent);
        unknownCampaign.put("campaignId", 999_999_999L);
        cases.put("unknown campaign|campaignId", unknownCampaign);
        Map<String, Object> ended = link("EVENT", openEvent);
        ended.put("campaignId", endedCampaign);
        cases.put("ended campaign|campaignId", ended);
        Map<String, Object> noKind = link("EVENT", openEvent);
        noKind.remove("targetKind");
        cases.put("no kind|targetKind", noKind);
        cases.put("unknown kind|targetKind", link("PAGE", openEvent));
        Map<String, Object> longLabel = link("HOME", null);
        longLabel.put("label", "x".repeat(121));
        cases.put("long label|label", longLabel);

        for (var c : cases.entrySet()) {
            String field = c.getKey().substring(c.getKey().indexOf('|') + 1);
            assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(c.getValue())
                    .post("/api/partners/" + partner + "/links").then(), 400, "validation")
                    .body("errors[0].field", equalTo(field));
        }
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM tracked_link WHERE partner_id = ?", partner));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(link("HOME", null))
                .post("/api/partners/999999999/links").then(), 404, "not-found");
        // The same event with no campaign is fine.
        created(staff, partner, link("EVENT", openEvent));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM tracked_link WHERE partner_id = ?", partner));
    }

    @Test
    void theQrCodeDecodesToTheLinksUrl() throws Exception {
        String staff = Staff.token();
        long partner = partner(staff);
        JsonPath link = created(staff, partner, link("HOME", null));
        String url = PUBLIC_URL + "/l/" + link.getString("code");
        byte[] png = given().auth().oauth2(staff).get("/api/partners/" + partner + "/links/" + link.getLong("id") + "/qr")
                .then().statusCode(200).contentType("image/png").header("Link", equalTo("<" + url + ">; rel=\"alternate\""))
                .extract().asByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
        assertEquals(url, text);
        assertProblem(given().auth().oauth2(staff).get("/api/partners/" + partner + "/links/999999999/qr").then(),
                404, "not-found");
        assertProblem(given().get("/api/partners/" + partner + "/links/" + link.getLong("id") + "/qr").then(),
                401, "unauthenticated");
        assertProblem(given().auth().oauth2(Accounts.tokenFor(db, "MEMBER"))
                .get("/api/partners/" + partner + "/links/" + link.getLong("id") + "/qr").then(), 403, "forbidden");
    }

    @Test
    void aLinkIsReachedOnlyThroughItsOwnPartner() {
        String staff = Staff.token();
        long rina = partner(staff);
        long other = partner(staff);
        long link = created(staff, rina, link("HOME", null)).getLong("id");
        String path = "/api/partners/" + other + "/links/" + link;
        assertProblem(given().auth().oauth2(staff).get(path).then(), 404, "not-found");
        assertProblem(given().auth().oauth2(staff).get(path + "/qr").then(), 404, "not-found");
        assertProblem(given().auth().oauth2(staff).delete(path).then(), 404, "not-found");
        given().auth().oauth2(staff).get("/api/partners/" + other + "/links").then().statusCode(200).body("size()", equalTo(0));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM tracked_link WHERE id = ?", link));
        assertProblem(given().auth().oauth2(staff).get("/api/partners/999999999/links").then(), 404, "not-found");
    }

    @Test
    void deletingALinkOrThePartnerTakesTheClickCountsAlongAndLeavesRegistrationsTheirCode() {
        String staff = Staff.token();
        long partner = partner(staff);
        long event = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        JsonPath first = created(staff, partner, link("EVENT", event));
        JsonPath second = created(staff, partner, link("HOME", null));
        for (JsonPath l : List.of(first, second)) {
            Accounts.sql(db, "INSERT INTO link_click (link_id, day, device, bot, clicks) VALUES (?, current_date, 'MOBILE', false, 7), "
                    + "(?, current_date, 'DESKTOP', true, 2)", l.getLong("id"), l.getLong("id"));
        }
        long registration = EventFixtures.register(event, "Siti Aminah", Accounts.uniqueEmail("siti")).getLong("id");
        Accounts.sql(db, "UPDATE registration SET ref_code = ? WHERE id = ?", first.getString("code"), registration);

        given().auth().oauth2(staff).delete("/api/partners/" + partner + "/links/" + second.getLong("id")).then().statusCode(204);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM tracked_link WHERE id = ?", second.getLong("id")));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM link_click WHERE link_id = ?", second.getLong("id")));
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM link_click WHERE link_id = ?", first.getLong("id")));
        assertProblem(given().auth().oauth2(staff).delete("/api/partners/" + partner + "/links/" + second.getLong("id")).then(),
                404, "not-found");

        given().auth().oauth2(staff).delete("/api/partners/" + partner).then().statusCode(204);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM tracked_link WHERE partner_id = ?", partner));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM link_click WHERE link_id = ?", first.getLong("id")));
        assertEquals(first.getString("code"), Accounts.text(db, "SELECT ref_code FROM registration WHERE id = ?", registration));
        assertProblem(given().auth().oauth2(staff).get("/api/partners/" + partner + "/links").then(), 404, "not-found");
    }

    @Test
    void aCodeThatIsTakenIsDrawnAgain() {
        String staff = Staff.token();
        long partner = partner(staff);
        String taken = created(staff, partner, link("HOME", null)).getString("code");
        String fresh = LinkCodes.generate();
        Deque<String> draws = new ArrayDeque<>(List.of(taken, taken, fresh));
        QuarkusMock.installMockForType(new PartnerLinkCodes() {
            @Override
            public String next() {
                return draws.isEmpty() ? LinkCodes.generate() : draws.poll();
            }
        }, PartnerLinkCodes.class);
        JsonPath link = created(staff, partner, link("HOME", null));
        assertEquals(fresh, link.getString("code"));
        assertNotEquals(taken, link.getString("code"));
        assertTrue(draws.isEmpty(), "drew " + draws);
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM tracked_link WHERE code = ?", taken));
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM tracked_link WHERE partner_id = ?", partner));
    }
}
