package id.serambi.event.catalogue;

import id.serambi.event.Event;
import id.serambi.event.EventLinks;
import id.serambi.event.EventStatus;
import id.serambi.event.Events;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** {@link Events} for the other features. */
@ApplicationScoped
public class PublishedEvents implements Events {

    private final EventLinks links;

    public PublishedEvents(EventLinks links) {
        this.links = links;
    }

    @Override
    public Uni<EventSummary> find(long eventId) {
        return Event.<Event>findById(eventId).map(e -> e == null ? null : summary(e));
    }

    @Override
    public Uni<List<EventSummary>> startingBetween(Instant from, Instant to) {
        return Event.<Event>list("startsAt >= ?1 and startsAt < ?2 order by startsAt, id", from, to)
                .map(events -> events.stream().map(this::summary).toList());
    }

    private EventSummary summary(Event e) {
        boolean upcoming = e.status != EventStatus.CANCELLED && e.status != EventStatus.COMPLETED;
        return new EventSummary(e.id, e.title, e.description, e.startsAt, e.status.name(), upcoming,
                links.eventPage(e.id), links.format(e.startsAt));
    }
}
