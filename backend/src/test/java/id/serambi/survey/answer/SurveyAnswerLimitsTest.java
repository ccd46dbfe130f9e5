package id.serambi.survey.answer;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.survey.SurveyFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, spam resistance with the production minimum form age (3 seconds) and a low rate limit: 3 answers per
 * address a minute. Each request names its address through X-Forwarded-For, which the test profile honours.
 */
@QuarkusTest
@TestProfile(SurveyAnswerLimitsTest.Limits.class)
class SurveyAnswerLimitsTest {

    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("serambi.surveys.form-min-age", "PT3S", "serambi.rate-limit.survey-responses.per-ip", "3",
                    "serambi.rate-limit.survey-responses.period", "PT1M");
        }
    }

    @Inject
    AgroalDataSource db;

    @Inject
    FormTokens tokens;

    private long published() {
        String staff = Staff.token();
        Map<String, Object> body = SurveyFixtures.survey("Survei " + UUID.randomUUID());
        long id = given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/surveys")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(staff).post("/api/surveys/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private static Map<String, Object> body(String formToken) {
        Map<String, Object> answers = new LinkedHashMap<>(Map.of("datang", "ya", "puas", 5, "nps", 10));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", answers);
        body.put("formToken", formToken);
        return body;
    }

    private static Response post(long id, String ip, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", ip).body(body).post("/api/surveys/" + id + "/responses");
    }

    private long responses(long id) {
        return Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ?", id);
    }

    @Test
    void aFormSentBackWithinThreeSecondsIsRefusedAndAReadOneIsKept() {
        long id = published();
        String fresh = given().get("/api/surveys/" + id + "/form").then().statusCode(200).extract().path("formToken");
        assertProblem(post(id, Accounts.randomIp(), body(fresh)).then(), 400, "form-expired")
                .body("errors[0].field", equalTo("formToken")).body("detail", containsString("too soon"));
        assertProblem(post(id, Accounts.randomIp(), body(tokens.issue(id, Instant.now().minusMillis(1500)))).then(), 400, "form-expired");
        assertEquals(0, responses(id));
        post(id, Accounts.randomIp(), body(tokens.issue(id, Instant.now().minusSeconds(4)))).then().statusCode(201);
        assertEquals(1, responses(id));
    }

    @Test
    void anAddressOverTheLimitGetsA429WithRetryAfterAndNothingIsKept() {
        long id = published();
        String ip = Accounts.randomIp();
        String token = tokens.issue(id, Instant.now().minusSeconds(10));
        for (int i = 0; i < 3; i++) {
            post(id, ip, body(token)).then().statusCode(201);
        }
        Response limited = post(id, ip, body(token));
        assertProblem(limited.then(), 429, "rate-limited").body("detail", containsString("survey answers"));
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        // The honeypot counts too: a bot cannot flood through it.
        Map<String, Object> honeypot = body(token);
        honeypot.put("website", "spam");
        assertProblem(post(id, ip, honeypot).then(), 429, "rate-limited");
        assertEquals(3, responses(id));
        // Another address is not affected.
        post(id, Accounts.randomIp(), body(token)).then().statusCode(201);
        assertEquals(4, responses(id));
    }
}
