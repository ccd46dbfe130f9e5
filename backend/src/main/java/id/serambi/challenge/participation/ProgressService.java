package id.serambi.challenge.participation;

import id.serambi.challenge.catalogue.ChallengeDto;
import id.serambi.challenge.catalogue.ChallengeRepository;
import id.serambi.challenge.leaderboard.Leaderboard;
import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A participant's progress: totals, goal, badges earned by points or codes, and rank on the live board. */
@ApplicationScoped
public class ProgressService {

    private final ParticipantRepository participants;
    private final ChallengeRepository challenges;
    private final CodeRepository codes;
    private final Leaderboard leaderboard;

    public ProgressService(ParticipantRepository participants, ChallengeRepository challenges, CodeRepository codes,
            Leaderboard leaderboard) {
        this.participants = participants;
        this.challenges = challenges;
        this.codes = codes;
        this.leaderboard = leaderboard;
    }

    @WithSession
    public Uni<ParticipationDtos.Progress> of(long challengeId, long userId) {
        return participants.findByMember(challengeId, userId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Your participation in challenge", challengeId))
                .chain(p -> challenges.existing(challengeId)
                .chain(c -> challenges.badges(challengeId)
                        .chain(badges -> codes.badgesRedeemedBy(p.id).chain(fromCodes -> leaderboard.rankOf(challengeId, p.id)
                                .map(rank -> {
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
}
