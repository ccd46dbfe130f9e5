package id.serambi.assistant.answers;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.assistant.knowledge.FaqEntries;
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

    @Test
    void theAskersConversationCountsAgainstTheSameLimit() {
        String ip = Accounts.randomIp();
        String token = ask(ip, "Apakah ada " + FaqEntries.word() + "?").then().statusCode(200).extract().path("conversationToken");
        String conversation = "/api/assistant/conversations/" + token;
        given().header("X-Forwarded-For", ip).get(conversation).then().statusCode(200);
        given().contentType(ContentType.JSON).header("X-Forwarded-For", ip).body(Map.of("text", "Halo"))
                .post(conversation + "/messages").then().statusCode(201);
        Response stream = given().header("X-Forwarded-For", ip).accept("text/event-stream").get(conversation + "/stream");
        assertProblem(stream.then(), 429, "rate-limited");
        assertTrue(Integer.parseInt(stream.header("Retry-After")) >= 1);
        assertProblem(given().header("X-Forwarded-For", ip).get(conversation).then(), 429, "rate-limited");
        assertProblem(given().contentType(ContentType.JSON).header("X-Forwarded-For", ip).body(Map.of("text", "Lagi"))
                .post(conversation + "/messages").then(), 429, "rate-limited");
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM conversation_message m JOIN conversation_thread t ON t.id = m.thread_id "
                + "WHERE t.thread_key = 'web:' || encode(sha256(convert_to(?, 'UTF8')), 'hex')", token));
    }
}
