package id.serambi.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.hibernate.reactive.common.AffectedEntities;

/**
 * Live Q&A. Registrants ask (through their manage token) and upvote, once per registration, enforced by the vote
 * table's primary key; staff approve, hide and answer. Every visible change is published with pg_notify in the same
 * transaction, so every instance's {@link QuestionFeed} hears it after the commit.
 */
@ApplicationScoped
public class QuestionService {

    static final int MAX_QUESTIONS_PER_REGISTRATION = 10;
    private static final AffectedEntities QUESTIONS = new AffectedEntities(Question.class);
    private static final Sort VISIBLE_ORDER = Sort.descending("upvotes").and("id");

    private final EventRepository events;
    private final RegistrationRepository registrations;
    private final ObjectMapper mapper;

    public QuestionService(EventRepository events, RegistrationRepository registrations, ObjectMapper mapper) {
        this.events = events;
        this.registrations = registrations;
        this.mapper = mapper;
    }

    @WithTransaction
    public Uni<Question> ask(long eventId, QuestionDtos.Ask request) {
        return asker(eventId, request.manageToken()).chain(registration -> Question
                .count("registrationId", registration.id).chain(asked -> {
                    if (asked >= MAX_QUESTIONS_PER_REGISTRATION) {
                        throw ProblemException.conflict("too-many-questions", "Too many questions",
                                "Each registrant can ask at most " + MAX_QUESTIONS_PER_REGISTRATION + " questions");
                    }
                    Question q = new Question();
                    q.eventId = eventId;
                    q.registrationId = registration.id;
                    q.text = request.text().strip();
                    q.displayName = request.displayName() == null || request.displayName().isBlank() ? null
                            : request.displayName().strip();
                    return q.<Question>persist();
                }));
    }

