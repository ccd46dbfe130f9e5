package id.serambi.challenge;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps a participant's totals equal to the sum over their valid logs and redeemed codes: recomputed in SQL, in the
 * transaction that changed them, while that transaction holds the participant's row lock. The same transaction
 * NOTIFYs the new totals, so every instance's live board learns of them once they are committed.
 */
@ApplicationScoped
public class Totals {

    public static final String CHANNEL = "serambi_leaderboard";

    private static final String RECOMPUTE = """
            WITH logs AS (
                SELECT coalesce(sum(points), 0) AS points,
                       count(*) FILTER (WHERE finished) AS books,
                       coalesce(sum(pages), 0) AS pages,
                       coalesce(sum(minutes), 0) AS minutes,
                       max(counted_at) AS last_at
                  FROM reading_log WHERE participant_id = ?1 AND status = 'VALID'),
            codes AS (
                SELECT coalesce(sum(points), 0) AS points, max(redeemed_at) AS last_at
                  FROM code_redemption WHERE participant_id = ?1)
            UPDATE participant p
               SET points = logs.points + codes.points,
                   books = logs.books, pages = logs.pages, minutes = logs.minutes,
                   reached_at = coalesce(greatest(logs.last_at, codes.last_at), p.joined_at),
                   revision = p.revision + 1
              FROM logs, codes
             WHERE p.id = ?1
            """;

    private static final String NOTIFY = """
            SELECT count(*) FROM (
                SELECT pg_notify('serambi_leaderboard', json_build_object(
                    'c', challenge_id, 'p', id, 'n', nickname, 's', school, 'h', hidden,
                    'pts', points, 'at', (extract(epoch FROM reached_at) * 1000000)::bigint, 'r', revision)::text)
                  FROM participant WHERE id = ?1) AS sent
            """;

    /** Recomputes and announces one participant's totals. Call inside the transaction that holds its row lock. */
    public Uni<Void> recompute(long participantId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECOMPUTE)
                .setParameter(1, participantId).executeUpdate())
                .chain(() -> announce(participantId));
    }

    /** Announces a participant's current state (after hiding, renaming or erasure) with a new revision. */
    public Uni<Void> touch(long participantId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("UPDATE participant SET revision = revision + 1 WHERE id = ?1")
                .setParameter(1, participantId).executeUpdate())
                .chain(() -> announce(participantId));
    }

    private Uni<Void> announce(long participantId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(NOTIFY, Long.class)
                .setParameter(1, participantId).getSingleResult())
                .replaceWithVoid();
    }
}
