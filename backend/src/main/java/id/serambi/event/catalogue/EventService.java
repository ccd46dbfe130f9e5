package id.serambi.event.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.serambi.common.IfMatch;
import id.serambi.common.Problem;
import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Staff's side of events: create, edit, publish, cancel; and the catalogue everyone reads. */
@ApplicationScoped
public class EventService {

    /** A page of events, with the total; for a list of events that have not ended, when the first of them ends. */
    public record Listed<T>(List<T> items, long total, Instant nextEnd) {
    }

    private record Changed(Event event, EventRegistrants.AfterCommit mails) {
    }

    private static final Set<String> FIELDS = Arrays.stream(EventRequest.class.getRecordComponents())
            .map(c -> c.getName()).collect(Collectors.toUnmodifiableSet());

    private final EventRepository events;
    private final EventRegistrants registrants;
    private final EventLinks links;
    private final EventCalendar calendar;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final FeedbackSurveys feedbackSurveys;

    public EventService(EventRepository events, EventRegistrants registrants, EventLinks links, EventCalendar calendar,
            ObjectMapper mapper, Validator validator, FeedbackSurveys feedbackSurveys) {
        this.feedbackSurveys = feedbackSurveys;
        this.events = events;
        this.registrants = registrants;
        this.links = links;
        this.calendar = calendar;
        this.mapper = mapper;
        this.validator = validator;
    }

    /** A new DRAFT. */
    @WithTransaction
    public Uni<StaffEventDto> create(EventRequest request) {
        EventRules.check(request, null);
        Event event = new Event();
        EventRules.apply(event, request);
        return feedbackSurveys.check(request.feedbackSurveyId(), null)
                .chain(() -> events.persist(event)).map(saved -> StaffEventDto.of(saved, 0, links));
    }

    /** Replaces every field (PUT) of the event at {@code version}. */
    public Uni<StaffEventDto> replace(long id, int version, EventRequest request) {
        return edit(id, version, current -> request);
    }

    /**
     * Changes the fields present in an RFC 7396 merge patch of the event at {@code version}; a null removes an
     * optional value.
     */
    public Uni<StaffEventDto> patch(long id, int version, ObjectNode patch) {
        return edit(id, version, current -> merge(current, patch));
    }

    private Uni<StaffEventDto> edit(long id, int version, Function<EventRequest, EventRequest> change) {
        return editInTransaction(id, version, change).call(edited -> edited.mails().send())
                .chain(edited -> staffView(id));
    }

    /** Optimistic versioning: the row is locked, then a version other than the one edited is a 409. */
    @WithTransaction
    Uni<Changed> editInTransaction(long id, int version, Function<EventRequest, EventRequest> change) {
        return locked(id).chain(event -> {
            IfMatch.check("Event", id, event.version, version);
            if (event.status == EventStatus.CANCELLED || event.status == EventStatus.COMPLETED) {
                throw ProblemException.conflict("event-closed", "Event closed",
                        "Event " + id + " is " + event.status + " and can no longer be changed");
            }
            EventRequest request = change.apply(EventRequest.of(event));
            EventRules.check(request, event.confirmedCount);
            boolean rescheduled = !request.startsAt().equals(event.startsAt) || !request.endsAt().equals(event.endsAt);
            // Compared to the second: a merge patch round-trips the stored start through JSON.
            boolean startMoved = !request.startsAt().truncatedTo(ChronoUnit.SECONDS)
                    .equals(event.startsAt.truncatedTo(ChronoUnit.SECONDS));
            if (event.status == EventStatus.PUBLISHED && startMoved && !request.startsAt().isAfter(Instant.now())) {
                throw EventRules.invalid(List.of(new Problem.FieldError("startsAt",
                        "must be in the future: a published event cannot be moved to a start that has passed")));
            }
            Long attached = event.feedbackSurveyId;
            EventRules.apply(event, request);
            return feedbackSurveys.check(request.feedbackSurveyId(), attached).chain(events::flush)
                    .chain(() -> registrants.edited(event, rescheduled && event.status == EventStatus.PUBLISHED))
                    .map(mails -> new Changed(event, mails));
        });
    }

    /** DRAFT to PUBLISHED: the event appears in the catalogue and registration follows its window. */
    public Uni<StaffEventDto> publish(long id) {
        return publishInTransaction(id).chain(() -> staffView(id));
    }

    @WithTransaction
    Uni<Void> publishInTransaction(long id) {
        return locked(id).invoke(event -> {
            if (event.status != EventStatus.DRAFT) {
                throw ProblemException.conflict("event-not-draft", "Not a draft",
                        "Event " + id + " is " + event.status + "; only a DRAFT can be published");
            }
            if (!event.endsAt.isAfter(Instant.now())) {
                throw ProblemException.conflict("event-over", "Event over",
                        "Event " + id + " has already ended and cannot be published");
            }
            if (!event.startsAt.isAfter(Instant.now())) {
                throw new ProblemException(409, "event-started", "Start in the past",
                        "Event " + id + " starts at " + event.startsAt + ", which has passed; move its start to a time "
                                + "that is still to come before publishing it",
                        List.of(new Problem.FieldError("startsAt", "must be in the future to publish the event")), Map.of());
            }
            event.status = EventStatus.PUBLISHED;
            event.publishedAt = Instant.now();
        }).replaceWithVoid();
    }

