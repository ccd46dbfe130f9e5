package id.serambi.survey.answer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** All SQL of answering surveys: the responses, who answered already, the export, erasure and minors' retention. */
@ApplicationScoped
public class AnswerRepository {

    /** A response to store; the links are null for an ANONYMOUS survey. */
    record NewResponse(long surveyId, Long accountId, Long registrationId, boolean once, String answers, Long eventId,
            Long challengeId, String phase, String ageGroup, boolean minor, String contextKey) {
    }

    /**
     * Stores the response; false when a one-per-person response of this registration, or of this account in this
     * context, exists already (the unique indexes of V65 decide, also under concurrency).
     */
    public Uni<Boolean> insert(NewResponse r) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO survey_response (survey_id, account_id, registration_id, once, answers, event_id, challenge_id,
                                             phase, age_group, minor, context_key)
                VALUES (:survey, CAST(:account AS bigint), CAST(:registration AS bigint), :once,
                        CAST(CAST(:answers AS text) AS jsonb), CAST(:event AS bigint), CAST(:challenge AS bigint),
                        CAST(:phase AS varchar), CAST(:ageGroup AS varchar), :minor, :contextKey)
                ON CONFLICT DO NOTHING RETURNING id""", Long.class)
                .setParameter("survey", r.surveyId()).setParameter("account", r.accountId())
                .setParameter("registration", r.registrationId()).setParameter("once", r.once())
                .setParameter("answers", r.answers()).setParameter("event", r.eventId()).setParameter("challenge", r.challengeId())
                .setParameter("phase", r.phase()).setParameter("ageGroup", r.ageGroup()).setParameter("minor", r.minor())
                .setParameter("contextKey", r.contextKey()).getResultList()).map(ids -> !ids.isEmpty());
    }

    /** Whether this registration has a one-per-person response to the survey. */
    public Uni<Boolean> answeredByRegistration(long surveyId, long registrationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT count(*) FROM survey_response WHERE survey_id = :survey AND registration_id = :registration AND once""",
                Long.class).setParameter("survey", surveyId).setParameter("registration", registrationId).getSingleResult())
                .map(n -> n > 0);
    }

    /** Whether this account has a one-per-person response to the survey in this context. */
    public Uni<Boolean> answeredByAccount(long surveyId, long accountId, String contextKey) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT count(*) FROM survey_response
                 WHERE survey_id = :survey AND account_id = :account AND context_key = :context AND once""", Long.class)
                .setParameter("survey", surveyId).setParameter("account", accountId).setParameter("context", contextKey)
                .getSingleResult()).map(n -> n > 0);
    }

    /** The account's responses, oldest first, as a JSON array: the survey's titles, the day, where, and the answers. */
    public Uni<String> export(long accountId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT coalesce((SELECT json_agg(json_build_object('surveyId', r.survey_id, 'survey', v.title_id,
                        'surveyEn', v.title_en, 'submittedOn', r.submitted_on, 'eventId', r.event_id,
                        'challengeId', r.challenge_id, 'phase', r.phase, 'answers', r.answers) ORDER BY r.id)
                  FROM survey_response r JOIN survey v ON v.id = r.survey_id WHERE r.account_id = :account), '[]'::json)::text""",
                String.class).setParameter("account", accountId).getSingleResult());
    }

    /** Deletes the account's responses; answers how many. */
    public Uni<Integer> deleteOfAccount(long accountId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM survey_response WHERE account_id = :account")
                .setParameter("account", accountId).executeUpdate());
    }

    /** Deletes the responses linked to these registrations (a guest's erasure); answers how many. */
    public Uni<Integer> deleteOfRegistrations(List<Long> registrationIds) {
        if (registrationIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "DELETE FROM survey_response WHERE registration_id IN (:registrations)")
                .setParameter("registrations", registrationIds).executeUpdate());
    }

    /**
     * Drops the registration link of the responses given after events that ended more than {@code retention} ago (the
     * event's end read from its table, as the results read titles: events depend on surveys, not the reverse).
     */
    public Uni<Integer> unlinkOfEventsEndedBefore(Duration retention) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE survey_response r SET registration_id = NULL
                  FROM event e
                 WHERE r.event_id = e.id AND r.registration_id IS NOT NULL
                   AND e.ends_at < now() - :retention * interval '1 second'""")
                .setParameter("retention", (double) retention.toSeconds()).executeUpdate());
    }

    /** The responses linked to these registrations, oldest first, as a JSON array, as {@link #export(long)}. */
    public Uni<String> exportOfRegistrations(List<Long> registrationIds) {
        if (registrationIds.isEmpty()) {
            return Uni.createFrom().item("[]");
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT coalesce((SELECT json_agg(json_build_object('surveyId', r.survey_id, 'survey', v.title_id,
                        'surveyEn', v.title_en, 'submittedOn', r.submitted_on, 'eventId', r.event_id,
                        'registrationId', r.registration_id, 'answers', r.answers) ORDER BY r.id)
                  FROM survey_response r JOIN survey v ON v.id = r.survey_id
                 WHERE r.registration_id IN (:registrations)), '[]'::json)::text""",
                String.class).setParameter("registrations", registrationIds).getSingleResult());
    }

    /** Deletes minors' responses given before {@code cutoff}; answers how many. Idempotent: any instance may run it. */
    public Uni<Integer> deleteMinorResponses(LocalDate cutoff) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM survey_response WHERE minor AND submitted_on < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }
}
