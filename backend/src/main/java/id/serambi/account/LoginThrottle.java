package id.serambi.account;

import id.serambi.common.SqlTimes;
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
 * Throttles password guessing without handing anyone a way to lock an account's owner out (OWASP Authentication
 * Cheat Sheet, "Account lockout"). Failed logins in a sliding window ({@code serambi.login.window}), kept in
 * PostgreSQL so that they hold across replicas, are counted four ways:
 * <ul>
 * <li><b>One account from one address</b>: after {@code serambi.login.max-failures} failures that pair waits until the
 * window moves on (429 with Retry-After). Only the guesser's own address is held back.</li>
 * <li><b>One address, any accounts</b>: after {@code address-max-failures} the address waits: one address cannot spray
 * passwords over many accounts.</li>
 * <li><b>One account, any addresses</b>: an exponential back-off instead of a lock. After {@code account-free-failures}
 * failures, an attempt must come a delay after the account's last failure ({@code first-delay}, doubling per further
 * failure, at most {@code max-delay}); an earlier one is a 429 with Retry-After and its password is not checked. A
 * guesser with many addresses gets about one guess per {@code max-delay}; the owner, from a new address with the right
 * password, waits at most that long and is never locked out.</li>
 * <li><b>The whole site</b>: more than {@code global-max-failures} failures in the last minute is a spike, during
 * which the per-account back-off begins after {@code spike-free-failures}.</li>
 * </ul>
 *
 * <p>Every attempt is recorded as a failure <em>before</em> the password is checked, under transaction-scoped advisory
 * locks per account and per address, and a success removes that account's failures from that address. So concurrent
 * guesses, on any number of instances, cannot slip past the limits, and no lock is held while bcrypt runs.
 */
@ApplicationScoped
public class LoginThrottle {

    private final SerambiConfig.Login settings;
    private final LoginThrottleSettings more;

    public LoginThrottle(SerambiConfig config, LoginThrottleSettings more) {
        this.settings = config.login();
        this.more = more;
    }

    /** Records an attempt, or fails with 429 when the pair, the address or the account's back-off says wait. */
    @WithTransaction
    public Uni<Void> begin(String email, String ip) {
        String account = email.strip().toLowerCase(Locale.ROOT);
        Instant now = Instant.now();
        Instant since = now.minus(settings.window());
        return lock("login-email:" + account)
                .chain(() -> lock("login-ip:" + ip))
                .chain(() -> blockedUntil("lower(email) = ?1 and ip = ?3", account, ip, since, settings.maxFailures()))
                .chain(pairUntil -> blockedUntil("ip = ?1", ip, null, since, more.addressMaxFailures())
                        .map(ipUntil -> later(pairUntil, ipUntil)))
                .chain(until -> until != null ? Uni.createFrom().item(until) : backOffUntil(account, now, since))
                .chain(until -> {
                    if (until != null && until.isAfter(now)) {
                        return Uni.createFrom().failure(tooMany(now, until));
                    }
                    LoginFailure attempt = new LoginFailure();
                    attempt.email = account;
                    attempt.ip = ip;
                    attempt.failedAt = now;
                    return attempt.persist().replaceWithVoid();
                });
    }

    /** The password was right: this account's failures from this address (and this attempt) are forgotten. */
    @WithTransaction
    public Uni<Void> succeeded(String email, String ip) {
        return LoginFailure.delete("lower(email) = ?1 and ip = ?2", email.strip().toLowerCase(Locale.ROOT), ip)
                .replaceWithVoid();
    }

    @Scheduled(every = "10m", delayed = "1m")
    Uni<Void> forgetOldFailures() {
        Instant before = Instant.now().minus(settings.window());
        return Panache.withTransaction(() -> LoginFailure.delete("failedAt < ?1", before)).replaceWithVoid();
    }

    /**
     * The account's back-off: null while it has no more than its free failures in the window, else the last failure
     * plus the delay its number of failures asks for.
     */
    private Uni<Instant> backOffUntil(String account, Instant now, Instant since) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT count(*), max(failed_at) FROM login_failure "
                        + "WHERE lower(email) = ?1 AND failed_at > ?2", Object[].class)
                .setParameter(1, account)
                .setParameter(2, since)
                .getSingleResult())
                .chain(row -> {
                    long failures = ((Number) row[0]).longValue();
                    if (failures <= Math.min(more.accountFreeFailures(), more.spikeFreeFailures())) {
                        return Uni.createFrom().nullItem();
                    }
                    Instant last = SqlTimes.instant(row[1]);
                    return spike(now).map(spike -> {
                        int free = spike ? more.spikeFreeFailures() : more.accountFreeFailures();
                        return failures <= free ? null : last.plus(delay(failures - free));
                    });
                });
    }

    /** The wait after {@code beyond} failures past the free ones: first-delay doubled per failure, at most max-delay. */
    Duration delay(long beyond) {
        long max = more.maxDelay().toMillis();
        long millis = more.firstDelay().toMillis();
        for (long i = 1; i < beyond && millis < max; i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max));
    }

    /** Whether the site had more than global-max-failures failures in the last minute (counting stops there). */
    private Uni<Boolean> spike(Instant now) {
        int max = more.globalMaxFailures();
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM login_failure WHERE failed_at > ?1 LIMIT ?2) "
                        + "AS recent", Long.class)
                .setParameter(1, now.minus(Duration.ofMinutes(1)))
                .setParameter(2, max + 1)
                .getSingleResult())
                .map(count -> count > max);
    }

    private static Uni<Void> lock(String key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked", Integer.class)
                .setParameter(1, key)
                .getSingleResult())
                .replaceWithVoid();
    }

    /** When the max-th most recent failure in the window leaves it, or null when there are fewer failures. */
    private Uni<Instant> blockedUntil(String where, String value, String ip, Instant since, int max) {
        var query = ip == null
                ? LoginFailure.<LoginFailure>find(where + " and failedAt > ?2 order by failedAt desc", value, since)
                : LoginFailure.<LoginFailure>find(where + " and failedAt > ?2 order by failedAt desc", value, since, ip);
        return query.range(max - 1, max - 1)
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
