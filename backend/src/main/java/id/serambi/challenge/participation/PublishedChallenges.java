package id.serambi.challenge.participation;

import id.serambi.challenge.Challenges;
import id.serambi.challenge.catalogue.ChallengeRepository;
import id.serambi.challenge.leaderboard.LeaderboardRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@link Challenges} for the other features. It lives in participation, the capability that sees the others: the
 * challenge (catalogue), the board (leaderboard) and the reading logs.
 */
@ApplicationScoped
public class PublishedChallenges implements Challenges {

    private final ChallengeRepository challenges;
    private final LeaderboardRepository leaderboard;
    private final ReadingLogRepository logs;

    public PublishedChallenges(ChallengeRepository challenges, LeaderboardRepository leaderboard,
            ReadingLogRepository logs) {
        this.challenges = challenges;
        this.leaderboard = leaderboard;
        this.logs = logs;
    }

    @Override
    public Uni<ChallengeSummary> find(long challengeId) {
        return challenges.findById(challengeId).map(c -> c == null ? null : new ChallengeSummary(c.id, c.title));
    }

    @Override
    public Uni<List<Standing>> top(long challengeId, int n) {
        return leaderboard.top(challengeId, n);
    }

    @Override
    public Uni<SharedReview> review(long logId) {
        return logs.review(logId);
    }
}
