package id.serambi.challenge.participation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Secret codes and their redemptions. */
@ApplicationScoped
@WithSession
public class CodeRepository implements PanacheRepository<ChallengeCode> {

    /** The code of the challenge (in any case), or a null item. */
    public Uni<ChallengeCode> findByCode(long challengeId, String code) {
        return find("challengeId = ?1 and upper(code) = upper(?2)", challengeId, code).firstResult();
    }

    public Uni<Boolean> exists(long challengeId, String code) {
        return count("challengeId = ?1 and upper(code) = upper(?2)", challengeId, code).map(n -> n > 0);
    }

    public Uni<Void> add(ChallengeCode code) {
        return persistAndFlush(code).replaceWithVoid();
    }

    /** Records the participant's use of the code, once: false when they had used it already. */
    public Uni<Boolean> redeem(ChallengeCode code, long participantId, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "INSERT INTO code_redemption (code_id, participant_id, points, redeemed_at) VALUES (?1, ?2, ?3, ?4) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, code.id).setParameter(2, participantId).setParameter(3, code.points)
                .setParameter(4, at).executeUpdate())
                .map(inserted -> inserted > 0);
    }

    /** The badges the participant earned through codes. */
    public Uni<Set<Long>> badgesRedeemedBy(long participantId) {
        return Panache.getSession().chain(s -> s.createQuery(
                "select c.badgeId from ChallengeCode c where c.badgeId is not null and c.id in "
                        + "(select r.codeId from CodeRedemption r where r.participantId = ?1)", Long.class)
                .setParameter(1, participantId).getResultList())
                .map(HashSet::new);
    }

    /** Staff: the challenge's codes with their badge's name and how often each was redeemed. */
    public Uni<List<StaffDtos.Code>> ofChallenge(long challengeId) {
        return Panache.getSession().chain(s -> s.createQuery(
                "select k, (select b.name from ChallengeBadge b where b.id = k.badgeId), "
                        + "(select count(r) from CodeRedemption r where r.codeId = k.id) "
                        + "from ChallengeCode k where k.challengeId = ?1 order by k.id", Object[].class)
                .setParameter(1, challengeId).getResultList())
                .map(rows -> rows.stream().map(r -> {
                    ChallengeCode k = (ChallengeCode) r[0];
                    return new StaffDtos.Code(k.id, k.code, k.description, k.points, (String) r[1], k.validUntil,
                            (Long) r[2]);
                }).toList());
    }
}
