package id.serambi.challenge.participation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.serambi.challenge.ChallengeFixtures;
import id.serambi.common.PersonalDataPart;
import id.serambi.privacy.PersonalData;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The challenges' part of a member's personal data, asked directly as privacy asks it. */
@QuarkusTest
class ChallengePersonalDataTest {

    @Inject
    AgroalDataSource db;

    @Inject
    ChallengePersonalData part;

    @Inject
    PersonalData personalData;

    @Inject
    ObjectMapper mapper;

    private long challenge;
    private long userId;
    private String nickname;

    private void member() {
        String staff = Accounts.tokenFor(db, "STAFF");
        challenge = ChallengeFixtures.published(staff, ChallengeFixtures.body());
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("code", "PRIVASI-1", "points", 5))
                .post("/api/challenges/" + challenge + "/codes").then().statusCode(201);
        nickname = ChallengeFixtures.nickname("Privasi");
        String teen = ChallengeFixtures.member(challenge, nickname, "SMP Negeri 1 Banjarbaru");
        Map<String, Object> log = ChallengeFixtures.log(40, ChallengeFixtures.today());
        log.put("review", "Seru sekali, tentang persahabatan.");
        log.put("shareReview", true);
        ChallengeFixtures.postLog(teen, challenge, log);
        ChallengeFixtures.postLog(teen, challenge, ChallengeFixtures.log(12, ChallengeFixtures.today().minusDays(1)));
        given().auth().oauth2(teen).contentType(ContentType.JSON).body(Map.of("code", "privasi-1"))
                .post("/api/challenges/" + challenge + "/codes/redeem").then().statusCode(200);
        userId = Accounts.count(db, "SELECT user_id FROM participant WHERE challenge_id = ? AND nickname = ?",
                challenge, nickname);
    }

    @Test
    void theExportIsTheChallengesPartOfTheWholeExport() throws Throwable {
        member();
        PersonalDataPart.Member member = new PersonalDataPart.Member(userId, "unused@example.id", true);
        assertEquals("challenges", part.key());
        JsonNode mine = read(VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> part.export(member))));
        JsonNode whole = read(VertxContextSupport.subscribeAndAwait(() -> personalData.export(userId)));
        // The whole export is the part, its timestamps written in the API's one format (issue 16).
        assertEquals(whole.get("challenges"), PersonalData.timestampsInApiFormat(mine.deepCopy()));
        assertEquals(1, mine.size());
        JsonNode p = mine.get(0);
        assertEquals(nickname, p.get("nickname").asText());
        assertEquals(List.of("challengeId", "challenge", "nickname", "school", "hiddenFromLeaderboard", "points",
                "books", "pages", "minutes", "joinedAt", "refCode", "readingLogs", "redeemedCodes"), fields(p));
        assertEquals(2, p.get("readingLogs").size());
        assertEquals("Seru sekali, tentang persahabatan.", p.get("readingLogs").get(0).get("review").asText());
        assertEquals("PRIVASI-1", p.get("redeemedCodes").get(0).get("code").asText());
        assertEquals(40 + 10 + 12 + 10 + 5, p.get("points").asInt());
    }

    @Test
    void erasureAnonymisesTheParticipantAndKeepsTheTotals() throws Throwable {
        member();
        PersonalDataPart.Member member = new PersonalDataPart.Member(userId, "unused@example.id", true);
        long participant = Accounts.count(db, "SELECT id FROM participant WHERE challenge_id = ? AND user_id = ?",
                challenge, userId);
        long revision = Accounts.count(db, "SELECT revision FROM participant WHERE id = ?", participant);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> part.erase(member)));

        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM participant WHERE user_id = ?", userId));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM participant WHERE id = ? AND nickname = ? "
                + "AND school IS NULL AND hidden AND points = 77", participant, "anonim-" + participant));
        assertTrue(Accounts.count(db, "SELECT revision FROM participant WHERE id = ?", participant) > revision,
                "the boards are told");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM reading_log WHERE participant_id = ? "
                + "AND (review IS NOT NULL OR share_review)", participant));
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM reading_log WHERE participant_id = ?", participant));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM code_redemption WHERE participant_id = ?", participant));
        assertTrue(read(VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> part.export(member))))
                .isEmpty());
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
