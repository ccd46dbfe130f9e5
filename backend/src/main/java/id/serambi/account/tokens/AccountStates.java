package id.serambi.account.tokens;

import id.serambi.account.Role;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.serambi.common.PgNotifications;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Each account's current role and token version, as every request with a bearer token needs them, kept in memory so
 * that the hot path makes no database round trip. The database announces every change of role or token version and
 * every deletion on the {@code account_changed} channel (migration V40), in the committing transaction; every
 * instance forgets that account at once, and reads it again on its next request. A loss of the LISTEN connection
 * forgets everything, since announcements may have been missed meanwhile.
 */
@ApplicationScoped
public class AccountStates {

    private static final Logger LOG = Logger.getLogger(AccountStates.class);
    static final String CHANNEL = "account_changed";

    /** What a token is checked against. Empty when the account no longer exists. */
    public record State(Role role, int tokenVersion) {
    }

    private final AccountStateRepository repository;
    private final PgNotifications notifications;
    private final Cache<Long, Optional<State>> states = Caffeine.newBuilder()
            .maximumSize(100_000)
            // A safety net only: changes are announced. Bounds how long a missed announcement could matter.
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();
    /** Counts forgettings, so that a read that raced a change is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong loads = new AtomicLong();

    public AccountStates(AccountStateRepository repository, PgNotifications notifications) {
        this.repository = repository;
        this.notifications = notifications;
    }

    void listen(@Observes StartupEvent event) {
        notifications.channel(CHANNEL).subscribe().with(this::forget,
                e -> LOG.errorf("Account change announcements stopped: %s", e.getMessage()));
        notifications.reconnects().subscribe().with(tick -> forgetAll());
    }

    /** The account's current state; from memory unless it changed since it was last read. */
    public Uni<Optional<State>> current(long accountId) {
        Optional<State> known = states.getIfPresent(accountId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        long before = generation.get();
        loads.incrementAndGet();
        return repository.find(accountId)
                .invoke(state -> {
                    // A change announced while this read ran may not be in it: serve it, but do not keep it.
                    if (generation.get() == before) {
                        states.put(accountId, state);
                    }
                });
    }

    void forget(String payload) {
        generation.incrementAndGet();
        try {
            states.invalidate(Long.parseLong(payload.strip()));
        } catch (NumberFormatException e) {
            states.invalidateAll();
        }
    }

    void forgetAll() {
        generation.incrementAndGet();
        states.invalidateAll();
    }

    /** How many times an account was read from the database (tests: the hot path must not read). */
    long loads() {
        return loads.get();
    }
}
