package id.serambi.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.serambi.common.Problem;
import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Staff's side of events: create, edit, publish, cancel; and the catalogue everyone reads. */
@ApplicationScoped
public class EventService {

    /** An event with the length of its waitlist. */
    public record EventView(Event event, long waitlistCount) {
    }

    private record Edited(Event event, List<Waitlist.Promotion> promotions, List<Registration> toNotify) {
    }

    private record Cancelled(Event event, List<Registration> registrants) {
    }

    private static final Set<String> FIELDS = Arrays.stream(EventRequest.class.getRecordComponents())
            .map(c -> c.getName()).collect(Collectors.toUnmodifiableSet());

    private final EventRepository events;
    private final RegistrationRepository registrations;
    private final Waitlist waitlist;
    private final EventMails mails;
    private final ObjectMapper mapper;
    private final Validator validator;

    public EventService(EventRepository events, RegistrationRepository registrations, Waitlist waitlist,
            EventMails mails, ObjectMapper mapper, Validator validator) {
        this.events = events;
        this.registrations = registrations;
        this.waitlist = waitlist;
        this.mails = mails;
        this.mapper = mapper;
        this.validator = validator;
    }

    /** A new DRAFT. */
    @WithTransaction
    public Uni<Event> create(EventRequest request) {
        check(request, null);
        Event event = new Event();
        apply(event, request);
        return events.persist(event);
    }

    /** Replaces every field (PUT). */
    public Uni<EventView> replace(long id, EventRequest request) {
        return edit(id, current -> request);
    }

    /** Changes the fields present in an RFC 7396 merge patch; a null removes an optional value. */
    public Uni<EventView> patch(long id, ObjectNode patch) {
        return edit(id, current -> merge(current, patch));
    }

    private Uni<EventView> edit(long id, Function<EventRequest, EventRequest> change) {
        return editInTransaction(id, change).call(edited -> mails.promoted(edited.event(), edited.promotions()))
                .call(edited -> mails.rescheduled(edited.event(), edited.toNotify()))
                .chain(edited -> view(edited.event().id));
    }

    @WithTransaction
    Uni<Edited> editInTransaction(long id, Function<EventRequest, EventRequest> change) {
        return locked(id).chain(event -> {
            if (event.status == EventStatus.CANCELLED || event.status == EventStatus.COMPLETED) {
                throw ProblemException.conflict("event-closed", "Event closed",
                        "Event " + id + " is " + event.status + " and can no longer be changed");
            }
            EventRequest request = change.apply(EventRequest.of(event));
            check(request, event);
            boolean rescheduled = !request.startsAt().equals(event.startsAt) || !request.endsAt().equals(event.endsAt);
            apply(event, request);
            int free = event.capacity == null ? Integer.MAX_VALUE : event.capacity - event.confirmedCount;
            boolean notify = rescheduled && event.status == EventStatus.PUBLISHED;
            return Panache.getSession().chain(s -> s.flush())
                    // More seats than before: the waitlist moves up, in arrival order.
                    .chain(() -> event.status == EventStatus.PUBLISHED ? waitlist.promote(id, free, true)
                            : Uni.createFrom().item(List.<Waitlist.Promotion>of()))
                    .call(() -> notify ? registrations.resetReminders(id) : Uni.createFrom().voidItem())
                    .chain(promotions -> (notify ? registrations.active(id) : Uni.createFrom().item(List.<Registration>of()))
                            .map(active -> new Edited(event, promotions, active)));
        });
    }

    /** DRAFT to PUBLISHED: the event appears in the catalogue and registration follows its window. */
    @WithTransaction
    public Uni<Event> publish(long id) {
        return locked(id).map(event -> {
            if (event.status != EventStatus.DRAFT) {
                throw ProblemException.conflict("event-not-draft", "Not a draft",
                        "Event " + id + " is " + event.status + "; only a DRAFT can be published");
            }
            if (!event.endsAt.isAfter(Instant.now())) {
                throw ProblemException.conflict("event-over", "Event over",
                        "Event " + id + " has already ended and cannot be published");
            }
            event.status = EventStatus.PUBLISHED;
            event.publishedAt = Instant.now();
            return event;
        });
    }

    /** Cancels the event and its active registrations, and e-mails those registrants. */
    public Uni<Event> cancel(long id) {
        return cancelInTransaction(id).call(c -> mails.eventCancelled(c.event(), c.registrants()))
                .map(Cancelled::event);
    }

