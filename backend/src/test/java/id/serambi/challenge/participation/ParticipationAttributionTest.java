package id.serambi.challenge.participation;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.serambi.campaign.links.LinkCodes;
import id.serambi.challenge.ChallengeFixtures;
import id.serambi.challenge.Challenges;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, attribution of a joining: the join keeps the code of the tracked link that brought the member, a malformed
 * code is a 400 naming {@code ref} with nothing stored, {@link Challenges#referrals} counts joinings per code and
 * day, and erasing the account removes the code with the rest.
 */
@QuarkusTest
class ParticipationAttributionTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Challenges challenges;

    /** A new member's token; the e-mail goes in {@code email[0]}. */
    private static String member(String[] email) {
        email[0] = Accounts.uniqueEmail("remaja");
        given().contentType(ContentType.JSON).body(Map.of("email", email[0], "password", Accounts.PASSWORD,
                "displayName", "Remaja Pembaca", "birthYear", 2010)).post("/api/auth/register").then().statusCode(202);
        return Accounts.login(email[0], Accounts.PASSWORD);
    }

    private static io.restassured.response.ValidatableResponse join(String token, long challenge, String nickname,
            String ref) {
        Map<String, Object> body = new HashMap<>(Map.of("nickname", nickname));
        if (ref != null) {
            body.put("ref", ref);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/challenges/" + challenge + "/participants").then();
    }

    private String refOf(String nickname) {
        return Accounts.text(db, "SELECT ref_code FROM participant WHERE nickname = ?", nickname);
    }

    @Test
    void aJoiningKeepsItsLinksCodeAndOneWithoutStaysNull() {
        long challenge = ChallengeFixtures.published(Staff.token(), ChallengeFixtures.body());
        String code = LinkCodes.generate();
        String brought = ChallengeFixtures.nickname("Rujuk");
        String direct = ChallengeFixtures.nickname("Langsung");
        join(member(new String[1]), challenge, brought, code).statusCode(201);
        join(member(new String[1]), challenge, direct, null).statusCode(201);
        assertEquals(code, refOf(brought));
        assertNull(refOf(direct));
    }

    @Test
    void aMalformedRefIsA400NamingItAndJoinsNobody() {
        long challenge = ChallengeFixtures.published(Staff.token(), ChallengeFixtures.body());
        String token = member(new String[1]);
        for (String bad : List.of("", "ABCDEFGHJK", "k7m2q9xw4", "k7m2q9xw4pp", "k7m2q9xw41", "<script>ab")) {
            String nickname = ChallengeFixtures.nickname("Salah");
            assertProblem(join(token, challenge, nickname, bad), 400, "validation")
                    .body("errors[0].field", equalTo("ref"));
            assertEquals(0, Accounts.count(db, "SELECT count(*) FROM participant WHERE nickname = ?", nickname), bad);
        }
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM participant WHERE challenge_id = ?", challenge));
    }

    @Test
    void referralsCountJoiningsPerCodeAndDay() throws Throwable {
        long challenge = ChallengeFixtures.published(Staff.token(), ChallengeFixtures.body());
        String a = LinkCodes.generate();
        String b = LinkCodes.generate();
        String[] nicknames = new String[4];
        for (int i = 0; i < 4; i++) {
            nicknames[i] = ChallengeFixtures.nickname("Ajak");
            join(member(new String[1]), challenge, nicknames[i], i < 3 ? a : b).statusCode(201);
        }
        Accounts.sql(db, "UPDATE participant SET joined_at = joined_at - interval '1 day' WHERE nickname = ?",
                nicknames[0]);
        LocalDate day = LocalDate.parse(Accounts.text(db, "SELECT CAST(joined_at AT TIME ZONE 'Asia/Makassar' AS date) "
                + "FROM participant WHERE nickname = ?", nicknames[1]));
        // In day then code order, as the query sorts them.
        assertEquals(sorted(new Challenges.Referral(a, day.minusDays(1), 1), new Challenges.Referral(a, day, 2),
                new Challenges.Referral(b, day, 1)), referrals(List.of(a, b, LinkCodes.generate()), null, null));
        assertEquals(sorted(new Challenges.Referral(a, day, 2), new Challenges.Referral(b, day, 1)),
                referrals(List.of(a, b), day, null));
        assertEquals(List.of(new Challenges.Referral(a, day.minusDays(1), 1)),
                referrals(List.of(a, b), null, day.minusDays(1)));
    }

    @Test
    void erasingTheAccountRemovesTheCode() {
        long challenge = ChallengeFixtures.published(Staff.token(), ChallengeFixtures.body());
        String code = LinkCodes.generate();
        String[] email = new String[1];
        String token = member(email);
        String nickname = ChallengeFixtures.nickname("Hapus");
        join(token, challenge, nickname, code).statusCode(201);
        String other = ChallengeFixtures.nickname("Tetap");
        join(member(new String[1]), challenge, other, code).statusCode(201);
        long id = Accounts.count(db, "SELECT id FROM participant WHERE nickname = ?", nickname);
        given().auth().oauth2(token).delete("/api/me").then().statusCode(204);
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM participant WHERE id = ? AND user_id IS NULL "
                + "AND ref_code IS NULL AND nickname = 'anonim-' || id", id));
        assertEquals(code, refOf(other));
    }

    private static List<Challenges.Referral> sorted(Challenges.Referral... expected) {
        return java.util.Arrays.stream(expected).sorted(java.util.Comparator.comparing(Challenges.Referral::day)
                .thenComparing(Challenges.Referral::code)).toList();
    }

    private List<Challenges.Referral> referrals(List<String> codes, LocalDate from, LocalDate to) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> challenges.referrals(codes, from, to)));
    }
}
