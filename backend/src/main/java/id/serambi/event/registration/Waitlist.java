package id.serambi.event.registration;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Promotion from the waitlist, in arrival order. Callers hold the event's row lock and a transaction. */
@ApplicationScoped
public class Waitlist {

    /** A promoted registration with a fresh manage token for the e-mail that tells the patron. */
    public record Promotion(Registration registration, String token) {
    }

    private final RegistrationRepository registrations;

    public Waitlist(RegistrationRepository registrations) {
        this.registrations = registrations;
    }

    /**
     * Promotes up to {@code max} waitlisted registrants. With {@code takeSeats} the seats are claimed here (new
     * capacity); without, the caller hands over seats that were already counted (a confirmed registrant left).
     */
    public Uni<List<Promotion>> promote(long eventId, int max, boolean takeSeats) {
        return registrations.promoteWaitlisted(eventId, max)
                .call(ids -> !takeSeats ? Uni.createFrom().voidItem()
                        : registrations.takeSeats(eventId, ids.size()).invoke(taken -> {
                            if (!taken) {
                                throw new IllegalStateException("no " + ids.size() + " seats left on event " + eventId);
                            }
                        }))
                .chain(this::withTokens);
    }

    Uni<List<Promotion>> withTokens(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return registrations.byIds(ids)
                .chain(promoted -> Multi.createFrom().iterable(promoted)
                        .onItem().transformToUniAndConcatenate(r -> registrations.issueToken(r.id)
                                .map(token -> new Promotion(r, token)))
                        .collect().asList());
    }
}
