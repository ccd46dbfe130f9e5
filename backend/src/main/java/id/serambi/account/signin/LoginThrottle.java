package id.serambi.account.signin;

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
    private final LoginFailureRepository failures;

    public LoginThrottle(SerambiConfig config, LoginThrottleSettings more, LoginFailureRepository failures) {
        this.settings = config.login();
        this.more = more;
        this.failures = failures;
    }

    /** Records an attempt, or fails with 429 when the pair, the address or the account's back-off says wait. */
    @WithTransaction
    public Uni<Void> begin(String email, String ip) {
        String account = email.strip().toLowerCase(Locale.ROOT);
        Instant now = Instant.now();
        Instant since = now.minus(settings.window());
        return failures.lock("login-email:" + account)
                .chain(() -> failures.lock("login-ip:" + ip))
                .chain(() -> failures.nthLatestOfAccountAndAddress(account, ip, since, settings.maxFailures()).map(this::plusWindow))
                .chain(pairUntil -> failures.nthLatestOfAddress(ip, since, more.addressMaxFailures()).map(this::plusWindow)
                        .map(ipUntil -> later(pairUntil, ipUntil)))
                .chain(until -> until != null ? Uni.createFrom().item(until) : backOffUntil(account, now, since))
                .chain(until -> {
                    if (until != null && until.isAfter(now)) {
                        return Uni.createFrom().failure(tooMany(now, until));
                    }
                    return failures.record(account, ip, now);
                });
    }

    /** The password was right: this account's failures from this address (and this attempt) are forgotten. */
    @WithTransaction
    public Uni<Void> succeeded(String email, String ip) {
        return failures.forget(email.strip().toLowerCase(Locale.ROOT), ip);
    }

    @Scheduled(every = "10m", delayed = "1m")
    Uni<Void> forgetOldFailures() {
        Instant before = Instant.now().minus(settings.window());
        return Panache.withTransaction(() -> failures.forgetBefore(before));
    }

    /**
     * The account's back-off: null while it has no more than its free failures in the window, else the last failure
     * plus the delay its number of failures asks for.
     */
    private Uni<Instant> backOffUntil(String account, Instant now, Instant since) {
        return failures.ofAccountSince(account, since)
                .chain(found -> {
                    if (found.count() <= Math.min(more.accountFreeFailures(), more.spikeFreeFailures())) {
                        return Uni.createFrom().nullItem();
                    }
                    return spike(now).map(spike -> {
                        int free = spike ? more.spikeFreeFailures() : more.accountFreeFailures();
                        return found.count() <= free ? null : found.last().plus(delay(found.count() - free));
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
        return failures.countSince(now.minus(Duration.ofMinutes(1)), max + 1).map(count -> count > max);
    }

    private Instant plusWindow(Instant failedAt) {
        return failedAt == null ? null : failedAt.plus(settings.window());
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
