package id.serambi.challenge.leaderboard;

import id.serambi.challenge.catalogue.ChallengeService;
import id.serambi.common.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The public boards with the caller's place, and staff's results, read from the live boards. */
@ApplicationScoped
public class LeaderboardService {

    /**
     * Challenges seen published. A published challenge never goes back to draft and is never deleted, so once one is
     * seen here, its board and stream are answered without asking the database: thousands of teens opening the
     * leaderboard at once do not queue for the pool.
     */
    private final Set<Long> seenPublic = ConcurrentHashMap.newKeySet();

    private final Leaderboard leaderboard;
    private final LeaderboardRepository repository;
    private final ChallengeService challenges;

    public LeaderboardService(Leaderboard leaderboard, LeaderboardRepository repository, ChallengeService challenges) {
        this.leaderboard = leaderboard;
        this.repository = repository;
        this.challenges = challenges;
    }

    /** Completes when the challenge exists and is not a draft; a 404 problem otherwise. */
    public Uni<Void> visible(long id) {
        if (seenPublic.contains(id)) {
            return Uni.createFrom().voidItem();
        }
        return challenges.checkPublic(id).invoke(() -> seenPublic.add(id));
    }

    /** The top {@code limit} of the board and, for a caller who joined, their place with their neighbours. */
    public Uni<LeaderboardDto> board(long id, int limit, String school, Caller caller) {
        return visible(id).chain(() -> leaderboard.board(id, school)).chain(board -> {
            List<LeaderboardDto.Entry> entries = LeaderboardDto.entries(board.top(limit), 1);
            if (caller.anonymous()) {
                return Uni.createFrom().item(new LeaderboardDto(id, school, entries, board.size(), null));
            }
            return repository.standing(id, caller.userId())
                    .map(p -> new LeaderboardDto(id, school, entries, board.size(), me(board, p)));
        });
    }

    private static LeaderboardDto.Me me(Board board, LeaderboardRepository.ParticipantStanding p) {
        if (p == null) {
            return null;
        }
        int rank = board.rankOf(p.participantId());
        if (p.hidden() || rank == 0) {
            return new LeaderboardDto.Me(null, p.nickname(), p.points(), p.hidden(), List.of());
        }
        int from = Math.max(1, rank - 2);
        return new LeaderboardDto.Me(rank, p.nickname(), p.points(), false,
                LeaderboardDto.entries(board.slice(from, rank + 2), from));
    }

    /** Every participant's totals in rank order, hidden ones too (without a rank). */
    @WithSession
    public Uni<List<ResultRow>> results(long id) {
        return challenges.checkExists(id).chain(() -> repository.totals(id))
                .chain(all -> leaderboard.board(id, null).map(board -> all.stream()
                        .map(p -> new ResultRow(p.hidden() ? null : board.rankOf(p.participantId()), p.nickname(),
                                p.school(), p.points(), p.books(), p.pages(), p.minutes(), p.hidden()))
                        .toList()));
    }
}
