package id.serambi.event.series;

import id.serambi.common.ProblemException;
import id.serambi.common.SerambiConfig;
import id.serambi.event.catalogue.Event;
import id.serambi.event.catalogue.EventDto;
import id.serambi.event.catalogue.EventLinks;
import id.serambi.event.catalogue.EventRepository;
import id.serambi.event.catalogue.EventRequest;
import id.serambi.event.catalogue.EventRules;
import id.serambi.event.catalogue.EventStatus;
import id.serambi.event.catalogue.FeedbackSurveys;
import id.serambi.event.catalogue.StaffEventDto;
import id.serambi.event.registration.RegistrationRequest;
import id.serambi.event.registration.RegistrationService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Recurring events: a series and its monthly occurrences. */
@ApplicationScoped
public class EventSeriesService {

    private final EventSeriesRepository series;
    private final EventRepository events;
    private final EventLinks links;
    private final ZoneId zone;
    private final RegistrationService registrations;
    private final FeedbackSurveys feedbackSurveys;

    public EventSeriesService(EventSeriesRepository series, EventRepository events, EventLinks links,
            SerambiConfig config, RegistrationService registrations, FeedbackSurveys feedbackSurveys) {
        this.feedbackSurveys = feedbackSurveys;
        this.series = series;
        this.events = events;
        this.links = links;
        this.registrations = registrations;
        this.zone = config.library().timeZone();
    }

    @WithTransaction
    public Uni<SeriesDto> create(SeriesRequest request) {
        EventRules.check(request.first(), null);
        boolean publish = Boolean.TRUE.equals(request.publish());
        if (publish && !request.first().endsAt().isAfter(Instant.now())) {
            throw ProblemException.invalidField("first.endsAt", "must be in the future to publish the series");
        }
        EventSeries created = new EventSeries();
        created.title = request.title().strip();
        List<EventRequest> occurrences = new ArrayList<>();
        for (int i = 0; i < request.occurrences(); i++) {
            occurrences.add(shift(request.first(), i));
        }
        return feedbackSurveys.check("first.feedbackSurveyId", request.first().feedbackSurveyId(), null)
                .chain(() -> series.persist(created)).chain(saved -> Multi.createFrom().iterable(occurrences)
                .onItem().transformToUniAndConcatenate(occurrence -> {
                    Event event = new Event();
                    EventRules.apply(event, occurrence);
                    event.seriesId = saved.id;
                    if (publish) {
                        event.status = EventStatus.PUBLISHED;
                        event.publishedAt = Instant.now();
                    }
                    return events.persist(event);
                })
                .collect().asList()
                .map(list -> dto(saved, list, Map.of())));
    }

    @WithSession
    public Uni<SeriesDto> find(long id) {
        return series.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Series", id))
                .chain(found -> events.ofSeries(id)
                        .chain(list -> events.waitlistCounts(list.stream().map(e -> e.id).toList())
                                .map(waitlists -> dto(found, list, waitlists))));
    }

    /** A series as patrons see it: its sessions that are not drafts, in date order, with how many are open now. */
    @WithSession
    public Uni<SeriesSessionsDto> sessions(long id) {
        return series.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Series", id))
                .chain(found -> events.ofSeries(id).chain(list -> {
                    List<Event> shown = list.stream().filter(e -> e.status != EventStatus.DRAFT).toList();
                    Instant now = Instant.now();
                    int open = (int) shown.stream().filter(e -> e.isRegistrationOpen(now)).count();
                    return events.waitlistCounts(shown.stream().map(e -> e.id).toList())
                            .map(waitlists -> new SeriesSessionsDto(found.id, found.title, shown.stream()
                                    .map(e -> EventDto.of(e, waitlists.getOrDefault(e.id, 0L), links)).toList(), open));
                }));
    }

    /**
     * A patron registers once for the whole series: for every session that takes registrations now, all or nothing
     * ({@link RegistrationService#registerForSessions}). 409 when no session is open.
     */
    public Uni<SeriesRegistrationResult> register(long id, RegistrationRequest request) {
        return openSessions(id).chain(open -> registrations.registerForSessions(open.title(), open.eventIds(), request))
                .map(sessions -> new SeriesRegistrationResult(id, request.email().strip(), sessions.stream()
                        .map(s -> new SeriesRegistrationResult.Session(s.eventId(), s.startsAt())).toList(), true));
    }

    private record Open(String title, List<Long> eventIds) {
    }

    @WithSession
    Uni<Open> openSessions(long id) {
        return series.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Series", id))
                .chain(found -> events.ofSeries(id).map(list -> {
                    Instant now = Instant.now();
                    List<Long> open = list.stream().filter(e -> e.isRegistrationOpen(now)).map(e -> e.id).toList();
                    if (open.isEmpty()) {
                        throw ProblemException.conflict("no-open-sessions", "No open session",
                                "No session of series " + id + " takes registrations now");
                    }
                    return new Open(found.title, open);
                }));
    }

    /** Whether a series has this title (the demo data is made once). */
    @WithSession
    public Uni<Boolean> titleTaken(String title) {
        return series.titleTaken(title);
    }

    private SeriesDto dto(EventSeries s, List<Event> occurrences, Map<Long, Long> waitlists) {
        return new SeriesDto(s.id, s.title, occurrences.stream()
                .map(e -> StaffEventDto.of(e, waitlists.getOrDefault(e.id, 0L), links)).toList());
    }

    /** The occurrence {@code months} months after the first, at the same local time in the library's zone. */
    EventRequest shift(EventRequest r, int months) {
        return new EventRequest(r.title(), r.description(), r.type(), r.audience(), r.language(),
                plus(r.startsAt(), months), plus(r.endsAt(), months), r.platform(), r.joinUrl(), r.capacity(),
                plus(r.registrationOpensAt(), months), plus(r.registrationClosesAt(), months), r.feedbackSurveyId());
    }

    private Instant plus(Instant instant, int months) {
        return instant == null ? null : instant.atZone(zone).plusMonths(months).toInstant();
    }
}
