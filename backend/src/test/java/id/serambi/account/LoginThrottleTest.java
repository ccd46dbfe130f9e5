package id.serambi.account;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.support.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginThrottleTest {

    private static Response attempt(String email, String password, String ip) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", ip)
                .body(Map.of("email", email, "password", password))
                .post("/api/auth/login");
    }

    @Test
    void tenFailuresOnOneAccountBlockItFromAnyAddress() {
        String email = Accounts.uniqueEmail("tebak");
        Accounts.register(email);
        for (int i = 0; i < 10; i++) {
            assertEquals(401, attempt(email, "tebakan-" + i + "-salah", Accounts.randomIp()).statusCode());
        }
        Response blocked = attempt(email, "tebakan-ke-11-salah", Accounts.randomIp());
        assertProblem(blocked.then(), 429, "too-many-login-attempts");
        int retryAfter = Integer.parseInt(blocked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        // Even the right password waits: otherwise the lock would tell the guesser when they hit it.
        assertProblem(attempt(email, Accounts.PASSWORD, Accounts.randomIp()).then(), 429, "too-many-login-attempts");
    }

    @Test
    void tenFailuresFromOneAddressBlockThatAddress() {
        String ip = Accounts.randomIp();
        for (int i = 0; i < 10; i++) {
            assertEquals(401, attempt(Accounts.uniqueEmail("ip"), "apa-saja-salah", ip).statusCode());
        }
        String victim = Accounts.uniqueEmail("korban");
        Accounts.register(victim);
        assertProblem(attempt(victim, Accounts.PASSWORD, ip).then(), 429, "too-many-login-attempts");
        // The account itself is not locked for everyone else.
        assertEquals(200, attempt(victim, Accounts.PASSWORD, Accounts.randomIp()).statusCode());
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() {
        String email = Accounts.uniqueEmail("lupa");
        Accounts.register(email);
        for (int i = 0; i < 9; i++) {
            assertEquals(401, attempt(email, "lupa-lupa-ingat", Accounts.randomIp()).statusCode());
        }
        assertEquals(200, attempt(email, Accounts.PASSWORD, Accounts.randomIp()).statusCode());
        for (int i = 0; i < 9; i++) {
            assertEquals(401, attempt(email, "lupa-lupa-ingat", Accounts.randomIp()).statusCode());
        }
        assertEquals(200, attempt(email, Accounts.PASSWORD, Accounts.randomIp()).statusCode());
    }

    @Test
    void concurrentGuessesCannotSlipPastTheLimit() throws Exception {
        String email = Accounts.uniqueEmail("serbu");
        Accounts.register(email);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                calls.add(() -> attempt(email, "serbuan-salah-1", Accounts.randomIp()).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(10, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
        assertEquals(20, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    }
}
