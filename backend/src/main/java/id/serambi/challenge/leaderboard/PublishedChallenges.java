package id.serambi.challenge.leaderboard;

import id.serambi.challenge.Challenge;
import id.serambi.challenge.Challenges;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@link Challenges} for the other features. */
@ApplicationScoped
public class PublishedChallenges implements Challenges {

    @Override
    public Uni<ChallengeSummary> find(long challengeId) {
        return Challenge.<Challenge>findById(challengeId).map(c -> c == null ? null : new ChallengeSummary(c.id, c.title));
    }

    @Override
    public Uni<List<Standing>> top(long challengeId, int n) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT nickname, points FROM participant WHERE challenge_id = ?1 AND NOT hidden
                ORDER BY points DESC, reached_at, id LIMIT ?2""", Object[].class)
                .setParameter(1, challengeId).setParameter(2, n).getResultList())
                .map(rows -> rows.stream().map(r -> new Standing((String) r[0], ((Number) r[1]).intValue())).toList());
    }

    @Override
    public Uni<SharedReview> review(long logId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT l.title, l.author, l.review, l.share_review, l.status, p.nickname, l.challenge_id
                FROM reading_log l JOIN participant p ON p.id = l.participant_id WHERE l.id = ?1""", Object[].class)
                .setParameter(1, logId).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] r = rows.get(0);
                    return new SharedReview(logId, (String) r[0], (String) r[1], (String) r[2], Boolean.TRUE.equals(r[3]),
                            "VOIDED".equals(r[4]), (String) r[5], r[6] == null ? null : ((Number) r[6]).longValue());
                });
    }
}
