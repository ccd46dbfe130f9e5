package id.serambi.challenge;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A participant's progress: totals, goal, badges earned by points or codes, and rank on the live board. */
@ApplicationScoped
public class ProgressService {

    private final ParticipationService participation;
    private final Leaderboard leaderboard;

    public ProgressService(ParticipationService participation, Leaderboard leaderboard) {
        this.participation = participation;
        this.leaderboard = leaderboard;
    }

    @WithSession
    public Uni<ParticipationDtos.Progress> of(long challengeId, long userId) {
        return participation.participant(challengeId, userId).chain(p -> ChallengeService.find(challengeId)
                .chain(c -> ChallengeBadge.<ChallengeBadge>list("challengeId", Sort.by("threshold").and("id"), challengeId)
                        .chain(badges -> codeBadges(p.id).chain(fromCodes -> leaderboard.board(challengeId, null)
                                .map(board -> {
                                    int rank = board.rankOf(p.id);
                                    List<ChallengeDto.BadgeDto> earned = badges.stream()
                                            .filter(b -> b.threshold != null && p.points >= b.threshold
                                                    || fromCodes.contains(b.id))
                                            .map(ChallengeDto.BadgeDto::of).toList();
                                    List<ChallengeDto.BadgeDto> next = badges.stream()
                                            .filter(b -> b.threshold != null && p.points < b.threshold
                                                    && !fromCodes.contains(b.id))
                                            .map(ChallengeDto.BadgeDto::of).toList();
                                    int done = switch (c.goalType) {
                                        case BOOKS -> p.books;
                                        case PAGES -> p.pages;
                                        case MINUTES -> p.minutes;
                                    };
                                    int percent = (int) Math.min(100, done * 100L / c.goalValue);
                                    return new ParticipationDtos.Progress(p.id, p.nickname, p.school, p.hidden,
                                            p.points, p.books, p.pages, p.minutes,
                                            p.hidden || rank == 0 ? null : rank, c.goalType, c.goalValue, percent,
                                            earned, next);
                                })))));
    }

    private static Uni<Set<Long>> codeBadges(long participantId) {
        return Panache.getSession().chain(s -> s.createQuery(
                "select c.badgeId from ChallengeCode c where c.badgeId is not null and c.id in "
                        + "(select r.codeId from CodeRedemption r where r.participantId = ?1)", Long.class)
                .setParameter(1, participantId).getResultList())
                .map(HashSet::new);
    }
}
