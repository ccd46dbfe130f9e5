package id.serambi.event.registration;

import id.serambi.event.RegistrantMails;
import id.serambi.event.RegistrantWhatsapp.Notice;
import id.serambi.event.catalogue.EventRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The e-mail of a notice whose WhatsApp message failed, written from the registration as it is now. The registration's
 * own confirmation (or waitlist, or series) e-mail always went at registration, so for those notices there is nothing
 * to add; staff's message falls back through its own outbox (event.MessageFallBack), never here.
 */
@ApplicationScoped
public class RegistrantMailsInstead implements RegistrantMails {

    private final RegistrationRepository registrations;
    private final EventRepository events;
    private final EventMails mails;

    public RegistrantMailsInstead(RegistrationRepository registrations, EventRepository events, EventMails mails) {
        this.registrations = registrations;
        this.events = events;
        this.mails = mails;
    }

    @Override
    public Uni<Boolean> instead(long registrationId, Notice notice) {
        if (notice == Notice.CONFIRMED || notice == Notice.WAITLISTED || notice == Notice.SERIES_REGISTERED
                || notice == Notice.STAFF_MESSAGE) {
            return Uni.createFrom().item(true);
        }
        return letter(registrationId, notice).chain(letter -> letter == null ? Uni.createFrom().item(true)
                : mails.deliver(letter));
    }

    /** The letter, or null when the registration is gone or its data erased. A promotion gets a new manage link. */
    @WithTransaction
    Uni<EventMails.Letter> letter(long registrationId, Notice notice) {
        return registrations.findById(registrationId).chain(r -> r == null || r.email.endsWith("@invalid.serambi.id")
                ? Uni.createFrom().nullItem()
                : events.findById(r.eventId).chain(e -> switch (notice) {
                    case PROMOTED -> registrations.issueToken(r.id)
                            .map(token -> mails.promotedLetter(e, new Waitlist.Promotion(r, token)));
                    case MOVED -> registrations.issueToken(r.id)
                            .map(token -> mails.movedLetter(e, new Waitlist.Promotion(r, token)));
                    case REMINDER -> Uni.createFrom().item(mails.reminderLetter(e, r));
                    case RESCHEDULED -> Uni.createFrom().item(mails.rescheduledLetter(e, r));
                    default -> Uni.createFrom().item(mails.cancelledLetter(e, r));
                }));
    }
}
