package id.serambi.event.catalogue;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * What a change of an event does to its registrations. The registration capability implements it, so the catalogue
 * changes events without knowing registrations. Each method runs inside the caller's transaction while it holds the
 * event's row lock, and answers the e-mails to send once that transaction has committed.
 */
public interface EventRegistrants {

    /** E-mails to send after the commit. */
    interface AfterCommit {

        AfterCommit NOTHING = () -> Uni.createFrom().voidItem();

        Uni<Void> send();
    }

    /**
     * The event's fields were changed (and flushed). A published event's waitlist moves up into any new seats, in
     * arrival order; when a published event was {@code rescheduled}, its reminders go out again and its active
     * registrants are told.
     */
    Uni<AfterCommit> edited(Event event, boolean rescheduled);

    /** The event was cancelled: its active registrations end with it, their seats are released, and they are told. */
    Uni<AfterCommit> cancelled(Event event, Instant now);
}
