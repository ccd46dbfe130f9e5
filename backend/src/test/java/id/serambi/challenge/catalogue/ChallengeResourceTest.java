package id.serambi.challenge.catalogue;

import id.serambi.challenge.ChallengeFixtures;
import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChallengeResourceTest {

    @Inject
    AgroalDataSource db;

    @Test
    void staffCreateAndPublishAChallengeWithBadges() {
        String staff = Accounts.tokenFor(db, "STAFF");
        Map<String, Object> body = ChallengeFixtures.body();
        long id = ChallengeFixtures.create(staff, body);

        given().get("/api/challenges/" + id).then().statusCode(404);
        given().get("/api/challenges").then().statusCode(200).body("id", not(hasItem((int) id)));
        given().auth().oauth2(staff).get("/api/challenges/" + id).then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("badges.name", containsInAnyOrder("Pembaca Pemula", "Kutu Buku", "Tamu Istimewa"));

        given().auth().oauth2(staff).post("/api/challenges/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        given().get("/api/challenges/" + id).then().statusCode(200)
                .body("title", equalTo(body.get("title")))
                .body("pointsPerBook", equalTo(10))
                .body("schools", containsInAnyOrder("SMP Negeri 1 Banjarbaru", "SMA Negeri 2 Banjarbaru"));
        given().get("/api/challenges").then().statusCode(200).body("id", hasItem((int) id));
        assertEquals(3, Accounts.count(db, "SELECT count(*) FROM challenge_badge WHERE challenge_id = ?", id));
    }

    @Test
    void invalidChallengesAre400AndWriteNothing() {
        String staff = Accounts.tokenFor(db, "STAFF");
        Map<String, Object> body = ChallengeFixtures.body();
        body.put("endsOn", ChallengeFixtures.today().minusDays(30).toString());
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                .post("/api/challenges").then(), 400, "validation").body("errors[0].field", equalTo("endsOn"));

        Map<String, Object> noPoints = ChallengeFixtures.body();
        noPoints.put("pointsPerBook", 0);
        noPoints.put("pointsPerPage", 0);
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(noPoints)
                .post("/api/challenges").then(), 400, "validation");

        Map<String, Object> badType = ChallengeFixtures.body();
        badType.put("goalType", "HOURS");
        badType.put("maxMinutesPerDay", 2000);
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(badType)
                .post("/api/challenges").then(), 400, "validation");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM challenge WHERE title IN (?, ?, ?)",
                body.get("title"), noPoints.get("title"), badType.get("title")));
    }

    @Test
    void onlyStaffManageChallenges() {
        Map<String, Object> body = ChallengeFixtures.body();
        assertProblem(given().contentType(ContentType.JSON).body(body).post("/api/challenges").then(), 401, "unauthenticated");
        String member = Accounts.tokenFor(db, "MEMBER");
        assertProblem(given().auth().oauth2(member).contentType(ContentType.JSON).body(body)
                .post("/api/challenges").then(), 403, "forbidden");
        String staff = Accounts.tokenFor(db, "STAFF");
        long id = ChallengeFixtures.create(staff, body);
        assertProblem(given().auth().oauth2(member).post("/api/challenges/" + id + "/publish").then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(member).get("/api/challenges/" + id + "/logs").then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(member).get("/api/challenges/" + id + "/results").then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(member).get("/api/challenges/reviews").then(), 403, "forbidden");
    }
}
