package id.serambi.common;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 7: the shipped compose file trusted every client's X-Forwarded-For, so a client that rotated it
 * created 40 accounts from one address (40 × 201) and dodged the login throttle. Forwarding is now trusted only from
 * the configured proxies (QUARKUS_HTTP_PROXY_TRUSTED_PROXIES; in docker-compose.yml the nginx service). Here the only
 * trusted proxy is an address the test client is not: its X-Forwarded-For is ignored, and all its requests count
 * against its real address (the other test classes trust the loopback, where they simulate many clients).
 */
@QuarkusTest
@TestProfile(TrustedProxiesTest.UntrustedClient.class)
class TrustedProxiesTest {

    public static class UntrustedClient implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "192.0.2.10",
                    "serambi.rate-limit.sign-up.per-ip", "3",
                    "serambi.login-throttle.address-max-failures", "3");
        }
    }

    @Inject
    AgroalDataSource db;

    private static Response signUp(String email, String forwardedFor) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", forwardedFor)
                .body(Map.of("email", email, "password", Accounts.PASSWORD, "displayName", "Pengguna Uji",
                        "birthYear", 2000))
                .post("/api/auth/register");
    }

    @Test
    void rotatingForwardedForDoesNotDodgeTheSignUpLimit() {
        for (int i = 0; i < 3; i++) {
            assertEquals(202, signUp(Accounts.uniqueEmail("rotasi"), Accounts.randomIp()).statusCode());
        }
        String last = Accounts.uniqueEmail("rotasi");
        assertProblem(signUp(last, Accounts.randomIp()).then(), 429, "rate-limited")
                .body("detail", containsString("from this address"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM app_user WHERE email = ?", last));
    }

    @Test
    void theLoginThrottleCountsTheRealAddress() {
        for (int i = 0; i < 3; i++) {
            Response wrong = given().contentType(ContentType.JSON).header("X-Forwarded-For", Accounts.randomIp())
                    .body(Map.of("email", Accounts.uniqueEmail("semprot"), "password", "tebakan-salah-" + i))
                    .post("/api/auth/login");
            assertEquals(401, wrong.statusCode());
        }
        // Every failure was recorded under the connection's own address, whatever the header said.
        assertEquals(3, Accounts.count(db, "SELECT count(*) FROM login_failure WHERE email LIKE 'semprot-%' "
                + "AND ip IN ('127.0.0.1', '0:0:0:0:0:0:0:1', '::1')"));
        assertProblem(given().contentType(ContentType.JSON).header("X-Forwarded-For", Accounts.randomIp())
                .body(Map.of("email", Accounts.uniqueEmail("semprot"), "password", "tebakan-salah-4"))
                .post("/api/auth/login").then(), 429, "too-many-login-attempts");
    }
}
