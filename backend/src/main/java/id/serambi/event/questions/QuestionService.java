package id.serambi.event.questions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.serambi.common.ProblemException;
import id.serambi.event.catalogue.Event;
import id.serambi.event.catalogue.EventRepository;
import id.serambi.event.catalogue.EventStatus;
import id.serambi.event.registration.ManageTokens;
import id.serambi.event.registration.Registration;
import id.serambi.event.registration.RegistrationRepository;
import id.serambi.event.registration.RegistrationStatus;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Live Q&A. Registrants ask (through their manage token) and upvote, once per registration, enforced by the vote
 * table's primary key; staff approve, hide and answer. Every visible change is published with pg_notify in the same
 * transaction, so every instance's {@link QuestionFeed} hears it after the commit.
 */
@ApplicationScoped
public class QuestionService {

    static final int MAX_QUESTIONS_PER_REGISTRATION = 10;
    private final EventRepository events;
    private final RegistrationRepository registrations;
    private final QuestionRepository questions;
    private final ObjectMapper mapper;

    public QuestionService(EventRepository events, RegistrationRepository registrations, QuestionRepository questions,
            ObjectMapper mapper) {
        this.events = events;
        this.registrations = registrations;
        this.questions = questions;
        this.mapper = mapper;
    }

    @WithTransaction
    public Uni<QuestionDtos.QuestionDto> ask(long eventId, QuestionDtos.Ask request) {
        return asker(eventId, request.manageToken()).chain(registration -> questions
                .countAskedBy(registration.id).chain(asked -> {
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
                    return questions.persist(q).map(QuestionDtos.QuestionDto::of);
                }));
    }

    /** One vote per registration; voting again changes nothing. Only visible questions take votes. */
    @WithTransaction
    public Uni<QuestionDtos.QuestionDto> upvote(long eventId, long questionId, QuestionDtos.Vote request) {
        return asker(eventId, request.manageToken()).chain(voter -> visible(eventId, questionId)
                .chain(question -> questions.upvote(questionId, voter.id).chain(count -> {
                    if (count == null) {
                        return Uni.createFrom().item(question); // this registration had voted already
                    }
                    question.upvotes = count; // read-only column: the count PostgreSQL returned
                    return notify(QuestionDtos.Update.Kind.UPSERT, question);
                }))).map(QuestionDtos.QuestionDto::of);
    }

    @WithTransaction
    public Uni<QuestionDtos.QuestionDto> approve(long eventId, long questionId) {
        return moderate(eventId, questionId, q -> {
            if (q.status == QuestionStatus.PENDING || q.status == QuestionStatus.HIDDEN) {
                q.status = q.answer == null ? QuestionStatus.APPROVED : QuestionStatus.ANSWERED;
            }
        }).map(QuestionDtos.QuestionDto::of);
    }

    @WithTransaction
    public Uni<QuestionDtos.QuestionDto> hide(long eventId, long questionId) {
        return moderate(eventId, questionId, q -> q.status = QuestionStatus.HIDDEN).map(QuestionDtos.QuestionDto::of);
    }

    @WithTransaction
    public Uni<QuestionDtos.QuestionDto> answer(long eventId, long questionId, String answer) {
        return moderate(eventId, questionId, q -> {
            q.answer = answer.strip();
            q.answeredAt = Instant.now();
            q.status = QuestionStatus.ANSWERED;
        }).map(QuestionDtos.QuestionDto::of);
    }

    /** The questions the audience sees: most upvoted first, then in the order asked. */
    @WithSession
    public Uni<List<QuestionDtos.QuestionDto>> visible(long eventId) {
        return publicEvent(eventId).chain(event -> questions.visible(eventId))
                .map(list -> list.stream().map(QuestionDtos.QuestionDto::of).toList());
    }

    /** Whether the event's Q&A may be watched: 404 for a draft or a missing one. */
    @WithSession
    public Uni<Void> watchable(long eventId) {
        return publicEvent(eventId).replaceWithVoid();
    }

    @WithSession
    public Uni<List<QuestionDtos.QuestionDto>> all(long eventId, QuestionStatus status) {
        return events.findById(eventId).onItem().ifNull().failWith(() -> ProblemException.notFound("Event", eventId))
                .chain(event -> questions.ofEvent(eventId, status))
                .map(list -> list.stream().map(QuestionDtos.QuestionDto::of).toList());
    }

    private Uni<Question> moderate(long eventId, long questionId, java.util.function.Consumer<Question> change) {
        return questions.findById(questionId).chain(q -> {
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
        return questions.findById(questionId).map(q -> {
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
        return questions.notify(QuestionFeed.CHANNEL, payload).replaceWith(q);
    }

    private static ProblemException notRegistered(long eventId) {
        return ProblemException.forbidden("Only registrants of event " + eventId
                + " can ask and vote: send the manage token from your registration");
    }
}
