package id.serambi.event.questions;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.common.AffectedEntities;

/** Live questions and their votes. The upvote count is changed only here, one vote per registration. */
@ApplicationScoped
@WithSession
public class QuestionRepository implements PanacheRepository<Question> {

    private static final AffectedEntities QUESTIONS = new AffectedEntities(Question.class);
    private static final Sort VISIBLE_ORDER = Sort.descending("upvotes").and("id");

    public Uni<Long> countAskedBy(long registrationId) {
        return count("registrationId", registrationId);
    }

    /** The questions the audience sees: most upvoted first, then in the order asked. */
    public Uni<List<Question>> visible(long eventId) {
        return list("eventId = ?1 and status in ?2", VISIBLE_ORDER, eventId,
                List.of(QuestionStatus.APPROVED, QuestionStatus.ANSWERED));
    }

    /** An event's questions in the order asked, of one status if given. */
    public Uni<List<Question>> ofEvent(long eventId, QuestionStatus status) {
        return status == null ? list("eventId", Sort.by("id"), eventId)
                : list("eventId = ?1 and status = ?2", Sort.by("id"), eventId, status);
    }

    /**
     * Records the registration's vote and counts it: the new count, or null when this registration had voted already
     * (the vote table's primary key holds one vote per registration).
     */
    public Uni<Integer> upvote(long questionId, long registrationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                WITH vote AS (
                    INSERT INTO event_question_vote (question_id, registration_id) VALUES (:question, :voter)
                    ON CONFLICT DO NOTHING RETURNING question_id)
                UPDATE event_question SET upvotes = upvotes + 1
                 WHERE id IN (SELECT question_id FROM vote)
                RETURNING upvotes""", Integer.class, QUESTIONS)
                .setParameter("question", questionId)
                .setParameter("voter", registrationId)
                .getResultList())
                .map(counted -> counted.isEmpty() ? null : counted.get(0));
    }

    /** pg_notify inside the transaction (after flushing it): PostgreSQL delivers it to every listener on commit. */
    public Uni<Void> notify(String channel, String payload) {
        return Panache.getSession().chain(s -> s.flush().chain(() -> s.createNativeQuery(
                "SELECT count(*) FROM (SELECT pg_notify(:channel, :payload)) AS sent", Long.class)
                .setParameter("channel", channel)
                .setParameter("payload", payload)
                .getSingleResult()))
                .replaceWithVoid();
    }
}
