package id.serambi.event.registration;

import id.serambi.event.catalogue.Event;
import id.serambi.event.catalogue.EventRegistrants;
import id.serambi.event.catalogue.EventStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** What an event's edit or cancellation does to its registrations (see {@link EventRegistrants}). */
@ApplicationScoped
public class Registrants implements EventRegistrants {

    private final RegistrationRepository registrations;
    private final Waitlist waitlist;
    private final EventMails mails;

    public Registrants(RegistrationRepository registrations, Waitlist waitlist, EventMails mails) {
        this.registrations = registrations;
        this.waitlist = waitlist;
        this.mails = mails;
    }

    @Override
    public Uni<AfterCommit> edited(Event event, boolean rescheduled) {
        long id = event.id;
        int free = event.capacity == null ? Integer.MAX_VALUE : event.capacity - event.confirmedCount;
        // More seats than before: the waitlist moves up, in arrival order.
        return (event.status == EventStatus.PUBLISHED ? waitlist.promote(id, free, true)
                : Uni.createFrom().item(List.<Waitlist.Promotion>of()))
                .call(() -> rescheduled ? registrations.resetReminders(id) : Uni.createFrom().voidItem())
                .chain(promotions -> (rescheduled ? registrations.active(id)
                        : Uni.createFrom().item(List.<Registration>of()))
                        .map(toNotify -> () -> mails.promoted(event, promotions)
                                .chain(() -> mails.rescheduled(event, toNotify))));
    }

    @Override
    public Uni<AfterCommit> cancelled(Event event, Instant now) {
        // Every active registration ends with the event, and its seat is released.
        return registrations.active(event.id).call(active -> {
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
            return registrations.releaseSeats(event.id, seats);
        }).map(active -> {
            List<Registration> told = active.stream().filter(r -> r.status == RegistrationStatus.CANCELLED).toList();
            return () -> mails.eventCancelled(event, told);
        });
    }
}