    /** One vote per registration; voting again changes nothing. Only visible questions take votes. */
    @WithTransaction
    public Uni<Question> upvote(long eventId, long questionId, QuestionDtos.Vote request) {
        return asker(eventId, request.manageToken()).chain(voter -> visible(eventId, questionId)
                .chain(question -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        WITH vote AS (
                            INSERT INTO event_question_vote (question_id, registration_id) VALUES (:question, :voter)
                            ON CONFLICT DO NOTHING RETURNING question_id)
                        UPDATE event_question SET upvotes = upvotes + 1
                         WHERE id IN (SELECT question_id FROM vote)
                        RETURNING upvotes""", Integer.class, QUESTIONS)
                        .setParameter("question", questionId)
                        .setParameter("voter", voter.id)
                        .getResultList())
                        .chain(counted -> {
                            if (counted.isEmpty()) {
                                return Uni.createFrom().item(question); // this registration had voted already
                            }
                            question.upvotes = counted.get(0); // read-only column: the count PostgreSQL returned
                            return notify(QuestionDtos.Update.Kind.UPSERT, question);
                        })));
    }

    @WithTransaction
    public Uni<Question> approve(long eventId, long questionId) {
        return moderate(eventId, questionId, q -> {
            if (q.status == QuestionStatus.PENDING || q.status == QuestionStatus.HIDDEN) {
                q.status = q.answer == null ? QuestionStatus.APPROVED : QuestionStatus.ANSWERED;
            }
        });
    }

    @WithTransaction
    public Uni<Question> hide(long eventId, long questionId) {
        return moderate(eventId, questionId, q -> q.status = QuestionStatus.HIDDEN);
    }

    @WithTransaction
    public Uni<Question> answer(long eventId, long questionId, String answer) {
        return moderate(eventId, questionId, q -> {
            q.answer = answer.strip();
            q.answeredAt = Instant.now();
            q.status = QuestionStatus.ANSWERED;
        });
    }

    /** The questions the audience sees: most upvoted first, then in the order asked. */
    @WithSession
    public Uni<List<Question>> visible(long eventId) {
        return publicEvent(eventId).chain(event -> Question.<Question>list("eventId = ?1 and status in ?2",
                VISIBLE_ORDER, eventId, List.of(QuestionStatus.APPROVED, QuestionStatus.ANSWERED)));
    }

    /** The event whose Q&A may be watched: 404 for a draft or a missing one. */
    @WithSession
    public Uni<Event> watchable(long eventId) {
        return publicEvent(eventId);
    }

    @WithSession
    public Uni<List<Question>> all(long eventId, QuestionStatus status) {
        return events.findById(eventId).onItem().ifNull().failWith(() -> ProblemException.notFound("Event", eventId))
                .chain(event -> status == null ? Question.<Question>list("eventId", Sort.by("id"), eventId)
                        : Question.<Question>list("eventId = ?1 and status = ?2", Sort.by("id"), eventId, status));
    }

    private Uni<Question> moderate(long eventId, long questionId, java.util.function.Consumer<Question> change) {
        return Question.<Question>findById(questionId).chain(q -> {
            if (q == null || !q.eventId.equals(eventId)) {
                throw new ProblemException(404, "not-found", "Not found",
                        "Question " + questionId + " does not exist for event " + eventId);
            }
            boolean wasPublic = q.status.isPublic();
            change.accept(q);
            if (q.status.isPublic()) {
                return notify(QuestionDtos.Update.Kind.UPSERT, q);
            }
            return wasPublic ? notify(QuestionDtos.Update.Kind.REMOVE, q) : Uni.createFrom().item(q);
        });
    }

    /** The registration behind a manage token, if it is an active one for this event; otherwise 403. */
    private Uni<Registration> asker(long eventId, String token) {
        return publicEvent(eventId).chain(event -> {
            if (event.status != EventStatus.PUBLISHED) {
                throw ProblemException.conflict("event-closed", "Event closed",
                        "Event " + eventId + " is " + event.status + "; its Q&A is closed");
            }
            if (!ManageTokens.wellFormed(token)) {
                throw notRegistered(eventId);
            }
            return registrations.idsForToken(ManageTokens.hash(token)).chain(ids -> {
                if (ids == null || !ids[1].equals(eventId)) {
                    throw notRegistered(eventId);
                }
                return registrations.findById((Long) ids[0]).map(r -> {
                    if (r.status == RegistrationStatus.CANCELLED) {
                        throw notRegistered(eventId);
                    }
                    return r;
                });
            });
        });
    }

    private Uni<Question> visible(long eventId, long questionId) {
        return Question.<Question>findById(questionId).map(q -> {
            if (q == null || !q.eventId.equals(eventId) || !q.status.isPublic()) {
                throw new ProblemException(404, "not-found", "Not found",
                        "Question " + questionId + " does not exist for event " + eventId);
            }
            return q;
        });
    }

    private Uni<Event> publicEvent(long eventId) {
        return events.findById(eventId).map(event -> {
            if (event == null || event.status == EventStatus.DRAFT) {
                throw ProblemException.notFound("Event", eventId);
            }
            return event;
        });
    }

    /** pg_notify inside the transaction: PostgreSQL delivers it to every listening instance on commit. */
    private Uni<Question> notify(QuestionDtos.Update.Kind kind, Question q) {
        String payload;
        try {
            payload = mapper.writeValueAsString(
                    new QuestionDtos.Update(kind, q.eventId, QuestionDtos.QuestionDto.of(q), null));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(s -> s.flush().chain(() -> s.createNativeQuery(
                "SELECT count(*) FROM (SELECT pg_notify(:channel, :payload)) AS sent", Long.class)
                .setParameter("channel", QuestionFeed.CHANNEL)
                .setParameter("payload", payload)
                .getSingleResult()))
                .replaceWith(q);
    }

    private static ProblemException notRegistered(long eventId) {
        return ProblemException.forbidden("Only registrants of event " + eventId
                + " can ask and vote: send the manage token from your registration");
    }
}
