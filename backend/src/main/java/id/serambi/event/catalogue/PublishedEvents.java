package id.serambi.event.catalogue;

import id.serambi.event.Events;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** {@link Events} for the other features, on the caller's session. */
@ApplicationScoped
public class PublishedEvents implements Events {

    private final EventRepository events;
    private final EventLinks links;
    private final EventReferrals referrals;

    public PublishedEvents(EventRepository events, EventLinks links, EventReferrals referrals) {
        this.events = events;
        this.links = links;
        this.referrals = referrals;
    }

    @Override
    public Uni<List<Referral>> referrals(Collection<String> codes, LocalDate from, LocalDate to) {
        return referrals.referrals(codes, from, to);
    }

    @Override
    public Uni<EventSummary> find(long eventId) {
        return events.findById(eventId).map(e -> e == null ? null : summary(e));
    }

    @Override
    public Uni<List<EventSummary>> startingBetween(Instant from, Instant to) {
        return events.startingBetween(from, to).map(list -> list.stream().map(this::summary).toList());
    }

    private EventSummary summary(Event e) {
        boolean upcoming = e.status != EventStatus.CANCELLED && e.status != EventStatus.COMPLETED;
        return new EventSummary(e.id, e.title, e.description, e.startsAt, e.status.name(), upcoming,
                links.eventPage(e.id), links.format(e.startsAt));
    }
}
