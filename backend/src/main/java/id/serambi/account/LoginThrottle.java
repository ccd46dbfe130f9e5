package id.serambi.account;

import id.serambi.common.ProblemException;
import id.serambi.common.SerambiConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Throttles password guessing per account and per IP address: after {@code serambi.login.max-failures} failures within
 * {@code serambi.login.window}, further attempts get 429 with Retry-After until the window has moved on.
 *
 * <p>Every attempt is recorded as a failure <em>before</em> the password is checked, under a transaction-scoped advisory
 * lock per account and per IP, and a success removes the account's failures. So concurrent guesses, on any number of
 * instances, cannot slip past the limit, and no lock is held while bcrypt runs.
 */
@ApplicationScoped
public class LoginThrottle {

    private final SerambiConfig.Login settings;

    public LoginThrottle(SerambiConfig config) {
        this.settings = config.login();
    }

    /** Records an attempt, or fails with 429 when the account or the address has used up its failures. */
    @WithTransaction
    public Uni<Void> begin(String email, String ip) {
        String account = email.strip().toLowerCase(Locale.ROOT);
        Instant now = Instant.now();
        Instant since = now.minus(settings.window());
        return lock("login-email:" + account)
                .chain(() -> lock("login-ip:" + ip))
                .chain(() -> blockedUntil("lower(email) = ?1", account, since))
                .chain(emailUntil -> blockedUntil("ip = ?1", ip, since)
                        .map(ipUntil -> later(emailUntil, ipUntil)))
                .chain(until -> {
                    if (until != null) {
                        return Uni.createFrom().failure(tooMany(now, until));
                    }
                    LoginFailure attempt = new LoginFailure();
                    attempt.email = account;
                    attempt.ip = ip;
                    attempt.failedAt = now;
                    return attempt.persist().replaceWithVoid();
                });
    }

    /** The password was right: the account's failures (and this attempt) are forgotten. */
    @WithTransaction
    public Uni<Void> succeeded(String email) {
        return LoginFailure.delete("lower(email) = ?1", email.strip().toLowerCase(Locale.ROOT)).replaceWithVoid();
    }

    @Scheduled(every = "10m", delayed = "1m")
    Uni<Void> forgetOldFailures() {
        Instant before = Instant.now().minus(settings.window());
        return Panache.withTransaction(() -> LoginFailure.delete("failedAt < ?1", before)).replaceWithVoid();
    }

    private static Uni<Void> lock(String key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked", Integer.class)
                .setParameter(1, key)
                .getSingleResult())
                .replaceWithVoid();
    }

    /** When the max-th most recent failure in the window leaves it, or null when there are fewer failures. */
    private Uni<Instant> blockedUntil(String where, String value, Instant since) {
        int max = settings.maxFailures();
        return LoginFailure.<LoginFailure>find(where + " and failedAt > ?2 order by failedAt desc", value, since)
                .range(max - 1, max - 1)
                .firstResult()
                .map(f -> f == null ? null : f.failedAt.plus(settings.window()));
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static ProblemException tooMany(Instant now, Instant until) {
        long seconds = Math.max(1, Duration.between(now, until).toSeconds() + 1);
        return new ProblemException(429, "too-many-login-attempts", "Too many login attempts",
                "Too many failed logins for this account or address; try again in " + seconds + " seconds",
                null, Map.of("Retry-After", String.valueOf(seconds)));
    }
}
