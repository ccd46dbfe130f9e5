package id.serambi.event.registration;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Patrons' feedback on events, one per registration (its id is the registration's). */
@ApplicationScoped
@WithSession
public class FeedbackRepository implements PanacheRepository<EventFeedback> {

    /** An event's feedback, newest first. */
    public Uni<List<EventFeedback>> ofEvent(long eventId) {
        return list("eventId = ?1 order by createdAt desc", eventId);
    }
}
