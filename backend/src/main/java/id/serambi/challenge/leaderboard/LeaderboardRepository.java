package id.serambi.challenge.leaderboard;

import id.serambi.challenge.Challenges;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The leaderboard's queries over the participants' totals, and the notification that tells every instance's boards
 * of a participant's new state.
 */
@ApplicationScoped
public class LeaderboardRepository {

    /**
     * The ranking order of every board: points descending, then who reached them first, then id. The one place it is
     * written in SQL; {@link Board#ORDER} is the same order in memory.
     */
    public static final String RANKING = "points DESC, reached_at, id";

    /** The channel on which participants' new totals are announced. */
    public static final String CHANNEL = "serambi_leaderboard";

    /**
     * The announcement of one participant's state, as a select expression over a row of {@code participant}; the
     * statement that changes the row selects it (see the participation's repository), so the change and its
     * announcement are one round trip, and every instance's live board learns of it once it is committed.
     */
    public static final String ANNOUNCEMENT = "pg_notify('" + CHANNEL + "', json_build_object("
            + "'c', challenge_id, 'p', id, 'n', nickname, 's', school, 'h', hidden, "
            + "'pts', points, 'at', (extract(epoch FROM reached_at) * 1000000)::bigint, 'r', revision)::text)";

    private static final String LOAD = """
            SELECT id, nickname, school, points, (extract(epoch FROM reached_at) * 1000000)::bigint AS at, revision
              FROM participant
             WHERE challenge_id = $1 AND NOT hidden AND ($2::text IS NULL OR lower(school) = lower($2))
             ORDER BY\s""" + RANKING;

    /** A participant's own place, as "me" on a board. */
    public record ParticipantStanding(long participantId, String nickname, int points, boolean hidden) {
    }

    /** A participant's totals, for staff's results. */
    public record ParticipantTotals(long participantId, String nickname, String school, int points, int books, int pages,
            int minutes, boolean hidden) {
    }

    private final Pool pool;

    public LeaderboardRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * A board's entries in rank order, on the pool rather than a session: a board is loaded once for every request
     * that waits for it.
     */
    Uni<List<Board.Entry>> load(long challengeId, String school) {
        return pool.preparedQuery(LOAD).execute(Tuple.of(challengeId, school)).map(rows -> {
            List<Board.Entry> sorted = new ArrayList<>(rows.size());
            for (Row row : rows) {
                sorted.add(new Board.Entry(row.getLong("id"), row.getString("nickname"), row.getString("school"),
                        row.getInteger("points"), row.getLong("at"), row.getLong("revision")));
            }
            return sorted;
        });
    }

    /** The first {@code n} visible participants. */
    @WithSession
    public Uni<List<Challenges.Standing>> top(long challengeId, int n) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT nickname, points FROM participant "
                + "WHERE challenge_id = ?1 AND NOT hidden ORDER BY " + RANKING + " LIMIT ?2", Object[].class)
                .setParameter(1, challengeId).setParameter(2, n).getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Challenges.Standing((String) r[0], ((Number) r[1]).intValue())).toList());
    }

    /** The member's place in the challenge, or a null item when they have not joined. */
    @WithSession
    public Uni<ParticipantStanding> standing(long challengeId, long userId) {
        // HQL rather than native SQL: its plan is cached, and this runs on every board read by a logged-in member.
        return Panache.getSession().chain(s -> s.createSelectionQuery("select p.id, p.nickname, p.points, p.hidden "
                + "from Participant p where p.challengeId = ?1 and p.userId = ?2", Object[].class)
                .setParameter(1, challengeId).setParameter(2, userId).getResultList())
                .map(rows -> rows.isEmpty() ? null : new ParticipantStanding(((Number) rows.get(0)[0]).longValue(),
                        (String) rows.get(0)[1], ((Number) rows.get(0)[2]).intValue(), (Boolean) rows.get(0)[3]));
    }

    /** Every participant's totals, hidden ones too, in rank order. */
    @WithSession
    public Uni<List<ParticipantTotals>> totals(long challengeId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT id, nickname, school, points, books, pages, "
                + "minutes, hidden FROM participant WHERE challenge_id = ?1 ORDER BY " + RANKING, Object[].class)
                .setParameter(1, challengeId).getResultList())
                .map(rows -> rows.stream().map(r -> new ParticipantTotals(((Number) r[0]).longValue(), (String) r[1],
                        (String) r[2], ((Number) r[3]).intValue(), ((Number) r[4]).intValue(), ((Number) r[5]).intValue(),
                        ((Number) r[6]).intValue(), (Boolean) r[7])).toList());
    }
}
