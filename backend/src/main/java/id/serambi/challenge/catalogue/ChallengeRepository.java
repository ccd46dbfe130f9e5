package id.serambi.challenge.catalogue;

import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Challenges and their badges, and how many joined each. */
@ApplicationScoped
@WithSession
public class ChallengeRepository implements PanacheRepository<Challenge> {

    private static final Sort BY_START = Sort.by("startsOn").and("id");
    private static final Sort BY_THRESHOLD = Sort.by("threshold").and("id");

    /** The challenge, or a 404 problem. */
    public Uni<Challenge> existing(long id) {
        return findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Challenge", id));
    }

    /** The challenge with its row locked for the rest of the transaction, or a 404 problem. */
    public Uni<Challenge> existingForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Challenge", id));
    }

    public Uni<List<Challenge>> listAll() {
        return findAll(BY_START).list();
    }

    public Uni<List<Challenge>> listByStatus(List<ChallengeStatus> statuses) {
        return list("status in ?1", BY_START, statuses);
    }

    public Uni<Boolean> existsWithTitle(String title) {
        return count("title", title).map(n -> n > 0);
    }

    public Uni<Void> create(Challenge challenge) {
        return persistAndFlush(challenge).replaceWithVoid();
    }

    /** The challenge's badges, by threshold (code-only badges last). */
    public Uni<List<ChallengeBadge>> badges(long challengeId) {
        return ChallengeBadge.list("challengeId", BY_THRESHOLD, challengeId);
    }

    public Uni<Map<Long, List<ChallengeBadge>>> badgesOf(List<Long> challengeIds) {
        return ChallengeBadge.<ChallengeBadge>list("challengeId in ?1", BY_THRESHOLD, challengeIds)
                .map(badges -> badges.stream().collect(Collectors.groupingBy(b -> b.challengeId)));
    }

    /** The badge of this name (in any case), or a null item. */
    public Uni<ChallengeBadge> badgeNamed(long challengeId, String name) {
        return ChallengeBadge.<ChallengeBadge>find("challengeId = ?1 and lower(name) = lower(?2)", challengeId, name)
                .firstResult();
    }

    public Uni<Void> addBadge(ChallengeBadge badge) {
        return badge.persist().replaceWithVoid();
    }

    public Uni<Void> removeBadge(ChallengeBadge badge) {
        return badge.delete();
    }


    public Uni<Long> participants(long challengeId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT count(*) FROM participant WHERE challenge_id = ?1", Long.class)
                .setParameter(1, challengeId).getSingleResult());
    }

    public Uni<Map<Long, Long>> participantsOf(List<Long> challengeIds) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT challenge_id, count(*) FROM participant WHERE challenge_id IN (?1) GROUP BY challenge_id",
                Object[].class).setParameter(1, challengeIds).getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(),
                        r -> ((Number) r[1]).longValue())));
    }
}
