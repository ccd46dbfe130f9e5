package id.serambi.challenge.catalogue;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.challenge.ChallengeFixtures;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A challenge is updated with If-Match: two staff editing the same version cannot overwrite each other. */
@QuarkusTest
class ChallengeVersionTest {

    @Inject
    AgroalDataSource db;

    @Test
    void anUpdateNeedsTheVersionItEdited() {
        String staff = Accounts.tokenFor(db, "STAFF");
        Map<String, Object> body = ChallengeFixtures.body();
        long id = ChallengeFixtures.create(staff, body);
        String original = (String) body.get("title");

        given().auth().oauth2(staff).get("/api/challenges/" + id).then().statusCode(200)
                .header("ETag", "\"0\"").body("version", equalTo(0));

        Map<String, Object> changed = ChallengeFixtures.body();
        changed.put("title", original + " (diubah)");
        changed.put("badges", List.of(Map.of("name", "Pembaca Pemula", "threshold", 60)));

        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(changed)
                .put("/api/challenges/" + id).then(), 428, "version-required");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "tiga").body(changed)
                .put("/api/challenges/" + id).then(), 400, "bad-if-match");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(changed)
                .put("/api/challenges/" + id).then(), 412, "stale-version")
                .header("ETag", "\"0\"");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM challenge WHERE id = ? AND title = ? AND version = 0",
                id, original));
        assertEquals(3, Accounts.count(db, "SELECT count(*) FROM challenge_badge WHERE challenge_id = ?", id));

        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed)
                .put("/api/challenges/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("version", equalTo(1)).body("title", equalTo(changed.get("title")))
                .body("badges.threshold", equalTo(List.of(60)));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM challenge WHERE id = ? AND title = ? AND version = 1",
                id, changed.get("title")));
        given().auth().oauth2(staff).get("/api/challenges/" + id).then().statusCode(200).header("ETag", "\"1\"");

        // The first editor's version is stale now; a change to the badges alone moves the version on too.
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed)
                .put("/api/challenges/" + id).then(), 412, "stale-version").header("ETag", "\"1\"");
        changed.put("badges", List.of(Map.of("name", "Pembaca Pemula", "threshold", 70)));
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "W/\"1\"").body(changed)
                .put("/api/challenges/" + id).then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void anUpdateOfNoChallengeIs404() {
        String staff = Accounts.tokenFor(db, "STAFF");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(ChallengeFixtures.body()).put("/api/challenges/987654321").then(), 404, "not-found");
    }
}
