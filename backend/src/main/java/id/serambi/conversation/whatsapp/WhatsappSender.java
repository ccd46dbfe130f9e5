package id.serambi.conversation.whatsapp;

import id.serambi.event.MessageFallBack;
import id.serambi.event.RegistrantMails;
import id.serambi.event.RegistrantWhatsapp.Notice;
import id.serambi.common.BackgroundRun;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends the queued WhatsApp messages (whatsapp_message), in the background: right after messages are queued and every
 * {@code serambi.whatsapp.send-every}. A run claims a batch (SKIP LOCKED, committed), sends each through the Cloud API
 * and settles it: SENT with its wamid; a rate limit or no answer back to PENDING for later (FAILED after
 * {@value #ATTEMPTS} attempts); a refusal FAILED. Then every failed message (here, or reported 'failed' by the
 * webhook) gets its e-mail instead, once ({@link RegistrantMails}; staff's message through its own e-mail outbox,
 * {@link MessageFallBack}). A message with a body (staff's, inside the 24-hour window) goes as that free text, any
 * other as its template. With any number of instances a message goes out at
 * most once per claim; a crash after a claim loses that message rather than sending it twice, as with the reminders.
 */
@ApplicationScoped
public class WhatsappSender {

    private static final Logger LOG = Logger.getLogger(WhatsappSender.class);
    static final int BATCH = 50;
    static final int ATTEMPTS = 5;

    record Outcome(WhatsappRepository.Claimed claimed, String wamid, WhatsappFailure failure) {
    }

    private final WhatsappRepository repository;
    private final WhatsappClient client;
    private final RegistrantMails mails;
    private final MessageFallBack messageFallBack;
    private final Duration retryAfter;
    private final BackgroundRun background;

    public WhatsappSender(WhatsappRepository repository, WhatsappClient client, RegistrantMails mails,
            MessageFallBack messageFallBack, WhatsappSettings settings, Vertx vertx) {
        this.messageFallBack = messageFallBack;
        this.repository = repository;
        this.client = client;
        this.mails = mails;
        this.retryAfter = settings.retryAfter();
        this.background = new BackgroundRun(vertx, this::sendAll);
    }

    @Scheduled(identity = "whatsapp-messages", every = "${serambi.whatsapp.send-every:10s}", delayed = "15s",
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
            LOG.error("WhatsApp messages to registrants failed", e);
            return 0;
        });
    }

    /**
     * Claims and sends batches until none is due, then sends the e-mails due instead of failed messages; how many
     * messages this run handed to WhatsApp. Tests call it directly.
     */
    public Uni<Integer> sendPending() {
        return sendBatches().call(this::fallBack);
    }

    private Uni<Integer> sendBatches() {
        return claim().chain(batch -> batch.isEmpty() ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(batch).onItem().transformToUni(this::send).merge(4)
                        .collect().asList()
                        .chain(this::settle)
                        .chain(sent -> batch.size() == BATCH ? sendBatches().map(more -> sent + more)
                                : Uni.createFrom().item(sent)));
    }

    @WithTransaction
    Uni<List<WhatsappRepository.Claimed>> claim() {
        return repository.claimDue(BATCH);
    }

    private Uni<Outcome> send(WhatsappRepository.Claimed c) {
        return (c.body() != null ? client.sendText(c.number(), c.body())
                : client.sendTemplate(c.number(), c.template(), c.language(), c.parameters()))
                .map(wamid -> new Outcome(c, wamid, null))
                .onFailure(WhatsappFailure.class).recoverWithItem(f -> new Outcome(c, null, (WhatsappFailure) f));
    }

    /** Settles each outcome; how many were sent. */
    @WithTransaction
    Uni<Integer> settle(List<Outcome> outcomes) {
        return Multi.createFrom().iterable(outcomes).onItem().transformToUniAndConcatenate(o -> {
            WhatsappRepository.Claimed c = o.claimed();
            if (o.failure() == null) {
                return repository.sent(c.id(), o.wamid()).replaceWith(1);
            }
            WhatsappFailure f = o.failure();
            if (f.kind() == WhatsappFailure.Kind.RETRY_LATER && c.attempts() < ATTEMPTS) {
                LOG.infof("WhatsApp message %d put off (attempt %d): %s", c.id(), c.attempts(), f.getMessage());
                return repository.later(c.id(), retryAfter.multipliedBy(1L << (c.attempts() - 1)), f.code(),
                        f.getMessage()).replaceWith(0);
            }
            LOG.warnf("WhatsApp message %d failed, e-mail instead: %s", c.id(), f.getMessage());
            return repository.failed(c.id(), f.code(), f.getMessage()).replaceWith(0);
        }).collect().asList().map(sent -> sent.stream().mapToInt(Integer::intValue).sum());
    }

    /** The e-mails instead of failed messages, one after the other (each opens its own transaction). */
    Uni<Void> fallBack() {
        return claimFallBacks().chain(due -> due.isEmpty() ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(f -> (f.messageId() != null
                        ? messageFallBack.byEmail(f.messageId(), f.registrationId())
                        : mails.instead(f.registrationId(), Notice.valueOf(f.notice())))
                        .invoke(sent -> {
                            if (!sent) {
                                LOG.warnf("The e-mail instead of WhatsApp message %d was not sent", f.id());
                            }
                        })
                        .onFailure().recoverWithItem(e -> {
                            LOG.warnf("The e-mail instead of WhatsApp message %d failed: %s", f.id(), e.toString());
                            return false;
                        }))
                        .collect().asList()
                        .chain(sent -> due.size() == BATCH ? fallBack() : Uni.createFrom().voidItem()));
    }

    @WithTransaction
    Uni<List<WhatsappRepository.FallBack>> claimFallBacks() {
        return repository.claimFallBacks(BATCH);
    }
}
