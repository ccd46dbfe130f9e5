package id.serambi.assistant.knowledge;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A minor's questions to Tanya Perpustakaan are kept like a minor's messages in the inbox: deleted
 * {@code serambi.conversations.minor-retention} after they were asked, checked every
 * {@code serambi.conversations.minor-purge-every} (the same settings as the inbox's own minors' retention). One
 * idempotent statement: any number of instances may run it at once.
 */
@ApplicationScoped
public class MinorQuestionRetention {

    private static final Logger LOG = Logger.getLogger(MinorQuestionRetention.class);

    private final FaqRepository faq;
    private final Duration retention;

    public MinorQuestionRetention(FaqRepository faq,
            @ConfigProperty(name = "serambi.conversations.minor-retention", defaultValue = "P180D") Duration retention) {
        this.faq = faq;
        this.retention = retention;
    }

    @Scheduled(identity = "assistant-minor-retention", every = "${serambi.conversations.minor-purge-every:1h}",
            delayed = "95s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return purge(Instant.now()).onFailure().recoverWithItem(e -> {
            LOG.error("The retention of minors' questions to the assistant failed", e);
            return 0;
        }).replaceWithVoid();
    }

    /** Deletes minors' questions asked before {@code now} minus the retention; answers how many. */
    @WithTransaction
    public Uni<Integer> purge(Instant now) {
        return faq.deleteMinorQuestions(now.minus(retention)).invoke(n -> {
            if (n > 0) {
                LOG.infof("Deleted %d questions of minors to the assistant older than %s", n, retention);
            }
        });
    }
}
