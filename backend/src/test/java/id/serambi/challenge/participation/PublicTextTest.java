package id.serambi.challenge.participation;

import id.serambi.challenge.ChallengeFixtures;
import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13, finding 11: a nickname or school on the anonymous leaderboard carried a birth year and a WhatsApp number. */
@QuarkusTest
class PublicTextTest {

    @Inject
    AgroalDataSource db;

    @Test
    void theLeaderboardsNicknameAndSchoolRefusePersonalDataAndHiddenCharacters() {
        String staff = Accounts.tokenFor(db, "STAFF");
        Map<String, Object> body = ChallengeFixtures.body();
        body.put("schools", java.util.List.of()); // any school may be typed in
        long challenge = ChallengeFixtures.published(staff, body);
        String teen = Accounts.tokenFor(db, "MEMBER");
        String join = "/api/challenges/" + challenge + "/participants";

        assertProblem(given().auth().oauth2(teen).header("Accept-Language", "id").contentType(ContentType.JSON)
                .body(Map.of("nickname", "Nadia Putri lahir 2011")).post(join).then(), 400, "validation")
                .body("errors[0].field", equalTo("nickname"))
                .body("errors[0].message", equalTo("tidak boleh memuat tahun lahir atau umur: teks ini tampil untuk umum"));
        assertProblem(given().auth().oauth2(teen).header("Accept-Language", "id").contentType(ContentType.JSON)
                .body(Map.of("nickname", "Kutu Buku 7", "school", "SMP 1, WA 081234567890")).post(join).then(), 400, "validation")
                .body("errors[0].field", equalTo("school"))
                .body("errors[0].message", equalTo("tidak boleh memuat nomor telepon: teks ini tampil untuk umum"));
        for (String hidden : new String[] { "SMP\u202E1 Banjarbaru", "SMP\u200B1 Banjarbaru" }) {
            assertProblem(given().auth().oauth2(teen).header("Accept-Language", "id").contentType(ContentType.JSON)
                    .body(Map.of("nickname", "Kutu Buku 7", "school", hidden)).post(join).then(), 400, "validation")
                    .body("errors[0].field", equalTo("school"))
                    .body("errors[0].message", equalTo(
                            "tidak boleh memuat karakter tak terlihat atau pembalik arah teks (seperti U+202E atau U+200B)"));
        }
        assertProblem(given().auth().oauth2(teen).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("nickname", "Kutu Buku 7", "school", "www.smp1.sch.id")).post(join).then(), 400, "validation")
                .body("errors[0].field", equalTo("school"))
                .body("errors[0].message", equalTo("must not contain a link or web address: this text is shown to the public"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM participant WHERE challenge_id = ?", challenge));

        given().auth().oauth2(teen).contentType(ContentType.JSON)
                .body(Map.of("nickname", "Kutu Buku 7", "school", "SMPN 1 Banjarbaru")).post(join).then().statusCode(201);
        given().get("/api/challenges/" + challenge + "/leaderboard").then().statusCode(200)
                .body("entries[0].nickname", equalTo("Kutu Buku 7")).body("entries[0].school", equalTo("SMPN 1 Banjarbaru"));

        // A review the teen shares is public text too; an ordinary one (with a year in it) is logged.
        Map<String, Object> log = ChallengeFixtures.log(40, ChallengeFixtures.today());
        log.put("review", "Bagus! Hubungi aku di nadia@example.id");
        log.put("shareReview", true);
        assertProblem(given().auth().oauth2(teen).header("Accept-Language", "id").contentType(ContentType.JSON).body(log)
                .post("/api/challenges/" + challenge + "/logs").then(), 400, "validation")
                .body("errors[0].field", equalTo("review"))
                .body("errors[0].message", equalTo("tidak boleh memuat alamat e-mail: teks ini tampil untuk umum"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM reading_log WHERE challenge_id = ?", challenge));
        log.put("review", "Terbitan 2005, tetap seru dibaca.");
        given().auth().oauth2(teen).contentType(ContentType.JSON).body(log)
                .post("/api/challenges/" + challenge + "/logs").then().statusCode(201);
    }
}
