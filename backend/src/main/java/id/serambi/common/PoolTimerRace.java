package id.serambi.common;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import org.jboss.logging.Logger;

/**
 * A known fault of the pinned SQL client (vertx-sql-client 4.5, issue eclipse-vertx/vertx-sql-client#1706): when a
 * pooled query's connection cannot be had (the wait queue is full, or the database refused the connection) before the
 * acquisition timeout of {@link FailFastPool}, the timeout's timer is not cancelled; when it fires it fails the
 * already-failed request again and Vert.x reports "Result is already complete" as an uncaught ERROR. The caller had its
 * answer already (a 503 problem), so nothing is lost: the report is logged at DEBUG instead, and every other uncaught
 * exception still reaches Quarkus' handler. Remove this when the client is fixed.
 */
@ApplicationScoped
public class PoolTimerRace {

    private static final Logger LOG = Logger.getLogger(PoolTimerRace.class);

    void install(@Observes StartupEvent event, Vertx vertx) {
        Handler<Throwable> quarkus = vertx.exceptionHandler();
        vertx.exceptionHandler(failure -> {
            if (isKnownRace(failure)) {
                LOG.debugf("The SQL pool's acquisition timer fired after the request had failed (vertx-sql-client#1706)");
            } else if (quarkus != null) {
                quarkus.handle(failure);
            }
        });
    }

    /** The SQL pool's acquisition timer failing a request that had already failed, and nothing else. */
    static boolean isKnownRace(Throwable failure) {
        return failure instanceof IllegalStateException && "Result is already complete".equals(failure.getMessage())
                && Arrays.stream(failure.getStackTrace()).anyMatch(frame -> frame.getClassName()
                        .equals("io.vertx.sqlclient.impl.pool.SqlConnectionPool")
                        && frame.getMethodName().startsWith("lambda$execute"));
    }
}
