package id.serambi.survey;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 20: the staff list of surveys filtered by status (GET /api/surveys?status=). */
@QuarkusTest
class SurveyListFilterTest {

    @Inject
    AgroalDataSource db;

    @Test
    void theListShowsOnlyTheSurveysInTheStatusAsked() {
        String staff = Staff.token();
        String mark = UUID.randomUUID().toString();
        int draft = (int) SurveyFixtures.create(staff, SurveyFixtures.survey("Draf " + mark));
        int published = (int) SurveyFixtures.create(staff, SurveyFixtures.survey("Terbit " + mark));
        int closed = (int) SurveyFixtures.create(staff, SurveyFixtures.survey("Tutup " + mark));
        given().auth().oauth2(staff).post("/api/surveys/" + published + "/publish").then().statusCode(200);
        given().auth().oauth2(staff).post("/api/surveys/" + closed + "/publish").then().statusCode(200);
        given().auth().oauth2(staff).post("/api/surveys/" + closed + "/close").then().statusCode(200);

        for (String[] c : new String[][] { { "DRAFT", "draft" }, { "PUBLISHED", "published" }, { "CLOSED", "Closed" } }) {
            long total = Accounts.count(db, "SELECT count(*) FROM survey WHERE status = ?", c[0]);
            given().auth().oauth2(staff).queryParam("status", c[1]).queryParam("size", 100).get("/api/surveys").then().statusCode(200)
                    .body("total", equalTo((int) total)).body("items.status", everyItem(equalTo(c[0])));
        }
        given().auth().oauth2(staff).queryParam("status", "PUBLISHED").queryParam("size", 100).get("/api/surveys").then()
                .body("items.id", hasItem(published)).body("items.id", not(hasItem(draft))).body("items.id", not(hasItem(closed)));
        given().auth().oauth2(staff).queryParam("status", "CLOSED").queryParam("size", 100).get("/api/surveys").then()
                .body("items.id", hasItem(closed)).body("items.id", not(hasItem(published)));
        given().auth().oauth2(staff).queryParam("size", 100).get("/api/surveys").then().statusCode(200)
                .body("total", equalTo((int) Accounts.count(db, "SELECT count(*) FROM survey")))
                .body("items.id", hasItems(draft, published, closed));
    }

    @Test
    void anUnknownStatusIsA400NamingTheParameter() {
        String staff = Staff.token();
        assertProblem(given().auth().oauth2(staff).queryParam("status", "ARCHIVED").get("/api/surveys").then(), 400, "validation")
                .body("errors[0].field", equalTo("status"));
        assertProblem(given().auth().oauth2(staff).queryParam("status", "'; DROP TABLE survey; --").get("/api/surveys").then(), 400,
                "validation");
        assertProblem(given().queryParam("status", "DRAFT").get("/api/surveys").then(), 401, "unauthenticated");
        assertProblem(given().auth().oauth2(Accounts.tokenFor(db, "MEMBER")).queryParam("status", "DRAFT").get("/api/surveys").then(),
                403, "forbidden");
    }
}
