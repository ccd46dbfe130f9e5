package id.serambi.campaign.posts;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.campaign.CampaignFixtures;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PostDraftTest {

    @Inject
    AgroalDataSource db;

    private long id(String sql, Object... args) {
        return Accounts.count(db, sql, args);
    }

    @Test
    void aPromotionFromAnEventHasItsWitaDateAndPublicLinkButNeverTheJoinLink() {
        String staff = Accounts.tokenFor(db, "STAFF");
        long eventId = id("""
                INSERT INTO event (title, description, type, audience, language, starts_at, ends_at, platform, join_url, status)
                VALUES ('Diskusi Buku: Laut Bercerita', 'Membahas novel Leila S. Chudori bersama komunitas pembaca.',
                        'BOOK_DISCUSSION', 'ALL', 'id', '2031-05-10T11:00:00Z', '2031-05-10T12:30:00Z', 'ZOOM',
                        'https://zoom.us/j/rahasia-123', 'PUBLISHED') RETURNING id""");
        String body = given().auth().oauth2(staff).post("/api/posts/draft-from-event/" + eventId).then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("contentType", equalTo("EVENT_PROMO"))
                .body("eventId", equalTo((int) eventId))
                .body("variants.platform", org.hamcrest.Matchers.contains("FACEBOOK", "INSTAGRAM", "X"))
                .body("variants[2].characters", lessThanOrEqualTo(280))
                .body("body", containsString("Sabtu, 10 Mei 2031 pukul 19.00 WITA"))
                .body("body", containsString("https://serambi.test/acara/" + eventId))
                // each variant carries its own tracked link to the page (issue 22, VariantLinksTest)
                .body("variants[2].text", containsString("https://serambi.test/l/"))
                .body("variants[2].links[0].targetId", equalTo((int) eventId))
                .extract().asString();
        CampaignFixtures.followLocation(staff, given().auth().oauth2(staff)
                .post("/api/posts/draft-from-event/" + eventId).then().statusCode(201).extract());
        assertTrue(!body.contains("zoom.us"), body);

        assertProblem(given().auth().oauth2(staff).post("/api/posts/draft-from-event/999999").then(), 404, "not-found");
        String reviewer = Accounts.tokenFor(db, "REVIEWER");
        assertProblem(given().auth().oauth2(reviewer).post("/api/posts/draft-from-event/" + eventId).then(), 403, "forbidden");
    }

    @Test
    void aLeaderboardHighlightNamesTheTopThreeByNicknameOnly() {
        String staff = Accounts.tokenFor(db, "STAFF");
        long challengeId = id("""
                INSERT INTO challenge (title, audience, starts_on, ends_on, goal_type, goal_value, points_per_book, status)
                VALUES ('Tantangan Draf', 'TEENS', '2031-05-01', '2031-05-31', 'BOOKS', 10, 10, 'PUBLISHED') RETURNING id""");
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        Object[][] board = { { "Sembunyi" + suffix, 500, true }, { "Juara" + suffix, 300, false },
                { "Kedua" + suffix, 200, false }, { "Ketiga" + suffix, 100, false }, { "Keempat" + suffix, 50, false } };
        for (Object[] p : board) {
            Accounts.sql(db, "INSERT INTO participant (challenge_id, nickname, points, hidden) VALUES (?, ?, ?, ?)",
                    challengeId, p[0], p[1], p[2]);
        }
        var created = given().auth().oauth2(staff).post("/api/posts/draft-from-challenge/" + challengeId).then()
                .statusCode(201).body("contentType", equalTo("CHALLENGE_UPDATE"))
                .body("challengeId", equalTo((int) challengeId))
                .body("body", not(containsString("Sembunyi"))).body("body", not(containsString("Keempat")))
                .extract();
        CampaignFixtures.followLocation(staff, created);
        String text = created.jsonPath().getString("body");
        assertTrue(text.indexOf("Juara" + suffix + " — 300 poin") < text.indexOf("Kedua" + suffix)
                && text.indexOf("Kedua" + suffix) < text.indexOf("Ketiga" + suffix), text);

        long empty = id("""
                INSERT INTO challenge (title, audience, starts_on, ends_on, goal_type, goal_value, points_per_book)
                VALUES ('Kosong', 'TEENS', '2031-05-01', '2031-05-31', 'BOOKS', 10, 10) RETURNING id""");
        assertProblem(given().auth().oauth2(staff).post("/api/posts/draft-from-challenge/" + empty).then(), 409, "empty-board");
    }

    @Test
    void aReviewNeedsTheReadersConsentAndIsCreditedByNickname() {
        String staff = Accounts.tokenFor(db, "STAFF");
        long challengeId = id("""
                INSERT INTO challenge (title, audience, starts_on, ends_on, goal_type, goal_value, points_per_book, status)
                VALUES ('Tantangan Ulasan', 'TEENS', '2031-05-01', '2031-05-31', 'BOOKS', 10, 10, 'PUBLISHED') RETURNING id""");
        String nick = "Pengulas" + UUID.randomUUID().toString().substring(0, 4);
        long participant = id("INSERT INTO participant (challenge_id, nickname) VALUES (?, ?) RETURNING id", challengeId, nick);
        String insertLog = """
                INSERT INTO reading_log (participant_id, challenge_id, title, author, pages, read_on, review, share_review, points, status)
                VALUES (?, ?, 'Laskar Pelangi', 'Andrea Hirata', 300, '2031-05-02', 'Bikin semangat sekolah!', ?, 10, ?) RETURNING id""";
        long shared = id(insertLog, participant, challengeId, true, "VALID");
        long notShared = id(insertLog, participant, challengeId, false, "VALID");
        long voided = id(insertLog, participant, challengeId, true, "VOIDED");

        long before = Accounts.count(db, "SELECT count(*) FROM post");
        assertProblem(given().auth().oauth2(staff).post("/api/posts/draft-from-review/" + notShared).then(), 409, "no-consent");
        assertProblem(given().auth().oauth2(staff).post("/api/posts/draft-from-review/" + voided).then(), 409, "log-voided");
        assertProblem(given().auth().oauth2(staff).post("/api/posts/draft-from-review/999999").then(), 404, "not-found");
        assertEquals(before, Accounts.count(db, "SELECT count(*) FROM post"));

        CampaignFixtures.followLocation(staff, given().auth().oauth2(staff).post("/api/posts/draft-from-review/" + shared)
                .then().statusCode(201)
                .body("contentType", equalTo("BOOK_REVIEW"))
                .body("body", containsString("Bikin semangat sekolah!"))
                .body("body", containsString(nick))
                .body("body", not(containsString("Pengguna Uji"))).extract());
    }
}
