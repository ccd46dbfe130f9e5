package id.serambi.conversation.threads;

import id.serambi.common.PgNotifications;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The changed threads, for this instance's open inbox pages: a thread's change (a new message, a reply, a status,
 * an assignee) is NOTIFY'd on {@link ThreadRepository#CHANNEL} in the transaction that made it, so every instance
 * hears of it at commit, whichever instance took the webhook.
 */
@ApplicationScoped
public class ThreadFeed {

    private static final Logger LOG = Logger.getLogger(ThreadFeed.class);

    /** The item of {@link #changes} that stands for a heartbeat rather than a thread. */
    public static final long HEARTBEAT = -1;

    private final BroadcastProcessor<Long> changed = BroadcastProcessor.create();
    private final PgNotifications pg;

    public ThreadFeed(PgNotifications pg) {
        this.pg = pg;
    }

    void start(@Observes StartupEvent event) {
        pg.channel(ThreadRepository.CHANNEL).subscribe().with(payload -> {
            try {
                changed.onNext(Long.parseLong(payload.strip()));
            } catch (NumberFormatException e) {
                LOG.debugf("Ignoring a malformed %s payload: %s", ThreadRepository.CHANNEL, payload);
            }
        });
    }

    /** The ids of changed threads from now on, with {@link #HEARTBEAT} every {@code heartbeat}, until {@code until}. */
    public Multi<Long> changes(Duration heartbeat, Instant until) {
        Multi<Long> beats = Multi.createFrom().ticks().startingAfter(heartbeat).every(heartbeat).map(tick -> HEARTBEAT);
        Duration left = Duration.between(Instant.now(), until);
        return Multi.createBy().merging().streams(changed, beats)
                .select().first(left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left);
    }
}
