package id.serambi.event.messaging;

import id.serambi.common.ProblemException;
import id.serambi.event.catalogue.EventRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/**
 * Staff's messages to an event's registrants: each is recorded with who sent it, to which audience and how many, and
 * its e-mails are queued in the same transaction; {@link EventMessageSender} sends them after the commit.
 */
@ApplicationScoped
public class EventMessageService {

    private final EventMessageRepository messages;
    private final EventRepository events;

    public EventMessageService(EventMessageRepository messages, EventRepository events) {
        this.messages = messages;
        this.events = events;
    }

    /** Records and queues the message; 404 without the event, 409 when the audience has nobody in it. */
    @WithTransaction
    public Uni<EventMessageDtos.Message> send(long eventId, EventMessageDtos.Request request, long senderId) {
        return existing(eventId).chain(() -> messages.create(eventId, request.audience(), request.subject().strip(),
                request.body().strip(), senderId))
                .chain(created -> {
                    if (created[1] == 0) {
                        return Uni.createFrom().failure(ProblemException.conflict("no-recipients", "No recipients",
                                "No registrant of event " + eventId + " is in the audience " + request.audience()
                                        + "; nothing was sent"));
                    }
                    return messages.find(eventId, created[0]);
                });
    }

    /** The event's messages, newest first. */
    @WithSession
    public Uni<List<EventMessageDtos.Message>> list(long eventId) {
        return existing(eventId).chain(() -> messages.list(eventId));
    }

    /** How many registrants each audience would reach now. */
    @WithSession
    public Uni<List<EventMessageDtos.AudienceCount>> audiences(long eventId) {
        return existing(eventId).chain(() -> messages.audienceCounts(eventId)).map(counts -> Arrays
                .stream(MessageAudience.values()).map(a -> new EventMessageDtos.AudienceCount(a, counts.get(a))).toList());
    }

    private Uni<Void> existing(long eventId) {
        return events.findById(eventId).map(e -> {
            if (e == null) {
                throw ProblemException.notFound("Event", eventId);
            }
            return null;
        }).replaceWithVoid();
    }
}
