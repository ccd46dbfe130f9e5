package id.serambi.account.signin;


import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The login throttle with its defaults: 10 failures per account and address, 30 per address, and per account a back-off
 * after 10 failures from any addresses (1 s, doubling, at most 1 min), which starts after 3 during a site-wide spike
 * (more than 600 failures in a minute).
 */
@QuarkusTest
class LoginThrottleTest {

    @Inject
    AgroalDataSource db;

    private static Response attempt(String email, String password, String ip) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", ip)
                .body(Map.of("email", email, "password", password))
                .post("/api/auth/login");
    }

    private long failures(String email) {
        return Accounts.count(db, "SELECT count(*) FROM login_failure WHERE lower(email) = lower(?)", email);
    }

    private static int retryAfter(Response blocked) {
        return Integer.parseInt(blocked.header("Retry-After"));
    }

    /** Issue 13, finding 8: ten wrong passwords from ten addresses locked the owner out for 15 minutes. */
    @Test
    void tenWrongPasswordsFromTenAddressesDoNotLockTheOwnerOut() {
        String email = Accounts.uniqueEmail("pemilik");
        Accounts.register(email);
        for (int i = 0; i < 10; i++) {
            assertEquals(401, attempt(email, "tebakan-" + i + "-salah", Accounts.randomIp()).statusCode());
        }
        Response owner = attempt(email, Accounts.PASSWORD, Accounts.randomIp());
        assertEquals(200, owner.statusCode(), owner.asString());
        assertTrue(owner.jsonPath().getString("token").length() > 20);
    }

    @Test
    void tenFailuresFromOneAddressBlockThatAddressForThatAccount() {
        String email = Accounts.uniqueEmail("tebak");
        Accounts.register(email);
        String guesser = Accounts.randomIp();
        for (int i = 0; i < 10; i++) {
            assertEquals(401, attempt(email, "tebakan-" + i + "-salah", guesser).statusCode());
        }
        Response blocked = attempt(email, "tebakan-ke-11-salah", guesser);
        assertProblem(blocked.then(), 429, "too-many-login-attempts");
        assertTrue(retryAfter(blocked) > 60 && retryAfter(blocked) <= 15 * 60 + 1, "Retry-After " + retryAfter(blocked));
        // From the guesser's address even the right password waits: the block says nothing about the guesses.
        assertProblem(attempt(email, Accounts.PASSWORD, guesser).then(), 429, "too-many-login-attempts");
        assertEquals(10, failures(email), "a refused attempt is not checked, nor counted");
        // The owner, anywhere else, logs in.
        assertEquals(200, attempt(email, Accounts.PASSWORD, Accounts.randomIp()).statusCode());
    }

    @Test
    void thirtyFailuresFromOneAddressBlockThatAddress() {
        String ip = Accounts.randomIp();
        for (int i = 0; i < 30; i++) {
            assertEquals(401, attempt(Accounts.uniqueEmail("ip"), "apa-saja-salah", ip).statusCode());
        }
        String victim = Accounts.uniqueEmail("korban");
        Accounts.register(victim);
        assertProblem(attempt(victim, Accounts.PASSWORD, ip).then(), 429, "too-many-login-attempts");
        // The account itself is not locked for everyone else.
        assertEquals(200, attempt(victim, Accounts.PASSWORD, Accounts.randomIp()).statusCode());
    }

    /** Failures of the account from {@code n} other addresses, {@code secondsAgo} ago (as a botnet leaves them). */
    private void seedFailures(String email, int n, int secondsAgo) {
        Accounts.sql(db, "INSERT INTO login_failure (email, ip, failed_at) SELECT ?, '198.51.100.' || g, "
                + "now() - make_interval(secs => ?) FROM generate_series(1, ?) AS g", email, secondsAgo, n);
    }

    /**
     * Many addresses against one account: past ten failures every guess must wait for the back-off (a 429 is neither
     * checked nor counted), a delay that doubles with each failure up to a minute, so guessing slows to one try a
     * minute; the owner's right password, from yet another address, gets in once the Retry-After has passed. The
     * failures are seeded, so that bcrypt's time on a busy machine does not decide the outcome.
     */
    @Test
    void manyAddressesAgainstOneAccountAreSlowedButTheOwnerGetsIn() {
        String email = Accounts.uniqueEmail("botnet");
        Accounts.register(email);
        seedFailures(email, 16, 0); // 6 past the free 10: a 32 s wait
        for (int i = 0; i < 5; i++) {
            Response slowed = attempt(email, i == 4 ? Accounts.PASSWORD : "tebakan-cepat-" + i, Accounts.randomIp());
            assertProblem(slowed.then(), 429, "too-many-login-attempts");
            assertTrue(retryAfter(slowed) >= 25 && retryAfter(slowed) <= 33, "Retry-After " + retryAfter(slowed));
        }
        assertEquals(16, failures(email), "guesses inside the back-off are neither checked nor counted");

        // 40 s later (the failures moved back in time), a guess is checked again, and the next waits longer.
        Accounts.sql(db, "UPDATE login_failure SET failed_at = failed_at - interval '40 seconds' WHERE email = ?", email);
        assertEquals(401, attempt(email, "tebakan-sabar-salah", Accounts.randomIp()).statusCode());
        Response doubled = attempt(email, "tebakan-lagi-salah", Accounts.randomIp());
        assertProblem(doubled.then(), 429, "too-many-login-attempts");
        assertTrue(retryAfter(doubled) >= 55 && retryAfter(doubled) <= 61, "64 s, at most a minute: " + retryAfter(doubled));

        // However many failures, the wait stays at most a minute, and then the owner logs in.
        seedFailures(email, 100, 0);
        Response capped = attempt(email, Accounts.PASSWORD, Accounts.randomIp());
        assertProblem(capped.then(), 429, "too-many-login-attempts");
        assertTrue(retryAfter(capped) <= 61, "Retry-After " + retryAfter(capped));
        Accounts.sql(db, "UPDATE login_failure SET failed_at = failed_at - interval '61 seconds' WHERE email = ?", email);
        Response owner = attempt(email, Accounts.PASSWORD, Accounts.randomIp());
        assertEquals(200, owner.statusCode(), owner.asString());
    }

    @Test
    void aSuccessfulLoginForgetsTheOwnersOwnTypos() {
        String email = Accounts.uniqueEmail("lupa");
        Accounts.register(email);
        String home = Accounts.randomIp();
        for (int i = 0; i < 9; i++) {
            assertEquals(401, attempt(email, "lupa-lupa-ingat", home).statusCode());
        }
        assertEquals(200, attempt(email, Accounts.PASSWORD, home).statusCode());
        assertEquals(0, failures(email));
        for (int i = 0; i < 9; i++) {
            assertEquals(401, attempt(email, "lupa-lupa-ingat", home).statusCode());
        }
        assertEquals(200, attempt(email, Accounts.PASSWORD, home).statusCode());
    }

    /** During a spike of failures across the site, an account's back-off starts after three failures. */
    @Test
    void aSiteWideSpikeStartsTheBackOffSooner() {
        String email = Accounts.uniqueEmail("lonjakan");
        Accounts.register(email);
        seedFailures(email, 8, 0); // within the usual 10 free failures, 5 past the spike's 3: a 16 s wait
        try {
            Accounts.sql(db, "INSERT INTO login_failure (email, ip, failed_at) SELECT 'spike-' || g || '@test.serambi.id', "
                    + "'192.0.2.' || (g % 250), now() FROM generate_series(1, 601) AS g");
            Response slowed = attempt(email, Accounts.PASSWORD, Accounts.randomIp());
            assertProblem(slowed.then(), 429, "too-many-login-attempts");
            assertTrue(retryAfter(slowed) >= 10 && retryAfter(slowed) <= 17, "Retry-After " + retryAfter(slowed));
        } finally {
            Accounts.sql(db, "DELETE FROM login_failure WHERE email LIKE 'spike-%'");
        }
        // Without the spike the same account is still within its free failures.
        assertEquals(200, attempt(email, Accounts.PASSWORD, Accounts.randomIp()).statusCode());
    }

    @Test
    void concurrentGuessesFromOneAddressCannotSlipPastTheLimit() throws Exception {
        String email = Accounts.uniqueEmail("serbu");
        Accounts.register(email);
        String ip = Accounts.randomIp();
        List<Integer> statuses = inParallel(30, () -> attempt(email, "serbuan-salah-1", ip).statusCode());
        assertEquals(10, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
        assertEquals(20, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    }

    @Test
    void concurrentGuessesFromManyAddressesMeetTheBackOff() throws Exception {
        String email = Accounts.uniqueEmail("serbu-banyak");
        Accounts.register(email);
        long started = System.nanoTime();
        List<Integer> statuses = inParallel(30, () -> attempt(email, "serbuan-salah-2", Accounts.randomIp()).statusCode());
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        long checked = statuses.stream().filter(s -> s == 401).count();
        // 11 pass before the back-off; then one per delay (1 s, 2 s, 4 s, ...) of the time the burst took.
        long extra = 64 - Long.numberOfLeadingZeros(seconds + 1);
        assertTrue(checked >= 11 && checked <= 11 + extra, seconds + " s: " + statuses);
        assertEquals(30 - checked, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        assertEquals(checked, failures(email));
    }

    private static List<Integer> inParallel(int n, Supplier<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(call::get);
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        return statuses;
    }
}
