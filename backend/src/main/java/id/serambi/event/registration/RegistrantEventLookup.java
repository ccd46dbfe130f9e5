package id.serambi.event.registration;

import id.serambi.event.Events;
import id.serambi.event.RegistrantEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link RegistrantEvents} for the other features, on the caller's session. */
@ApplicationScoped
public class RegistrantEventLookup implements RegistrantEvents {

    private final RegistrationRepository registrations;
    private final Events events;

    public RegistrantEventLookup(RegistrationRepository registrations, Events events) {
        this.registrations = registrations;
        this.events = events;
    }

    @Override
    public Uni<Events.EventSummary> latestByWhatsapp(String number) {
        if (number == null || !number.matches("\\+[1-9][0-9]{7,14}")) {
            return Uni.createFrom().nullItem();
        }
        return registrations.latestEventByWhatsapp(number)
                .chain(eventId -> eventId == null ? Uni.createFrom().nullItem() : events.find(eventId));
    }
}
