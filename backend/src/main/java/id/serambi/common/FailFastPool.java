package id.serambi.common;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * The app's PostgreSQL pool, as Quarkus configures it plus bounds on waiting: while the database is away a request
 * waits at most {@code serambi.database.acquire-timeout} for a connection (or is refused at once when the queue is
 * full) and then gets a 503 problem ({@link DatabaseUnavailable}), instead of hanging. The pool reconnects on its own
 * when the database returns: every acquisition tries a new connection.
 */
@Singleton
public class FailFastPool implements PgPoolCreator {

    private final SerambiConfig.Database config;

    public FailFastPool(SerambiConfig config) {
        this.config = config.database();
    }

    @Override
    public Pool create(Input input) {
        PoolOptions pool = input.poolOptions()
                .setConnectionTimeout((int) config.acquireTimeout().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxWaitQueueSize(config.maxWaitQueue());
        input.pgConnectOptionsList().forEach(o -> o.setConnectTimeout((int) config.connectTimeout().toMillis()));
        return PgDriver.INSTANCE.createPool(input.vertx(), input.pgConnectOptionsList(), pool);
    }
}
