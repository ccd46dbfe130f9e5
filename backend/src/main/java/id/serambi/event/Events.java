package id.serambi.event;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
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

    /**
     * What the registrations made through some tracked links (issue 22) became, for one code and one day: the day the
     * registration was made (in the library's zone), how many were made, how many of those hold or held a seat
     * (confirmed at some point, waitlist promotions included) and how many were checked in. Counts only: nobody is
     * named.
     */
    record Referral(String code, LocalDate day, long registrations, long confirmed, long attended) {
    }

    /**
     * The registrations whose {@code ref} is one of these codes, made between the library-zone days {@code from} and
     * {@code to} (both inclusive; null: unbounded), per code and day, in day then code order. One query.
     */
    Uni<List<Referral>> referrals(Collection<String> codes, LocalDate from, LocalDate to);
}
