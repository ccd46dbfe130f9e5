package id.serambi.conversation.polling;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Polls the connected accounts' inboxes every {@code serambi.conversations.polling.every} (off in the tests, which call
 * {@link PollingService#pollAll} themselves). Safe with any number of instances: each account's poll is leased to one.
 */
@ApplicationScoped
public class PollingJob {

    private static final Logger LOG = Logger.getLogger(PollingJob.class);

    private final PollingService polling;

    public PollingJob(PollingService polling) {
        this.polling = polling;
    }

    @Scheduled(identity = "conversation-polling", every = "${serambi.conversations.polling.every:2m}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return polling.pollAll().onFailure().recoverWithItem(e -> {
            LOG.error("Polling the inboxes failed", e);
            return java.util.List.of();
        }).replaceWithVoid();
    }
}
