package id.serambi.event;

import id.serambi.common.ProblemException;
import id.serambi.common.SerambiConfig;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
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

    public record Created(EventSeries series, List<Event> events, Map<Long, Long> waitlists) {
    }

    private final EventRepository events;
    private final ZoneId zone;

    public EventSeriesService(EventRepository events, SerambiConfig config) {
        this.events = events;
        this.zone = config.library().timeZone();
    }

    @WithTransaction
    public Uni<Created> create(SeriesRequest request) {
        EventService.check(request.first(), null);
        boolean publish = Boolean.TRUE.equals(request.publish());
        if (publish && !request.first().endsAt().isAfter(Instant.now())) {
            throw ProblemException.invalidField("first.endsAt", "must be in the future to publish the series");
        }
        EventSeries series = new EventSeries();
        series.title = request.title().strip();
        List<EventRequest> occurrences = new ArrayList<>();
        for (int i = 0; i < request.occurrences(); i++) {
            occurrences.add(shift(request.first(), i));
        }
        return series.<EventSeries>persist().chain(saved -> Multi.createFrom().iterable(occurrences)
                .onItem().transformToUniAndConcatenate(occurrence -> {
                    Event event = new Event();
                    EventService.apply(event, occurrence);
                    event.seriesId = saved.id;
                    if (publish) {
                        event.status = EventStatus.PUBLISHED;
                        event.publishedAt = Instant.now();
                    }
                    return events.persist(event);
                })
                .collect().asList()
                .map(list -> new Created(saved, list, Map.of())));
    }

    @WithSession
    public Uni<Created> find(long id) {
        return EventSeries.<EventSeries>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Series", id))
                .chain(series -> events.list("seriesId", Sort.by("startsAt").and("id"), id)
                        .chain(list -> events.waitlistCounts(list.stream().map(e -> e.id).toList())
                                .map(waitlists -> new Created(series, list, waitlists))));
    }

    /** The occurrence {@code months} months after the first, at the same local time in the library's zone. */
    EventRequest shift(EventRequest r, int months) {
        return new EventRequest(r.title(), r.description(), r.type(), r.audience(), r.language(),
                plus(r.startsAt(), months), plus(r.endsAt(), months), r.platform(), r.joinUrl(), r.capacity(),
                plus(r.registrationOpensAt(), months), plus(r.registrationClosesAt(), months));
    }

    private Instant plus(Instant instant, int months) {
        return instant == null ? null : instant.atZone(zone).plusMonths(months).toInstant();
    }
}
