package id.serambi.campaign.publishing;

import id.serambi.campaign.posts.PostVariant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.hibernate.reactive.common.AffectedEntities;

/**
 * The publishing job's SQL on {@code post_variant} and {@code publish_attempt}. Every state change is one UPDATE whose
 * WHERE names the state it leaves, so that of two instances running the same statement only one changes a row (the
 * other waits on the row lock, re-checks the WHERE and skips it): claims, reminders, "check needed" and "missed" each
 * happen exactly once.
 */
@ApplicationScoped
public class DeliveryRepository {

    private static final AffectedEntities VARIANTS = new AffectedEntities(PostVariant.class);
    /** A platform name no variant has: {@code NOT IN ()} is not SQL. */
    private static final List<String> NONE = List.of("-");

    /**
     * Claims up to {@code batch} due variants on connected platforms (not manual): delivery PUBLISHING, attempts + 1,
     * and an unfinished {@code publish_attempt} row of this instance, all in the caller's transaction, which must commit
     * before the platform is called. Rows another instance is claiming are skipped, not waited for.
     */
    public Uni<List<Long>> claimDue(Collection<String> platforms, String instance, int batch) {
        if (platforms.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                WITH due AS (
                    SELECT v.id FROM post_variant v JOIN post p ON p.id = v.post_id
                     WHERE p.status = 'SCHEDULED' AND NOT v.manual AND v.platform IN (:platforms)
                       AND ((v.delivery = 'SCHEDULED' AND v.scheduled_at <= now())
                         OR (v.delivery IN ('RETRY_WAIT', 'MISSED') AND v.next_attempt_at <= now()))
                     ORDER BY coalesce(v.next_attempt_at, v.scheduled_at), v.id
                     LIMIT :batch
                     FOR UPDATE OF v SKIP LOCKED
                ), claimed AS (
                    UPDATE post_variant v SET delivery = 'PUBLISHING', attempts = v.attempts + 1, next_attempt_at = NULL
                      FROM due WHERE v.id = due.id
                    RETURNING v.id
                )
                INSERT INTO publish_attempt (variant_id, instance) SELECT id, :instance FROM claimed
                RETURNING variant_id""", Long.class, VARIANTS)
                .setParameter("platforms", List.copyOf(platforms))
                .setParameter("batch", batch)
                .setParameter("instance", instance)
                .getResultList());
    }

    /**
     * Reminder mode: due variants that are manual or whose platform is not connected become MANUAL_DUE; their ids.
     */
    public Uni<List<Long>> claimReminders(Collection<String> connectedPlatforms) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE post_variant v SET delivery = 'MANUAL_DUE', next_attempt_at = NULL
                  FROM post p
                 WHERE p.id = v.post_id AND p.status = 'SCHEDULED' AND v.delivery = 'SCHEDULED'
                   AND v.scheduled_at <= now() AND (v.manual OR v.platform NOT IN (:platforms))
                RETURNING v.id""", Long.class, VARIANTS)
                .setParameter("platforms", connectedPlatforms.isEmpty() ? NONE : List.copyOf(connectedPlatforms))
                .getResultList());
    }

    /**
     * Attempts still unfinished {@code lease} after they started were cut off (their instance crashed): they become
     * INTERRUPTED and their variants CHECK_NEEDED, never re-sent. Returns those variants' ids.
     */
    public Uni<List<Long>> interruptStale(Duration lease, String message) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                WITH cut AS (
                    UPDATE publish_attempt SET outcome = 'INTERRUPTED', finished_at = clock_timestamp(), message = :message
                     WHERE finished_at IS NULL AND started_at < now() - :lease * interval '1 second'
                    RETURNING variant_id
                )
                UPDATE post_variant v SET delivery = 'CHECK_NEEDED', last_error = :message, next_attempt_at = NULL
                  FROM cut WHERE v.id = cut.variant_id AND v.delivery = 'PUBLISHING'
                RETURNING v.id""", Long.class, VARIANTS)
                .setParameter("lease", (double) lease.toSeconds())
                .setParameter("message", message)
                .getResultList());
    }

    /**
     * Variants still not out {@code after} their time (waiting, retrying or waiting to be posted by hand) become MISSED,
     * once. A retrying one keeps its next attempt: it may still go out, but staff are told.
     */
    public Uni<List<Long>> markMissed(Duration after) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE post_variant v SET delivery = 'MISSED'
                  FROM post p
                 WHERE p.id = v.post_id AND p.status = 'SCHEDULED'
                   AND v.delivery IN ('SCHEDULED', 'RETRY_WAIT', 'MANUAL_DUE')
                   AND v.scheduled_at <= now() - :after * interval '1 second'
                RETURNING v.id""", Long.class, VARIANTS)
                .setParameter("after", (double) after.toSeconds())
                .getResultList());
    }

    /** Finishes the variant's attempt under way, if it still is (not cut off meanwhile); true when it was. */
    public Uni<Boolean> finishAttempt(long variantId, String outcome, Integer httpStatus, String message) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE publish_attempt SET finished_at = clock_timestamp(), outcome = :outcome,
                       http_status = CAST(NULLIF(:status, '') AS integer), message = NULLIF(:message, '')
                 WHERE variant_id = :variant AND finished_at IS NULL""", VARIANTS)
                .setParameter("outcome", outcome)
                .setParameter("status", httpStatus == null ? "" : httpStatus.toString())
                .setParameter("message", message == null ? "" : message)
                .setParameter("variant", variantId)
                .executeUpdate()).map(n -> n > 0);
    }

    /** How many attempts the variant has had, finished or not (tests and the view of attempts). */
    public Uni<Long> attemptCount(long variantId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT count(*) FROM publish_attempt WHERE variant_id = :variant", Long.class)
                .setParameter("variant", variantId).getSingleResult());
    }
}
