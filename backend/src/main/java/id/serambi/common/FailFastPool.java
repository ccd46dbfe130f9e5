package id.serambi.common;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * The app's PostgreSQL pool, as Quarkus configures it plus bounds on waiting: while the database is away a request
 * waits at most {@code serambi.database.acquire-timeout} for a connection (or is refused at once when the queue is
 * full) and then gets a 503 problem ({@link DatabaseUnavailable}), instead of hanging. The pool reconnects on its own
 * when the database returns: every acquisition tries a new connection. The waiting is {@link BoundedWaitPool}'s, not
 * the SQL client's, whose acquisition timeout loses connections under overload (issue 21).
 */
@Singleton
public class FailFastPool implements PgPoolCreator {

    private final SerambiConfig.Database config;

    public FailFastPool(SerambiConfig config) {
        this.config = config.database();
    }

    @Override
    public Pool create(Input input) {
        return create(input.vertx(), input.poolOptions(), input.pgConnectOptionsList(), config.acquireTimeout(),
                config.connectTimeout(), config.maxWaitQueue());
    }

    static Pool create(Vertx vertx, PoolOptions pool, List<PgConnectOptions> databases, Duration acquireTimeout,
            Duration connectTimeout, int maxWaitQueue) {
        // The waiting (its bound, its timeout) is BoundedWaitPool's: the SQL client's own timeout loses connections.
        pool.setConnectionTimeout(0).setMaxWaitQueueSize(-1);
        databases.forEach(o -> o.setConnectTimeout((int) connectTimeout.toMillis()));
        return new BoundedWaitPool(vertx, PgDriver.INSTANCE.createPool(vertx, databases, pool), pool.getMaxSize(),
                acquireTimeout.toMillis(), maxWaitQueue);
    }
}
