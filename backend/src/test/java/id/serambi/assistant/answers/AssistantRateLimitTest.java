package id.serambi.assistant.answers;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 19: the assistant is public, so its questions are rate-limited per address (here 3 a minute). */
@QuarkusTest
@TestProfile(AssistantRateLimitTest.LowLimit.class)
class AssistantRateLimitTest {

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("serambi.rate-limit.assistant.per-ip", "3", "serambi.rate-limit.assistant.period", "PT1M");
        }
    }

    @Inject
    AgroalDataSource db;

    private static Response ask(String ip, String question) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", ip)
                .body(Map.of("question", question)).post("/api/assistant/questions");
    }

    @Test
    void theFourthQuestionAMinuteFromOneAddressIs429() {
        String ip = Accounts.randomIp();
        String marker = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            ask(ip, "pertanyaan " + marker).then().statusCode(200);
        }
        Response limited = ask(ip, "pertanyaan " + marker);
        assertProblem(limited.then(), 429, "rate-limited").body("detail", containsString("questions to the assistant"));
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        ask(Accounts.randomIp(), "pertanyaan " + marker).then().statusCode(200);
        assertEquals(4, Accounts.count(db, "SELECT count(*) FROM assistant_question WHERE question = ?", "pertanyaan " + marker));
    }
}
