package id.serambi.privacy;

import id.serambi.common.ProblemException;
import id.serambi.challenge.Totals;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A member's personal data under UU PDP: everything Serambi holds about them as one JSON document, and its erasure.
 * Event registrations are linked to the account by e-mail, so they count as the member's only once the account has
 * verified that it owns the address; until then they may be a guest's, and are neither exported nor erased.
 * Erasure deletes the account and strips what identifies the person, but keeps the anonymous reading totals, so
 * the challenges' results and boards stay consistent (the participant leaves the public boards).
 */
@ApplicationScoped
public class PersonalData {

    private static final String EXPORT = """
            SELECT json_build_object(
              'exportedAt', now(),
              'account', (SELECT json_build_object('id', u.id, 'email', u.email, 'displayName', u.display_name,
                    'birthYear', u.birth_year, 'role', u.role, 'createdAt', u.created_at,
                    'guardianEmail', u.guardian_email, 'guardianConsentAt', u.guardian_consent_at,
                    'emailVerifiedAt', u.email_verified_at)
                  FROM app_user u WHERE u.id = ?1),
              'challenges', coalesce((SELECT json_agg(json_build_object(
                    'challengeId', p.challenge_id, 'challenge', c.title, 'nickname', p.nickname, 'school', p.school,
                    'hiddenFromLeaderboard', p.hidden, 'points', p.points, 'books', p.books, 'pages', p.pages,
                    'minutes', p.minutes, 'joinedAt', p.joined_at,
                    'readingLogs', coalesce((SELECT json_agg(json_build_object('title', l.title, 'author', l.author,
                          'isbn', l.isbn, 'pages', l.pages, 'minutes', l.minutes, 'finished', l.finished,
                          'readOn', l.read_on, 'review', l.review, 'shareReview', l.share_review, 'points', l.points,
                          'status', l.status, 'createdAt', l.created_at) ORDER BY l.id)
                        FROM reading_log l WHERE l.participant_id = p.id), '[]'::json),
                    'redeemedCodes', coalesce((SELECT json_agg(json_build_object('code', k.code, 'points', r.points,
                          'redeemedAt', r.redeemed_at) ORDER BY r.redeemed_at)
                        FROM code_redemption r JOIN challenge_code k ON k.id = r.code_id
                       WHERE r.participant_id = p.id), '[]'::json)) ORDER BY p.id)
                  FROM participant p JOIN challenge c ON c.id = p.challenge_id WHERE p.user_id = ?1), '[]'::json),
              'eventRegistrations', coalesce((SELECT json_agg(json_build_object('event', e.title,
                    'startsAt', e.starts_at, 'name', r.name, 'email', r.email, 'whatsapp', r.whatsapp,
                    'ageGroup', r.age_group, 'status', r.status, 'registeredAt', r.created_at) ORDER BY r.id)
                  FROM registration r JOIN event e ON e.id = r.event_id
                 WHERE lower(r.email) = (SELECT lower(email) FROM app_user
                                          WHERE id = ?1 AND email_verified_at IS NOT NULL)), '[]'::json)
            )::text
            """;

    private final Totals totals;

    public PersonalData(Totals totals) {
        this.totals = totals;
    }

    /** All of the member's data, as a JSON document. */
    @WithSession
    public Uni<String> export(long userId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(EXPORT, String.class)
                .setParameter(1, userId).getSingleResult());
    }

    /** Erases the member: their account goes, their logs and registrations become anonymous. */
    @WithTransaction
    @SuppressWarnings("unchecked")
    public Uni<Void> erase(long userId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT role, email, email_verified_at IS NOT NULL FROM app_user WHERE id = ?1 FOR UPDATE", Object[].class)
                .setParameter(1, userId).getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().failure(ProblemException.notFound("Account", userId));
                    }
                    String role = (String) rows.get(0)[0];
                    String email = (String) rows.get(0)[1];
                    boolean verified = (Boolean) rows.get(0)[2];
                    Uni<Void> check = !"ADMIN".equals(role) ? Uni.createFrom().voidItem()
                            : s.createNativeQuery("SELECT count(*) FROM app_user WHERE role = 'ADMIN'", Long.class)
                                    .getSingleResult().invoke(admins -> {
                                        if (admins <= 1) {
                                            throw ProblemException.conflict("last-admin", "Last admin",
                                                    "You are the only admin; make someone else admin first");
                                        }
                                    }).replaceWithVoid();
                    return check
                            .chain(() -> s.createNativeQuery("UPDATE reading_log SET review = NULL, share_review = FALSE "
                                    + "WHERE participant_id IN (SELECT id FROM participant WHERE user_id = ?1)")
                                    .setParameter(1, userId).executeUpdate())
                            .chain(() -> s.createNativeQuery("SELECT id FROM participant WHERE user_id = ?1", Long.class)
                                    .setParameter(1, userId).getResultList())
                            .call(ids -> s.createNativeQuery("UPDATE participant SET user_id = NULL, "
                                    + "nickname = 'anonim-' || id, school = NULL, hidden = TRUE WHERE user_id = ?1")
                                    .setParameter(1, userId).executeUpdate())
                            .call(ids -> touchAll((List<Long>) ids))
                            // Registrations under the e-mail are the account's only once it proved it owns the address;
                            // before that they may be a guest's, and stay as they are.
                            .chain(() -> !verified ? Uni.createFrom().item(0) : s.createNativeQuery(
                                    "UPDATE registration SET name = 'Dihapus', "
                                    + "email = 'dihapus-' || id || '@invalid.serambi.id', whatsapp = NULL "
                                    + "WHERE lower(email) = lower(?1)")
                                    .setParameter(1, email).executeUpdate())
                            .chain(() -> s.createNativeQuery("DELETE FROM login_failure WHERE lower(email) = lower(?1)")
                                    .setParameter(1, email).executeUpdate())
                            .chain(() -> s.createNativeQuery("DELETE FROM app_user WHERE id = ?1")
                                    .setParameter(1, userId).executeUpdate())
                            .replaceWithVoid();
                }));
    }

    private Uni<Void> touchAll(List<Long> participantIds) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Long id : participantIds) {
            chain = chain.chain(() -> totals.touch(id));
        }
        return chain;
    }
}
