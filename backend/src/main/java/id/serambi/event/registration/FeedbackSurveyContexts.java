package id.serambi.event.registration;

import id.serambi.common.ProblemException;
import id.serambi.event.catalogue.EventRepository;
import id.serambi.survey.SurveyContexts;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The event feature's answer to "who answers this survey, in which context" (issue 20): an event's feedback survey,
 * answered through a registration's manage token (the post-event e-mail's link) or shared for the event without one.
 * <ul>
 * <li>A manage token: 404 when no registration has it, or when its event's feedback survey is another one; 403 unless
 * the registration holds a seat (CONFIRMED or ATTENDED); the context names the registration, its age group, and
 * whether that group is a minor's (CHILD or TEEN). Registrations carry no account.</li>
 * <li>Only an event id: 404 unless that event has this survey as its feedback survey; the context names the event
 * only.</li>
 * <li>Neither: not this feature's (empty).</li>
 * </ul>
 * Runs on the caller's session (the survey feature's).
 */
@ApplicationScoped
public class FeedbackSurveyContexts implements SurveyContexts {

    private final RegistrationRepository registrations;
    private final EventRepository events;

    public FeedbackSurveyContexts(RegistrationRepository registrations, EventRepository events) {
        this.registrations = registrations;
        this.events = events;
    }

    @Override
    @WithSession
    public Uni<Optional<Context>> resolve(long surveyId, Hint hint) {
        if (hint == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        if (hint.manageToken() != null) {
            return byToken(surveyId, hint);
        }
        if (hint.eventId() != null && hint.challengeId() == null) {
            long eventId = hint.eventId();
            return events.findById(eventId).map(event -> {
                if (event == null || !Objects.equals(event.feedbackSurveyId, surveyId)) {
                    throw notAttached(surveyId, eventId);
                }
                return Optional.of(new Context(eventId, null, null, null, null, null, false, key(eventId)));
            });
        }
        return Uni.createFrom().item(Optional.empty());
    }

    private Uni<Optional<Context>> byToken(long surveyId, Hint hint) {
        if (!ManageTokens.wellFormed(hint.manageToken())) {
            return Uni.createFrom().failure(unknownToken());
        }
        return registrations.surveyRespondent(ManageTokens.hash(hint.manageToken())).map(r -> {
            if (r == null) {
                throw unknownToken();
            }
            if (!Objects.equals(r.feedbackSurveyId(), surveyId)
                    || hint.eventId() != null && hint.eventId() != r.eventId()) {
                throw notAttached(surveyId, r.eventId());
            }
            if (r.status() != RegistrationStatus.CONFIRMED && r.status() != RegistrationStatus.ATTENDED) {
                throw ProblemException.forbidden("Only a registration that held a seat can answer the event's "
                        + "feedback survey; this one is " + r.status());
            }
            if (Instant.now().isBefore(r.eventStartsAt())) {
                // As the registration's page: the feedback survey opens when the event starts.
                throw new ProblemException(409, "survey-not-open", "Survey not open yet",
                        "The event's feedback survey opens when the event starts, at " + r.eventStartsAt());
            }
            AgeGroup group = r.ageGroup();
            boolean minor = group == AgeGroup.CHILD || group == AgeGroup.TEEN;
            return Optional.of(new Context(r.eventId(), null, null, r.registrationId(), null,
                    group == null ? null : group.name(), minor, key(r.eventId())));
        });
    }

    static String key(long eventId) {
        return "event:" + eventId;
    }

    private static ProblemException unknownToken() {
        return new ProblemException(404, "not-found", "Not found", "No registration has this manage link");
    }

    private static ProblemException notAttached(long surveyId, long eventId) {
        return new ProblemException(404, "not-found", "Not found",
                "Survey " + surveyId + " is not the feedback survey of event " + eventId);
    }
}
