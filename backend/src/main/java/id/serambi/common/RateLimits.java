package id.serambi.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Rate limits per client address and per account on the writes anyone can make (login, sign-up, event registration,
 * live Q&amp;A, reading logs): token buckets (bucket4j) of {@code per-ip} and {@code per-account} requests that refill
 * one by one over {@code period}. Over either limit is a 429 problem with Retry-After, the seconds until the next
 * request would pass.
 *
 * <p>The buckets live in memory, in one bounded cache per action: an idle bucket is dropped once its period has passed
 * (by then it is full again, so nothing is lost), and at most {@code max-keys} are kept, so a client cycling through
 * addresses cannot exhaust memory. Each instance counts on its own: with N replicas behind a load balancer a client
 * gets up to N times the limit. The login failure throttle ({@code account.LoginThrottle}) is kept in PostgreSQL and
 * holds across instances; these limits come first and turn a flood away before it reaches the database or bcrypt.
 *
 * <p>The client address is the connection's, or X-Forwarded-For's when proxy address forwarding is on.
 */
@ApplicationScoped
public class RateLimits {

    /** What is limited, with its settings and the words its 429 uses. */
    public enum Action {
        LOGIN(SerambiConfig.RateLimit::login, "login attempts"),
        SIGN_UP(SerambiConfig.RateLimit::signUp, "sign-ups"),
        EVENT_REGISTRATION(SerambiConfig.RateLimit::eventRegistration, "event registrations"),
        QUESTION(SerambiConfig.RateLimit::questions, "questions"),
        VOTE(SerambiConfig.RateLimit::votes, "votes"),
        READING_LOG(SerambiConfig.RateLimit::readingLogs, "reading logs"),
        ASSISTANT(SerambiConfig.RateLimit::assistant, "questions to the assistant"),
        SURVEY_RESPONSE(SerambiConfig.RateLimit::surveyResponses, "survey answers");

        private final Function<SerambiConfig.RateLimit, SerambiConfig.RateLimit.Limit> settings;
        private final String what;

        Action(Function<SerambiConfig.RateLimit, SerambiConfig.RateLimit.Limit> settings, String what) {
            this.settings = settings;
            this.what = what;
        }
    }

    private record Limiter(SerambiConfig.RateLimit.Limit limit, Cache<String, Bucket> buckets) {

        Bucket bucket(String key, int capacity) {
            return buckets.get(key, k -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, limit.period()).build())
                    .build());
        }
    }

    private final boolean enabled;
    private final Map<Action, Limiter> limiters = new EnumMap<>(Action.class);
    private final CurrentVertxRequest request;

    public RateLimits(SerambiConfig config, CurrentVertxRequest request) {
        SerambiConfig.RateLimit settings = config.rateLimit();
        this.enabled = settings.enabled();
        this.request = request;
        for (Action action : Action.values()) {
            SerambiConfig.RateLimit.Limit limit = action.settings.apply(settings);
            limiters.put(action, new Limiter(limit, Caffeine.newBuilder()
                    .maximumSize(settings.maxKeys())
                    .expireAfterAccess(limit.period())
                    .build()));
        }
    }

    /**
     * Counts one request of the current client and account, or throws a 429 {@link ProblemException} when either is
     * over its limit. A request turned away by the account's limit does not count against the address.
     *
     * @param account who acts, whatever the address: an e-mail (any case), a member id or a registration's token
     */
    public void check(Action action, String account) {
        if (!enabled) {
            return;
        }
        Limiter limiter = limiters.get(action);
        Bucket byIp = limiter.bucket("ip:" + clientAddress(), limiter.limit().perIp());
        ConsumptionProbe ip = byIp.tryConsumeAndReturnRemaining(1);
        if (!ip.isConsumed()) {
            throw tooMany(action, "this address", ip);
        }
        if (account == null || account.isBlank()) {
            return;
        }
        // E-mails count whatever their letter case; tokens and ids (which never hold an '@') are case-sensitive.
        String key = "account:" + (account.indexOf('@') >= 0 ? account.strip().toLowerCase(Locale.ROOT) : account);
        ConsumptionProbe own = limiter.bucket(key, limiter.limit().perAccount()).tryConsumeAndReturnRemaining(1);
        if (!own.isConsumed()) {
            byIp.addTokens(1);
            throw tooMany(action, "this account", own);
        }
    }

    /** The address the request came from (X-Forwarded-For's first hop when proxy forwarding is on). */
    public String clientAddress() {
        HttpServerRequest http = request.getCurrent() == null ? null : request.getCurrent().request();
        return http == null || http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    private static ProblemException tooMany(Action action, String who, ConsumptionProbe probe) {
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new ProblemException(429, "rate-limited", "Too many requests",
                "Too many " + action.what + " from " + who + "; try again in " + seconds + " seconds",
                null, Map.of("Retry-After", String.valueOf(seconds)));
    }
}