    @WithTransaction
    Uni<Cancelled> cancelInTransaction(long id) {
        return locked(id).chain(event -> {
            if (event.status == EventStatus.CANCELLED || event.status == EventStatus.COMPLETED) {
                throw ProblemException.conflict("event-closed", "Event closed",
                        "Event " + id + " is already " + event.status);
            }
            Instant now = Instant.now();
            event.status = EventStatus.CANCELLED;
            event.cancelledAt = now;
            // Every active registration ends with the event, and its seat is released.
            return registrations.active(id).call(active -> {
                int seats = 0;
                for (Registration r : active) {
                    if (r.status == RegistrationStatus.CONFIRMED) {
                        seats++;
                    }
                    if (r.status == RegistrationStatus.CONFIRMED || r.status == RegistrationStatus.WAITLISTED) {
                        r.status = RegistrationStatus.CANCELLED;
                        r.cancelledAt = now;
                    }
                }
                return registrations.releaseSeats(id, seats);
            }).map(active -> new Cancelled(event, active.stream()
                    .filter(r -> r.status == RegistrationStatus.CANCELLED).toList()));
        });
    }

    @WithSession
    public Uni<EventView> view(long id) {
        return events.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Event", id))
                .chain(event -> events.waitlistCount(id).map(n -> new EventView(event, n)));
    }

    @WithSession
    public Uni<List<EventFeedback>> feedback(long id) {
        return events.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Event", id))
                .chain(event -> EventFeedback.<EventFeedback>list("eventId = ?1 order by createdAt desc", id));
    }

    /** The public iCalendar feed: published events from 30 days back on, at most 500. */
    @WithSession
    public Uni<List<Event>> feed() {
        return events.find("status in ?1 and endsAt > ?2 order by startsAt, id",
                List.of(EventStatus.PUBLISHED, EventStatus.COMPLETED), Instant.now().minus(java.time.Duration.ofDays(30)))
                .range(0, 499).list();
    }

    @WithSession
    public Uni<EventRepository.Found> search(EventRepository.Filter filter, int page, int size) {
        return events.search(filter, page, size);
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
            throw invalid(unknown);
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

    /** The rules that span fields. All failures are reported together, as a 400 validation problem. */
    /** PostgreSQL's timestamps end in the year 294276; far outside this range an instant is a typo anyway. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    static boolean inRange(Instant instant) {
        return instant == null || !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    static void check(EventRequest r, Event existing) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Instant> instants = new java.util.LinkedHashMap<>();
        instants.put("startsAt", r.startsAt());
        instants.put("endsAt", r.endsAt());
        instants.put("registrationOpensAt", r.registrationOpensAt());
        instants.put("registrationClosesAt", r.registrationClosesAt());
        instants.forEach((field, instant) -> {
            if (!inRange(instant)) {
                errors.add(new Problem.FieldError(field, "must be between the years 2000 and 9999"));
            }
        });
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        if (!r.endsAt().isAfter(r.startsAt())) {
            errors.add(new Problem.FieldError("endsAt", "must be after startsAt"));
        }
        if (!isWebUrl(r.joinUrl())) {
            errors.add(new Problem.FieldError("joinUrl", "must be an http or https URL"));
        }
        if (r.registrationOpensAt() != null && r.registrationClosesAt() != null
                && !r.registrationOpensAt().isBefore(r.registrationClosesAt())) {
            errors.add(new Problem.FieldError("registrationClosesAt", "must be after registrationOpensAt"));
        }
        if (r.registrationClosesAt() != null && r.registrationClosesAt().isAfter(r.endsAt())) {
            errors.add(new Problem.FieldError("registrationClosesAt", "must not be after endsAt"));
        }
        if (r.registrationOpensAt() != null && !r.registrationOpensAt().isBefore(r.endsAt())) {
            errors.add(new Problem.FieldError("registrationOpensAt", "must be before endsAt"));
        }
        if (existing != null && r.capacity() != null && r.capacity() < existing.confirmedCount) {
            errors.add(new Problem.FieldError("capacity", "must be at least " + existing.confirmedCount
                    + ", the number of confirmed registrations"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid: "
                        + errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return new ProblemException(400, "validation", "Invalid request", detail, errors, Map.of());
    }

    static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static void apply(Event e, EventRequest r) {
        e.title = r.title().strip();
        e.description = r.description().strip();
        e.type = r.type();
        e.audience = r.audience();
        e.language = r.language();
        e.startsAt = r.startsAt();
        e.endsAt = r.endsAt();
        e.platform = r.platform();
        e.joinUrl = r.joinUrl().strip();
        e.capacity = r.capacity();
        e.registrationOpensAt = r.registrationOpensAt();
        e.registrationClosesAt = r.registrationClosesAt();
    }
}
