package id.serambi.event;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;

/**
 * What other features may know of events: the published interface of the event feature. Callers chain these on their
 * own session; nothing here opens a transaction.
 */
public interface Events {

    /** An event as another feature sees it: no join link, no registrant. */
    record EventSummary(long id, String title, String description, Instant startsAt, String status, boolean upcoming,
            String page, String when) {
    }

    /** The event, or a null item when there is none. */
    Uni<EventSummary> find(long eventId);

    /** Events starting in [from, to), by start time then id. */
    Uni<List<EventSummary>> startingBetween(Instant from, Instant to);
}
