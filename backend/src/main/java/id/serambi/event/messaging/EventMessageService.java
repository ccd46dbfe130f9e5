package id.serambi.event.messaging;

import id.serambi.common.ProblemException;
import id.serambi.event.RegistrantWhatsapp;
import id.serambi.event.catalogue.Event;
import id.serambi.event.catalogue.EventRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/**
 * Staff's messages to an event's registrants: each is recorded with who sent it, to which audience and how many, and
 * its e-mails are queued in the same transaction; {@link EventMessageSender} sends them after the commit. With
 * WhatsApp chosen, the recipients who opted in are handed to WhatsApp in that same transaction instead (so no e-mail
 * can be claimed for them meanwhile); the WhatsApp sender sends after the commit.
 */
@ApplicationScoped
public class EventMessageService {

    private final EventMessageRepository messages;
    private final EventRepository events;
    private final RegistrantWhatsapp whatsapp;

    public EventMessageService(EventMessageRepository messages, EventRepository events, RegistrantWhatsapp whatsapp) {
        this.messages = messages;
        this.events = events;
        this.whatsapp = whatsapp;
    }

    /** Records and queues the message; 404 without the event, 409 when the audience has nobody in it. */
    @WithTransaction
    public Uni<EventMessageDtos.Message> send(long eventId, EventMessageDtos.Request request, long senderId) {
        String body = request.body().strip();
        return existing(eventId).chain(event -> messages.create(eventId, request.audience(), request.subject().strip(),
                body, senderId, request.byWhatsapp())
                .chain(created -> {
                    if (created[1] == 0) {
                        return Uni.createFrom().failure(ProblemException.conflict("no-recipients", "No recipients",
                                "No registrant of event " + eventId + " is in the audience " + request.audience()
                                        + "; nothing was sent"));
                    }
                    Uni<Void> routed = request.byWhatsapp() ? toWhatsapp(created[0], event, body)
                            : Uni.createFrom().voidItem();
                    return routed.chain(() -> messages.find(eventId, created[0]));
                }));
    }

    /** Hands the recipients who opted in to WhatsApp, and takes them out of the e-mail outbox. */
    private Uni<Void> toWhatsapp(long messageId, Event event, String body) {
        return messages.withNumbers(messageId).chain(recipients -> whatsapp.queueStaffMessages(recipients.stream()
                .map(r -> new RegistrantWhatsapp.StaffMessage(r.registrationId(), r.number(), messageId, event.title,
                        body))
                .toList()))
                .chain(taken -> taken.isEmpty() ? Uni.createFrom().voidItem() : messages.byWhatsapp(messageId, taken));
    }

    /** The event's messages, newest first. */
    @WithSession
    public Uni<List<EventMessageDtos.Message>> list(long eventId) {
        return existing(eventId).chain(e -> messages.list(eventId));
    }

    /** How many registrants each audience would reach now. */
    @WithSession
    public Uni<List<EventMessageDtos.AudienceCount>> audiences(long eventId) {
        return existing(eventId).chain(e -> messages.audienceCounts(eventId)).map(counts -> Arrays
                .stream(MessageAudience.values()).map(a -> new EventMessageDtos.AudienceCount(a, counts.get(a))).toList());
    }

    private Uni<Event> existing(long eventId) {
        return events.findById(eventId).map(e -> {
            if (e == null) {
                throw ProblemException.notFound("Event", eventId);
            }
            return e;
        });
    }
}