    /** Cancels the event and its active registrations, and e-mails those registrants. */
    public Uni<StaffEventDto> cancel(long id) {
        return cancelInTransaction(id).call(c -> c.mails().send()).chain(c -> staffView(id));
    }

    @WithTransaction
    Uni<Changed> cancelInTransaction(long id) {
        return locked(id).chain(event -> {
            if (event.status == EventStatus.CANCELLED || event.status == EventStatus.COMPLETED) {
                throw ProblemException.conflict("event-closed", "Event closed",
                        "Event " + id + " is already " + event.status);
            }
            Instant now = Instant.now();
            event.status = EventStatus.CANCELLED;
            event.cancelledAt = now;
            return registrants.cancelled(event, now).map(mails -> new Changed(event, mails));
        });
    }

    /** An event as staff see it, with its version. */
    @WithSession
    public Uni<StaffEventDto> staffView(long id) {
        return found(id).chain(event -> events.waitlistCount(id).map(n -> StaffEventDto.of(event, n, links)));
    }

    /** An event as the public sees it; a draft only for staff, else it does not exist. */
    @WithSession
    public Uni<EventDto> publicView(long id, boolean staff) {
        return found(id).chain(event -> {
            if (event.status == EventStatus.DRAFT && !staff) {
                throw ProblemException.notFound("Event", id);
            }
            return events.waitlistCount(id).map(n -> EventDto.of(event, n, links));
        });
    }

    /** One event that is not a draft, as an iCalendar file without its join URL. */
    @WithSession
    public Uni<String> publicCalendar(long id) {
        return found(id).map(event -> {
            if (event.status == EventStatus.DRAFT) {
                throw ProblemException.notFound("Event", id);
            }
            return calendar.publicCalendar(List.of(event), event.title);
        });
    }

    /** The public iCalendar feed: published events from 30 days back on, at most 500. */
    @WithSession
    public Uni<String> feed() {
        return events.publicSince(Instant.now().minus(Duration.ofDays(30)), 500)
                .map(list -> calendar.publicCalendar(list, "Acara " + links.libraryName()));
    }

    /** The public catalogue: a page of events as anyone sees them. */
    @WithSession
    public Uni<Listed<EventDto>> catalogue(EventRepository.Filter filter, int page, int size) {
        return events.search(filter, page, size).map(found -> new Listed<>(
                found.events().stream().map(e -> EventDto.of(e, found.waitlistOf(e), links)).toList(),
                found.total(), found.nextEnd()));
    }

    /** Staff's list: a page of events in any status, with join URLs. */
    @WithSession
    public Uni<Listed<StaffEventDto>> manage(EventRepository.Filter filter, int page, int size) {
        return events.search(filter, page, size).map(found -> new Listed<>(
                found.events().stream().map(e -> StaffEventDto.of(e, found.waitlistOf(e), links)).toList(),
                found.total(), found.nextEnd()));
    }

    /**
     * The demo data: attaches a feedback survey to the events with these titles that have none and are not over;
     * how many.
     */
    @WithTransaction
    public Uni<Integer> attachFeedbackSurvey(List<String> titles, long surveyId) {
        return events.attachFeedbackSurvey(titles, surveyId);
    }

    /** Whether an event has this title (the demo data is made once). */
    @WithSession
    public Uni<Boolean> titleTaken(String title) {
        return events.titleTaken(title);
    }

    private Uni<Event> found(long id) {
        return events.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Event", id));
    }

    private Uni<Event> locked(long id) {
        return events.findForUpdate(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Event", id));
    }

    private EventRequest merge(EventRequest current, ObjectNode patch) {
        List<Problem.FieldError> unknown = new ArrayList<>();
        for (Iterator<String> names = patch.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                unknown.add(new Problem.FieldError(name, "unknown field"));
            }
        }
        if (!unknown.isEmpty()) {
            throw EventRules.invalid(unknown);
        }
        ObjectNode merged = mapper.valueToTree(current);
        merged.setAll(patch);
        EventRequest request;
        try {
            request = mapper.treeToValue(merged, EventRequest.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() || e.getPath().get(0).getFieldName() == null ? "body"
                    : e.getPath().get(0).getFieldName();
            throw ProblemException.invalidField(field, "has the wrong type or format");
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("malformed-json", "Malformed JSON body", "The patch is not valid");
        }
        Set<ConstraintViolation<EventRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }
}
