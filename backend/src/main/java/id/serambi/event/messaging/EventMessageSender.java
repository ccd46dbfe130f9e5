package id.serambi.event.messaging;

import id.serambi.common.BackgroundRun;
import id.serambi.event.catalogue.Event;
import id.serambi.event.catalogue.EventRepository;
import id.serambi.event.registration.RegistrationRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends the queued e-mails of staff's messages (the outbox event_message_recipient), in the background: right after a
 * message is sent and every {@code serambi.events.message-mail-every}. A run claims a batch (SKIP LOCKED, committed),
 * issues each patron a fresh manage link, sends, and settles each row: SENT, or back to PENDING when the mail server
 * refused it (FAILED after 3 attempts). So with any number of instances an e-mail goes out at most once per claim,
 * and a crash after a claim loses that e-mail rather than sending it twice, as with the reminders.
 */
@ApplicationScoped
public class EventMessageSender {

    private static final Logger LOG = Logger.getLogger(EventMessageSender.class);
    static final int BATCH = 50;

    record Due(EventMessageRepository.Claimed claimed, Event event, String token) {
    }

    private final EventMessageRepository messages;
    private final RegistrationRepository registrations;
    private final EventRepository events;
    private final EventMessageMails mails;
    private final BackgroundRun background;

    public EventMessageSender(EventMessageRepository messages, RegistrationRepository registrations,
            EventRepository events, EventMessageMails mails, Vertx vertx) {
        this.background = new BackgroundRun(vertx, this::sendAll);
        this.messages = messages;
        this.registrations = registrations;
        this.events = events;
        this.mails = mails;
    }

    @Scheduled(identity = "event-message-mails", every = "${serambi.events.message-mail-every:15s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return sendAll().replaceWithVoid();
    }

    /** Sends now, in the background, or once more right after the run under way. */
    void wake() {
        background.wake();
    }

    private Uni<Integer> sendAll() {
        return sendPending().onFailure().recoverWithItem(e -> {
            LOG.error("Messages to registrants failed", e);
            return 0;
        });
    }

    /** Claims and sends batches until none is waiting; how many e-mails this run handled. Tests call it directly. */
    public Uni<Integer> sendPending() {
        return claim().chain(batch -> batch.isEmpty() ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(batch).onItem().transformToUni(this::send).merge(8)
                        .collect().asList()
                        .chain(this::settle)
                        .chain(() -> batch.size() == BATCH ? sendPending() : Uni.createFrom().item(0))
                        .map(more -> {
                            LOG.debugf("Sent %d e-mails to registrants", batch.size());
                            return batch.size() + more;
                        }));
    }

    record Settled(Due due, boolean sent) {
    }

    private Uni<Settled> send(Due due) {
        if (due.token() == null) { // the guest's data was erased after the message was queued
            return Uni.createFrom().item(new Settled(due, true));
        }
        EventMessageRepository.Claimed c = due.claimed();
        return mails.message(due.event(), c.name(), c.email(), c.subject(), c.body(), due.token())
                .map(sent -> new Settled(due, sent));
    }

    @WithTransaction
    Uni<List<Due>> claim() {
        return messages.claimPending(BATCH).chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(List.<Due>of())
                : events.byIds(claimed.stream().map(EventMessageRepository.Claimed::eventId).distinct().toList())
                        .map(found -> found.stream().collect(Collectors.toMap(e -> e.id, Function.identity())))
                        .chain(byId -> tokens(claimed, byId)));
    }

    /** A fresh manage link for each claimed registration, issued one after the other on the session. */
    private Uni<List<Due>> tokens(List<EventMessageRepository.Claimed> claimed, Map<Long, Event> byId) {
        return Multi.createFrom().iterable(claimed).onItem().transformToUniAndConcatenate(c -> erased(c.email())
                ? Uni.createFrom().item(new Due(c, byId.get(c.eventId()), null))
                : registrations.issueToken(c.registrationId()).map(token -> new Due(c, byId.get(c.eventId()), token)))
                .collect().asList();
    }

    static boolean erased(String email) {
        return email == null || email.endsWith("@invalid.serambi.id");
    }

    @WithTransaction
    Uni<Void> settle(List<Settled> settled) {
        return Multi.createFrom().iterable(settled)
                .onItem().transformToUniAndConcatenate(s -> messages.settle(s.due().claimed(), s.sent()))
                .collect().asList().replaceWithVoid();
    }
}
