package id.serambi.challenge.participation;

import id.serambi.challenge.Challenges;
import id.serambi.challenge.catalogue.Challenge;
import id.serambi.challenge.catalogue.ChallengeRepository;
import id.serambi.challenge.catalogue.ChallengeStatus;
import id.serambi.challenge.leaderboard.LeaderboardRepository;
import id.serambi.common.SerambiConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * {@link Challenges} for the other features. It lives in participation, the capability that sees the others: the
 * challenge (catalogue), the board (leaderboard) and the reading logs.
 */
@ApplicationScoped
public class PublishedChallenges implements Challenges {

    /** Before any joining and after every one: the bounds of an open-ended period. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9000-01-01T00:00:00Z");

    private final ChallengeRepository challenges;
    private final LeaderboardRepository leaderboard;
    private final ReadingLogRepository logs;
    private final ParticipantRepository participants;
    private final SerambiConfig config;

    public PublishedChallenges(ChallengeRepository challenges, LeaderboardRepository leaderboard,
            ReadingLogRepository logs, ParticipantRepository participants, SerambiConfig config) {
        this.challenges = challenges;
        this.leaderboard = leaderboard;
        this.logs = logs;
        this.participants = participants;
        this.config = config;
    }

    @Override
    public Uni<List<Referral>> referrals(Collection<String> codes, LocalDate from, LocalDate to) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        ZoneId zone = config.library().timeZone();
        Instant start = from == null ? EARLIEST : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? LATEST : to.plusDays(1).atStartOfDay(zone).toInstant();
        return participants.referrals(codes, start, end, zone.getId());
    }

    @Override
    public Uni<List<ChallengeSummary>> open() {
        LocalDate today = LocalDate.now(config.library().timeZone());
        return challenges.listByStatus(List.of(ChallengeStatus.PUBLISHED)).map(list -> list.stream()
                .filter(c -> !c.endsOn.isBefore(today))
                .sorted(Comparator.comparing((Challenge c) -> c.endsOn).thenComparing(c -> c.id))
                .map(c -> new ChallengeSummary(c.id, c.title)).toList());
    }

    @Override
    public Uni<ChallengeSummary> find(long challengeId) {
        return challenges.findById(challengeId).map(c -> c == null ? null : new ChallengeSummary(c.id, c.title));
    }

    @Override
    public Uni<Boolean> closed(long challengeId) {
        LocalDate today = LocalDate.now(config.library().timeZone());
        return challenges.findById(challengeId).map(c -> c == null ? null
                : c.status == ChallengeStatus.CLOSED || c.endsOn.isBefore(today));
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
