package id.serambi.conversation.polling;

import id.serambi.common.SqlTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/** All SQL of the polling: the per-account poll state and its lease. */
@ApplicationScoped
public class PollStateRepository {

    /** A claimed account's state: where the last poll got to. */
    public record Claimed(String sinceId, Instant polledAt) {
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }

    /**
     * Takes the account's lease unless another instance holds one that has not run out or the platform asked to wait
     * until after {@code now}; the row is created on the first poll. One UPDATE decides: of two instances claiming at
     * once, the second re-reads the row the first changed and finds it claimed. Null when not claimed.
     */
    public Uni<Claimed> claim(String platform, String accountId, UUID claim, Instant now, Duration lease) {
        return session().chain(s -> s.createNativeQuery("""
                INSERT INTO conversation_poll (platform, account_id) VALUES (:platform, :account)
                ON CONFLICT (platform, account_id) DO NOTHING""")
                .setParameter("platform", platform).setParameter("account", accountId).executeUpdate()
                .chain(() -> s.createNativeQuery("""
                        UPDATE conversation_poll SET claim = :claim, claimed_until = :until, updated_at = now()
                         WHERE platform = :platform AND account_id = :account
                           AND (claimed_until IS NULL OR claimed_until < :now)
                           AND (wait_until IS NULL OR wait_until <= :now)
                        RETURNING since_id, polled_at""", Object[].class)
                        .setParameter("claim", claim).setParameter("until", now.plus(lease))
                        .setParameter("platform", platform).setParameter("account", accountId)
                        .setParameter("now", now).getResultList()))
                .map(PollStateRepository::claimed);
    }

    private static Claimed claimed(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Claimed((String) r[0], SqlTimes.instant(r[1]));
    }

    /**
     * Ends this instance's lease with the poll's outcome: the new since_id and poll start when they moved (null keeps
     * the old), the wait the platform asked for, and the error (null clears it). Nothing when the lease was lost.
     */
    public Uni<Integer> release(String platform, String accountId, UUID claim, String sinceId, Instant polledAt,
            Instant waitUntil, String error) {
        return session().chain(s -> s.createNativeQuery("""
                UPDATE conversation_poll
                   SET since_id = COALESCE(CAST(:since AS varchar), since_id),
                       polled_at = COALESCE(CAST(:polled AS timestamptz), polled_at),
                       wait_until = CAST(:wait AS timestamptz), last_error = CAST(:error AS varchar),
                       claim = NULL, claimed_until = NULL, updated_at = now()
                 WHERE platform = :platform AND account_id = :account AND claim = :claim""")
                .setParameter("since", sinceId).setParameter("polled", polledAt).setParameter("wait", waitUntil)
                .setParameter("error", error).setParameter("platform", platform).setParameter("account", accountId)
                .setParameter("claim", claim).executeUpdate());
    }
}
