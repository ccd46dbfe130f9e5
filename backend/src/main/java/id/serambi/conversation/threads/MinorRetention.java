package id.serambi.conversation.threads;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Minors' messages are kept for {@code serambi.conversations.minor-retention} (UU PDP, like guests' data): every
 * {@code serambi.conversations.minor-purge-every}, the messages of threads marked minor that were sent longer ago, and
 * the notes written longer ago, are deleted. A minor's thread with nothing newer left is emptied: its contact's name
 * and platform id go too (a new message from them opens a new thread). The thread row stays, with its times, first
 * responder and assignee, so the response-time report keeps its figures. Idempotent statements: any number of
 * instances may run it at once.
 */
@ApplicationScoped
public class MinorRetention {

    private static final Logger LOG = Logger.getLogger(MinorRetention.class);

    private final ThreadRepository threads;
    private final Duration retention;

    public MinorRetention(ThreadRepository threads, ConversationSettings settings) {
        this.threads = threads;
        this.retention = settings.minorRetention();
    }

    @Scheduled(identity = "conversation-minor-retention", every = "${serambi.conversations.minor-purge-every:1h}",
            delayed = "90s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return purge(Instant.now()).onFailure().recoverWithItem(e -> {
            LOG.error("The retention of minors' messages failed", e);
            return null;
        }).replaceWithVoid();
    }

    /** What one run deleted. */
    public record Purged(int messages, int notes, int threadsEmptied) {
    }

    /** Deletes what was due before {@code now} minus the retention; tests call it with the time they need. */
    @WithTransaction
    public Uni<Purged> purge(Instant now) {
        Instant cutoff = now.minus(retention);
        return threads.purgeMinorContent(cutoff).invoke(p -> {
            if (p.messages() + p.notes() + p.threadsEmptied() > 0) {
                LOG.infof("Deleted %d messages and %d notes of minors older than %s; emptied %d threads", p.messages(),
                        p.notes(), retention, p.threadsEmptied());
            }
        });
    }
}
