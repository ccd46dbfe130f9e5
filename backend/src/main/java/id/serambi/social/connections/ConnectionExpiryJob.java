package id.serambi.social.connections;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Tells the admins 7 days before a connection's token expires (once per expiry) and turns expired tokens "needs
 * reconnecting" (telling them too). Tokens that refresh by themselves (X) are left to the refresh. Safe with any
 * number of instances: each notice is claimed by an UPDATE in the database before it is written, so one instance
 * writes it.
 */
@ApplicationScoped
public class ConnectionExpiryJob {

    private static final Logger LOG = Logger.getLogger(ConnectionExpiryJob.class);
    static final Duration LEAD = Duration.ofDays(7);

    private final ConnectionStore store;

    public ConnectionExpiryJob(ConnectionStore store) {
        this.store = store;
    }

    @Scheduled(identity = "social-connection-expiry", every = "${serambi.social.expiry-check-every:1h}",
            delayed = "${serambi.social.expiry-check-delay:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return check().onFailure().recoverWithItem(e -> {
            LOG.error("Checking the social connections' expiry failed", e);
            return 0;
        }).replaceWithVoid();
    }

    /** Does the work now; returns how many notices this instance wrote. */
    public Uni<Integer> check() {
        return store.warnAndExpire(LEAD).invoke(n -> {
            if (n > 0) {
                LOG.infof("Told the admins about %d expiring or expired social connections", n);
            }
        });
    }
}
