package id.serambi.challenge.participation;

import id.serambi.challenge.leaderboard.LeaderboardRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

/**
 * Participants, their totals and their part of a member's personal data. Every statement that changes what a board
 * shows also announces the participant's new state ({@link LeaderboardRepository#ANNOUNCEMENT}), in the same round
 * trip and the same transaction.
 */
@ApplicationScoped
@WithSession
public class ParticipantRepository implements PanacheRepository<Participant> {

    /** Runs an UPDATE of participant rows ({@code changed}, RETURNING *) and announces each changed row. */
    private static String announcing(String update, String select) {
        return "WITH changed AS (" + update + " RETURNING *) SELECT " + select
                + " FROM changed CROSS JOIN LATERAL (SELECT " + LeaderboardRepository.ANNOUNCEMENT + ") AS sent";
    }

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
                  FROM code_redemption WHERE participant_id = ?1),
            changed AS (
                UPDATE participant p
                   SET points = logs.points + codes.points,
                       books = logs.books, pages = logs.pages, minutes = logs.minutes,
                       reached_at = coalesce(greatest(logs.last_at, codes.last_at), p.joined_at),
                       revision = p.revision + 1
                  FROM logs, codes
                 WHERE p.id = ?1
             RETURNING p.*)
            SELECT points FROM changed CROSS JOIN LATERAL (SELECT\s""" + LeaderboardRepository.ANNOUNCEMENT + ") AS sent";

    private static final String TOUCH = announcing("UPDATE participant SET revision = revision + 1 WHERE id = ?1", "id");

    private static final String SET_HIDDEN = announcing(
            "UPDATE participant SET hidden = ?2, revision = revision + 1 WHERE id = ?1", "id");

    private static final String EXPORT = """
            SELECT coalesce((SELECT json_agg(json_build_object(
                    'challengeId', p.challenge_id, 'challenge', c.title, 'nickname', p.nickname, 'school', p.school,
                    'hiddenFromLeaderboard', p.hidden, 'points', p.points, 'books', p.books, 'pages', p.pages,
                    'minutes', p.minutes, 'joinedAt', p.joined_at, 'refCode', p.ref_code,
                    'readingLogs', coalesce((SELECT json_agg(json_build_object('title', l.title, 'author', l.author,
                          'isbn', l.isbn, 'pages', l.pages, 'minutes', l.minutes, 'finished', l.finished,
                          'readOn', l.read_on, 'review', l.review, 'shareReview', l.share_review, 'points', l.points,
                          'status', l.status, 'createdAt', l.created_at) ORDER BY l.id)
                        FROM reading_log l WHERE l.participant_id = p.id), '[]'::json),
                    'redeemedCodes', coalesce((SELECT json_agg(json_build_object('code', k.code, 'points', r.points,
                          'redeemedAt', r.redeemed_at) ORDER BY r.redeemed_at)
                        FROM code_redemption r JOIN challenge_code k ON k.id = r.code_id
                       WHERE r.participant_id = p.id), '[]'::json)) ORDER BY p.id)
                  FROM participant p JOIN challenge c ON c.id = p.challenge_id WHERE p.user_id = ?1), '[]'::json)::text
            """;

    /** The member's participation, or a null item. */
    public Uni<Participant> findByMember(long challengeId, long userId) {
        return find("challengeId = ?1 and userId = ?2", challengeId, userId).firstResult();
    }

    /** The member's participation with its row locked for the transaction, or a null item. */
    public Uni<Participant> findByMemberLocked(long challengeId, long userId) {
        return find("challengeId = ?1 and userId = ?2", challengeId, userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Participant> findLocked(long participantId) {
        return findById(participantId, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Boolean> joined(long challengeId, long userId) {
        return count("challengeId = ?1 and userId = ?2", challengeId, userId).map(n -> n > 0);
    }

    public Uni<Boolean> nicknameTaken(long challengeId, String nickname) {
        return count("challengeId = ?1 and lower(nickname) = lower(?2)", challengeId, nickname).map(n -> n > 0);
    }

    public Uni<Void> add(Participant participant) {
        return persistAndFlush(participant).replaceWithVoid();
    }

    /**
     * Sets the participant's totals to the sum over their valid logs and redeemed codes, and announces them. Returns
     * the new points. The caller holds the participant's row lock.
     */
    public Uni<Integer> recompute(long participantId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(RECOMPUTE, Integer.class)
                .setParameter(1, participantId).getSingleResult());
    }

    /** Announces the participant's current state with a new revision. */
    public Uni<Void> touch(long participantId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(TOUCH, Long.class)
                .setParameter(1, participantId).getResultList()).replaceWithVoid();
    }

    /** Hides the participant from (or shows them on) the boards, and announces it. */
    public Uni<Void> setHidden(long participantId, boolean hidden) {
        return Panache.getSession().chain(s -> s.createNativeQuery(SET_HIDDEN, Long.class)
                .setParameter(1, participantId).setParameter(2, hidden).getResultList()).replaceWithVoid();
    }

    /** The member's challenges, logs and codes as a JSON array. */
    public Uni<String> export(long userId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(EXPORT, String.class)
                .setParameter(1, userId).getSingleResult());
    }

    /** Clears the reviews of the member's logs, shared or not. */
    public Uni<Void> clearReviews(long userId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE reading_log SET review = NULL, "
                + "share_review = FALSE WHERE participant_id IN (SELECT id FROM participant WHERE user_id = ?1)")
                .setParameter(1, userId).executeUpdate()).replaceWithVoid();
    }

    /**
     * Cuts the member's participants loose from the account: nickname {@code anonim-<id>}, no school, hidden, no link
     * code (issue 22). Their
     * totals stay, so the results stay consistent. Returns the participants' ids.
     */
    public Uni<List<Long>> anonymise(long userId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE participant SET user_id = NULL, "
                + "nickname = 'anonim-' || id, school = NULL, hidden = TRUE, ref_code = NULL WHERE user_id = ?1 "
                + "RETURNING id", Long.class)
                .setParameter(1, userId).getResultList());
    }

    private static final String REFERRALS = """
            SELECT p.ref_code, CAST(p.joined_at AT TIME ZONE :zone AS date) AS day, count(*) AS joined
              FROM participant p
             WHERE p.ref_code = ANY(:codes) AND p.joined_at >= :from AND p.joined_at < :to
             GROUP BY 1, 2
             ORDER BY 2, 1""";

    /** Per code and day of joining (in {@code zone}): the participations joined in [from, to) with one of these refs. */
    public Uni<List<id.serambi.challenge.Challenges.Referral>> referrals(java.util.Collection<String> codes,
            Instant from, Instant to, String zone) {
        return Panache.getSession().chain(s -> s.createNativeQuery(REFERRALS, Object[].class)
                .setParameter("zone", zone).setParameter("codes", codes.toArray(String[]::new))
                .setParameter("from", from).setParameter("to", to).getResultList())
                .map(rows -> rows.stream().map(r -> new id.serambi.challenge.Challenges.Referral((String) r[0],
                        id.serambi.common.SqlTimes.date(r[1]), ((Number) r[2]).longValue())).toList());
    }

    /** A participant due the notice with the after-challenge survey's link. */
    public record PostSurveyDue(long participantId, long userId, long challengeId, String title, long surveyId) {
    }

    /**
     * Claims the participants due the after-challenge survey's notice: of a challenge with a post survey that ended
     * (its last day is before {@code today}, in the library's zone) on or after {@code endedSince}, with an account,
     * and not sent it yet. Each row is claimed once (post_survey_noticed_at) by any number of instances: a second
     * UPDATE running at the same time waits for the first's row locks, then finds them claimed.
     */
    public Uni<List<PostSurveyDue>> claimPostSurveyNotices(java.time.LocalDate today, java.time.LocalDate endedSince) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE participant p SET post_survey_noticed_at = now()
                  FROM challenge c
                 WHERE p.challenge_id = c.id AND c.post_survey_id IS NOT NULL AND c.status <> 'DRAFT'
                   AND c.ends_on < ?1 AND c.ends_on >= ?2
                   AND p.post_survey_noticed_at IS NULL AND p.user_id IS NOT NULL
                RETURNING p.id, p.user_id, c.id, c.title, c.post_survey_id""", Object[].class)
                .setParameter(1, today).setParameter(2, endedSince).getResultList())
                .map(rows -> rows.stream().map(r -> new PostSurveyDue(((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), (String) r[3],
                        ((Number) r[4]).longValue())).toList());
    }
}
